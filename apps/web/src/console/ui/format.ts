// How numbers and times read in the console: scores rounded to one decimal (never 264.70588235294116).

/** `264.7`, `100`, `—` for no score. */
export function formatScore(score: number | null | undefined): string {
  if (score === null || score === undefined || !Number.isFinite(score)) return '—';
  return String(Math.round(score * 10) / 10);
}

/** `37%` of a maximum; `—` when there is none. */
export function formatPercent(part: number | null | undefined, whole: number): string {
  if (part === null || part === undefined || !(whole > 0)) return '—';
  return `${Math.round((part / whole) * 100)}%`;
}

/** `28 Nov 2026, 14:05` in the reader's time zone; `—` for none. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return date.toLocaleString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** `1 h 05 min`, `12 min`, `45 s`. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return '—';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}
