// The arithmetic of code playback ([W37]), kept apart from the page so it reads (and tests) on its own.

export interface Snapshot {
  /** Milliseconds since the attempt's start. */
  t: number;
  code: string;
}

export interface Marker {
  t: number;
  kind: 'run' | 'submit' | 'paste';
  label: string;
}

/** The code as it was at `t`: the last snapshot saved at or before it, or null before the first. */
export function codeAt(snapshots: Snapshot[], t: number): { code: string; index: number } | null {
  let lo = 0;
  let hi = snapshots.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((snapshots[mid]?.t ?? 0) <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const snapshot = snapshots[found];
  return snapshot ? { code: snapshot.code, index: found } : null;
}

/** A quiet stretch longer than this is skipped when "skip idle" is on. */
export const IDLE_GAP_MS = 45_000;

/**
 * Where playback goes next, `stepMs` of attempt time later: with `skipIdle`, a jump over a stretch with
 * no snapshot or marker to just before the next one.
 */
export function advance(t: number, stepMs: number, moments: number[], end: number, skipIdle: boolean): number {
  const next = Math.min(end, t + stepMs);
  if (!skipIdle) return next;
  const upcoming = moments.find((m) => m > t);
  if (upcoming === undefined) return next;
  if (upcoming - t > IDLE_GAP_MS && next < upcoming) return Math.min(end, Math.max(next, upcoming - 1000));
  return next;
}

/** `+4:05` from the start; `+1:02:03` past an hour. */
export function offsetLabel(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `+${h}:${String(m).padStart(2, '0')}:${s}` : `+${m}:${s}`;
}
