import type { PadPlayback, PlaybackEvent } from '@assay/contracts';
import { describe, expect, it } from 'vitest';
import { advance, awaySpans, clock, editDensity, IDLE_GAP_MS, languageAt, nextMoment } from './playhead.ts';

const event = (
  t: number,
  p: number,
  kind: PlaybackEvent['kind'],
  data: Record<string, unknown> = {},
): PlaybackEvent => ({
  t,
  p,
  kind,
  data,
});

const playback = (over: Partial<PadPlayback>): PadPlayback => ({
  startedAt: new Date(0).toISOString(),
  durationMs: 100_000,
  participants: [],
  edits: [],
  checkpoints: [{ edit: 0, text: '' }],
  events: [],
  runs: [],
  notes: '',
  title: 'T',
  status: 'ended',
  language: 'javascript',
  ...over,
});

describe('[W57] playhead arithmetic', () => {
  it('moves with real time × speed and stops at the end', () => {
    expect(advance(1000, 100, 32, [], 100_000, false)).toBe(4200);
    expect(advance(99_000, 100, 32, [], 100_000, false)).toBe(100_000);
  });

  it('skips an idle gap longer than 5 s to just before the next moment, and only then', () => {
    const moments = [1000, 2000, 30_000];
    expect(advance(2000, 16, 1, moments, 100_000, true)).toBe(29_500);
    expect(advance(2000, 16, 1, moments, 100_000, false)).toBe(2016);
    // A gap of less than IDLE_GAP_MS plays at its speed.
    expect(advance(1000, 16, 1, [1000, 1000 + IDLE_GAP_MS - 1], 100_000, true)).toBe(1016);
    expect(nextMoment(moments, 2000)).toBe(30_000);
    expect(nextMoment(moments, 30_000)).toBeUndefined();
  });

  it('[W58] shows session time as mm:ss, h:mm:ss past an hour', () => {
    expect(clock(0)).toBe('00:00');
    expect(clock(65_999)).toBe('01:05');
    expect(clock(3_725_000)).toBe('1:02:05');
  });

  it('[W56] draws tab-away spans per participant, closed by visible, leave or the end', () => {
    const events = [
      event(1000, 0, 'tab_hidden'),
      event(2000, 1, 'tab_hidden'),
      event(3000, 0, 'tab_visible'),
      event(5000, 1, 'leave'),
      event(6000, 0, 'tab_hidden'),
    ];
    expect(awaySpans(events, 0, 9000)).toEqual([
      { from: 1000, to: 3000 },
      { from: 6000, to: 9000 },
    ]);
    expect(awaySpans(events, 1, 9000)).toEqual([{ from: 2000, to: 5000 }]);
  });

  it('[W59] knows the language of each moment, ignoring a language it does not know', () => {
    const p = playback({
      events: [event(10, 0, 'language', { language: 'typescript' }), event(20, 0, 'language', { language: 'cobol' })],
    });
    expect(languageAt(p, 5)).toBe('javascript');
    expect(languageAt(p, 15)).toBe('typescript');
    expect(languageAt(p, 25)).toBe('typescript');
  });

  it('[W56] counts a participant’s edits into equal slices of the session', () => {
    const p = playback({
      durationMs: 1000,
      edits: [
        { t: 0, p: 0, origin: 'edit', ops: ['a'] },
        { t: 999, p: 0, origin: 'edit', ops: [1, 'b'] },
        { t: 500, p: 1, origin: 'edit', ops: [2, 'c'] },
      ],
    });
    expect(editDensity(p, 0, 4)).toEqual([1, 0, 0, 1]);
    expect(editDensity(p, 1, 4)).toEqual([0, 0, 1, 0]);
  });
});
