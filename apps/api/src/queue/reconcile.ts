import { and, inArray, lt } from 'drizzle-orm';
import type { Db } from '../db/openDatabase.ts';
import { submissions } from '../db/schema.ts';
import type { JudgeQueue } from './JudgeQueue.ts';

/**
 * Re-enqueues every submission still waiting after `olderThanMs` ([A15]): after Redis was flushed or
 * down, after a crash of the in-process queue, or after any enqueue that failed. Enqueueing is
 * idempotent (job id = submission id), and storing a verdict is too, so running this often is safe.
 */
export async function reconcileQueued(db: Db, queue: JudgeQueue, now: Date, olderThanMs: number): Promise<number> {
  const stale = await db
    .select({ id: submissions.id })
    .from(submissions)
    .where(
      and(
        inArray(submissions.status, ['queued', 'running']),
        lt(submissions.createdAt, new Date(now.getTime() - olderThanMs)),
      ),
    );
  let enqueued = 0;
  for (const { id } of stale) {
    try {
      await queue.enqueue(id);
      enqueued++;
    } catch {
      return enqueued;
    }
  }
  return enqueued;
}
