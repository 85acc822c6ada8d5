import { type AttemptReviewResponse, CODE_BATCH_MAX, type CodeBatch } from '@assay/contracts';
import { api } from '../../api/client.ts';

// Everything the review page shows of an attempt, gathered from the paged API ([A43], [A98]): each list
// followed to its end (within a cap), and the code of every snapshot and submission in batches.

/** The most of each list the page loads; beyond it the page says what it left out. */
export const RECORD_CAPS = { history: 3000, submissions: 500, events: 5000 } as const;
const PAGE_LIMITS = { history: 200, submissions: 50, events: 500 } as const;

export interface AttemptRecord extends AttemptReviewResponse {
  /** Snapshot id → its code. */
  snapshotCode: Map<number, string>;
  /** Submission id → its code. */
  submissionCode: Map<string, string>;
  /** Lists cut at their cap. */
  truncated: (keyof typeof RECORD_CAPS)[];
}

async function follow<T>(
  attemptId: string,
  list: keyof typeof RECORD_CAPS,
  first: T[],
  next: string | null,
): Promise<{ items: T[]; truncated: boolean }> {
  const items = [...first];
  let cursor = next;
  while (cursor && items.length < RECORD_CAPS[list]) {
    const page = await api<{ items: T[]; next: string | null }>(
      'GET',
      `/api/admin/attempts/${attemptId}/${list}?limit=${PAGE_LIMITS[list]}&cursor=${encodeURIComponent(cursor)}`,
    );
    items.push(...page.items);
    cursor = page.next;
  }
  return { items: items.slice(0, RECORD_CAPS[list]), truncated: cursor !== null || items.length > RECORD_CAPS[list] };
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs `tasks` at most `limit` at a time. */
async function pooled(tasks: (() => Promise<void>)[], limit = 4): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, tasks.length) }, async () => {
      while (next < tasks.length) await tasks[next++]?.();
    }),
  );
}

export async function loadAttemptRecord(attemptId: string): Promise<AttemptRecord> {
  const first = await api<AttemptReviewResponse>('GET', `/api/admin/attempts/${attemptId}`);
  const [history, submissions, events] = await Promise.all([
    follow(attemptId, 'history', first.history, first.next.history),
    follow(attemptId, 'submissions', first.submissions, first.next.submissions),
    follow(attemptId, 'events', first.events, first.next.events),
  ]);
  const snapshotCode = new Map<number, string>();
  const submissionCode = new Map<string, string>();
  const batches = [
    ...chunks(
      history.items.map((h) => h.id),
      CODE_BATCH_MAX,
    ).map((ids) => `history=${ids.join(',')}`),
    ...chunks(
      submissions.items.map((s) => s.id),
      CODE_BATCH_MAX,
    ).map((ids) => `submissions=${ids.join(',')}`),
  ];
  await pooled(
    batches.map((query) => async () => {
      const batch = await api<CodeBatch>('GET', `/api/admin/attempts/${attemptId}/code?${query}`);
      for (const h of batch.history) snapshotCode.set(h.id, h.code);
      for (const s of batch.submissions) submissionCode.set(s.id, s.code);
    }),
  );
  return {
    ...first,
    history: history.items,
    submissions: submissions.items,
    events: events.items,
    snapshotCode,
    submissionCode,
    truncated: (['history', 'submissions', 'events'] as const).filter(
      (list) => ({ history, submissions, events })[list].truncated,
    ),
  };
}
