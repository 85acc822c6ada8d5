import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../db/openDatabase.ts';
import { submissions } from '../db/schema.ts';
import { padRunJobId, stalePadRuns } from '../services/padRuns.ts';
import type { JudgeQueue } from './JudgeQueue.ts';

/** [A21] A `running` submission claimed longer ago than this lost its judge; judging one takes seconds. */
export const RUNNING_STALE_MS = 3 * 60_000;

/**
 * Re-enqueues every submission stuck on its way to a verdict ([A15], [A21]): `queued` for more than
 * `olderThanMs` (after Redis was flushed or down, a crash of the in-process queue, any enqueue that
 * failed, a job that failed for good), and `running` since a claim more than `runningOlderThanMs` ago
 * (its judge died). The queue replaces a finished or failed job with the same id; the tries counter
 * ([A20]) ends a submission that keeps failing as `internal_error`. Storing a verdict is idempotent,
 * so running this often is safe.
 */
export async function reconcileQueued(
  db: Db,
  queue: JudgeQueue,
  now: Date,
  olderThanMs: number,
  runningOlderThanMs: number = RUNNING_STALE_MS,
): Promise<number> {
  const stale = await db
    .select({ id: submissions.id, attemptId: submissions.attemptId })
    .from(submissions)
    .where(
      or(
        and(eq(submissions.status, 'queued'), lt(submissions.createdAt, new Date(now.getTime() - olderThanMs))),
        and(
          eq(submissions.status, 'running'),
          or(isNull(submissions.claimedAt), lt(submissions.claimedAt, new Date(now.getTime() - runningOlderThanMs))),
        ),
      ),
    );
  let enqueued = 0;
  // [A107] Pad runs stuck the same way, in their pad's lane. A run has no claim time: runs take
  // seconds, so one created longer ago than the running threshold and still running lost its judge.
  const padRuns = await stalePadRuns(
    db,
    new Date(now.getTime() - olderThanMs),
    new Date(now.getTime() - runningOlderThanMs),
  );
  const jobs = [
    ...stale.map(({ id, attemptId }) => ({ id, lane: attemptId })),
    ...padRuns.map(({ id, padId }) => ({ id: padRunJobId(id), lane: padId })),
  ];
  for (const { id, lane } of jobs) {
    try {
      await queue.requeue(id, lane);
      enqueued++;
    } catch {
      return enqueued;
    }
  }
  return enqueued;
}
