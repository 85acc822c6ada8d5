import { describe, expect, it } from 'vitest';
import { advance, codeAt, IDLE_GAP_MS, offsetLabel } from './playback.ts';

const snapshots = [
  { t: 10_000, code: 'a' },
  { t: 40_000, code: 'ab' },
  { t: 300_000, code: 'abc' },
];

describe('code playback', () => {
  it('[W37] shows the last snapshot saved at or before the moment, nothing before the first', () => {
    expect(codeAt(snapshots, 0)).toBeNull();
    expect(codeAt(snapshots, 9_999)).toBeNull();
    expect(codeAt(snapshots, 10_000)).toEqual({ code: 'a', index: 0 });
    expect(codeAt(snapshots, 299_999)).toEqual({ code: 'ab', index: 1 });
    expect(codeAt(snapshots, 10_000_000)).toEqual({ code: 'abc', index: 2 });
    expect(codeAt([], 5)).toBeNull();
  });

  it('[W37] skips an idle stretch to just before the next moment, only when asked, and never past the end', () => {
    const moments = snapshots.map((s) => s.t);
    // 1 s steps from 41 s: the next moment is 259 s away.
    expect(advance(41_000, 1_000, moments, 400_000, false)).toBe(42_000);
    expect(advance(41_000, 1_000, moments, 400_000, true)).toBe(299_000);
    // A gap shorter than the idle threshold plays through.
    expect(advance(10_000, 1_000, [10_000, 10_000 + IDLE_GAP_MS - 1], 400_000, true)).toBe(11_000);
    // After the last moment playback runs to the end, and stops there.
    expect(advance(399_500, 3_200, moments, 400_000, true)).toBe(400_000);
  });

  it('[W37] labels offsets from the start', () => {
    expect(offsetLabel(0)).toBe('+0:00');
    expect(offsetLabel(125_000)).toBe('+2:05');
    expect(offsetLabel(3_723_000)).toBe('+1:02:03');
  });
});
