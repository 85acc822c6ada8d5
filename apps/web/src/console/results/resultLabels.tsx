import type { ResultRow, ReviewDecision } from '@assay/contracts';

// How results read in the console: status and decision badges, shared by the table, the overview and the review.

const STATUS: Record<ResultRow['status'], { label: string; tone: string }> = {
  not_started: { label: 'Not started', tone: 'neutral-soft' },
  in_progress: { label: 'In progress', tone: 'warn' },
  finished: { label: 'Finished', tone: 'ok' },
};

const DECISION: Record<ReviewDecision, { label: string; tone: string }> = {
  advance: { label: 'Advance', tone: 'ok' },
  reject: { label: 'Reject', tone: 'bad' },
  undecided: { label: 'Undecided', tone: 'neutral-soft' },
};

export const statusLabel = (status: ResultRow['status']) => STATUS[status].label;
export const decisionLabel = (decision: ReviewDecision) => DECISION[decision].label;

export function StatusBadge({ status }: { status: ResultRow['status'] }) {
  return <span className={`badge badge-${STATUS[status].tone}`}>{STATUS[status].label}</span>;
}

export function DecisionBadge({ decision }: { decision: ReviewDecision }) {
  return (
    <span className={`badge badge-${DECISION[decision].tone}`} data-decision={decision}>
      {DECISION[decision].label}
    </span>
  );
}

/** `84.7 / 150`. */
export function scoreOf(score: number | null, max: number, format: (n: number | null) => string) {
  return score === null ? '—' : `${format(score)} / ${max}`;
}

/** `28 Nov, 14:05`: a moment in a list, this year's without the year. */
export function formatWhen(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  const sameYear = date.getFullYear() === new Date().getFullYear();
  return date.toLocaleString(undefined, {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
    hour: '2-digit',
    minute: '2-digit',
  });
}
