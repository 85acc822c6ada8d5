// The arithmetic of the pad's playback page ([W55]–[W62]), apart from React so it reads and tests alone.
import type { LanguageId, PadPlayback, PlaybackEvent } from '@assay/contracts';
import { isLanguage } from '@assay/judge/languages';

/** While playing with "skip idle", a stretch with nothing in it longer than this is jumped over ([W57]). */
export const IDLE_GAP_MS = 5000;
export const SPEEDS = [1, 2, 4, 8, 16, 32] as const;
export type Speed = (typeof SPEEDS)[number];

/** Every moment something happened (edits, events, runs), sorted: what "skip idle" jumps to. */
export function momentsOf(playback: PadPlayback): number[] {
  const start = Date.parse(playback.startedAt);
  return [
    ...playback.edits.map((e) => e.t),
    ...playback.events.map((e) => e.t),
    ...playback.runs.map((r) => Date.parse(r.createdAt) - start),
  ].sort((a, b) => a - b);
}

/** The first moment after `t` (binary search), or undefined past the last. */
export function nextMoment(moments: number[], t: number): number | undefined {
  let lo = 0;
  let hi = moments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((moments[mid] as number) <= t) lo = mid + 1;
    else hi = mid;
  }
  return moments[lo];
}

/**
 * [W57] Where the playhead goes after `elapsedMs` of real time at `speed`: with `skipIdle`, a gap longer
 * than IDLE_GAP_MS before the next moment is jumped to just before that moment.
 */
export function advance(
  t: number,
  elapsedMs: number,
  speed: number,
  moments: number[],
  end: number,
  skipIdle: boolean,
): number {
  const next = Math.min(end, t + elapsedMs * speed);
  if (!skipIdle) return next;
  const upcoming = nextMoment(moments, t);
  if (upcoming === undefined) return next;
  if (upcoming - t > IDLE_GAP_MS && next < upcoming) return Math.min(end, Math.max(next, upcoming - 500));
  return next;
}

/** `mm:ss` (or `h:mm:ss`) of session time. */
export function clock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = String(Math.floor((total % 3600) / 60)).padStart(2, '0');
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${m}:${s}` : `${m}:${s}`;
}

/** The language the pad was in at `t`: the start's, then each switch at or before `t`. */
export function languageAt(playback: PadPlayback, t: number): LanguageId {
  let language = playback.language;
  for (const event of playback.events) {
    if (event.t > t) break;
    // A language this build does not know (an event from a newer server) keeps the one before.
    if (event.kind === 'language' && isLanguage(event.data.language)) language = event.data.language;
  }
  return language;
}

/** [W56] Spans a participant spent with the pad's tab hidden: from tab_hidden to the next tab_visible (or leave/end). */
export function awaySpans(events: PlaybackEvent[], participant: number, end: number): { from: number; to: number }[] {
  const spans: { from: number; to: number }[] = [];
  let hiddenAt: number | null = null;
  for (const event of events) {
    if (event.kind === 'end' && hiddenAt !== null) {
      spans.push({ from: hiddenAt, to: event.t });
      hiddenAt = null;
    }
    if (event.p !== participant) continue;
    if (event.kind === 'tab_hidden' && hiddenAt === null) hiddenAt = event.t;
    else if ((event.kind === 'tab_visible' || event.kind === 'leave') && hiddenAt !== null) {
      spans.push({ from: hiddenAt, to: event.t });
      hiddenAt = null;
    }
  }
  if (hiddenAt !== null) spans.push({ from: hiddenAt, to: end });
  return spans;
}

/**
 * [W56] A participant's edits counted into `buckets` equal slices of the session: a track of 20 000
 * edits draws a few hundred bars, not 20 000 elements.
 */
export function editDensity(playback: PadPlayback, participant: number, buckets: number): number[] {
  const counts = new Array<number>(buckets).fill(0);
  const length = Math.max(1, playback.durationMs);
  for (const edit of playback.edits) {
    if (edit.p !== participant) continue;
    const at = Math.min(buckets - 1, Math.floor((edit.t / length) * buckets));
    counts[at] = (counts[at] ?? 0) + 1;
  }
  return counts;
}
