import type { ProctorEvent } from '@assay/contracts';
import { count, eq, sql } from 'drizzle-orm';
import { attempts, proctorEvents } from '../db/schema.ts';
import { AttemptExpired, AttemptFinished, AttemptNotStarted, ProctorEventsFull } from '../errors.ts';
import { type AttemptDeps, loadAttempt } from './loadAttempt.ts';

/** At most this many bytes of request body ([A41]); the most events per request is @assay/contracts PROCTOR_BATCH_EVENTS. */
export const PROCTOR_BATCH_BYTES = 64 * 1024;
/** The most events one attempt keeps ([A41]). */
export const PROCTOR_EVENTS_PER_ATTEMPT = 5000;
/**
 * How far an event may lie outside the attempt's time, and how long after the end a batch is still
 * taken: the browser's clock may be a little off, and a batch may still be on its way at the finish.
 */
export const PROCTOR_GRACE_MS = 2 * 60_000;

/**
 * Records a batch of proctoring events ([A41]): only for a started attempt, until a grace period after
 * it ended; events timed outside the attempt (give or take the grace) are dropped, and so is whatever
 * does not fit under the attempt's cap. Says how many were recorded and dropped.
 */
export async function recordProctorEvents(
  deps: AttemptDeps,
  attemptId: string,
  events: ProctorEvent[],
): Promise<{ recorded: number; dropped: number }> {
  const attempt = await loadAttempt(deps.db, attemptId);
  if (attempt.status === 'not_started' || !attempt.startedAt) throw new AttemptNotStarted();
  const now = deps.now().getTime();
  const end = (attempt.finishedAt ?? attempt.deadline)?.getTime() ?? now;
  if (now > end + PROCTOR_GRACE_MS) {
    throw attempt.finishReason === 'candidate' ? new AttemptFinished() : new AttemptExpired();
  }
  const from = attempt.startedAt.getTime() - PROCTOR_GRACE_MS;
  const to = Math.min(now, end) + PROCTOR_GRACE_MS;
  const timely = events.filter((e) => {
    const time = Date.parse(e.at);
    return time >= from && time <= to;
  });
  const recorded = await deps.db.transaction(async (tx) => {
    // The attempt's row is the lock that keeps two batches at once from passing the cap together.
    await tx.execute(sql`SELECT 1 FROM ${attempts} WHERE id = ${attemptId} FOR UPDATE`);
    const [held] = await tx.select({ n: count() }).from(proctorEvents).where(eq(proctorEvents.attemptId, attemptId));
    const room = PROCTOR_EVENTS_PER_ATTEMPT - (held?.n ?? 0);
    if (room <= 0) throw new ProctorEventsFull(PROCTOR_EVENTS_PER_ATTEMPT);
    const kept = timely.slice(0, room);
    if (kept.length > 0) {
      await tx
        .insert(proctorEvents)
        .values(kept.map((e) => ({ attemptId, type: e.type, at: new Date(e.at), detail: e.detail ?? {} })));
    }
    return kept.length;
  });
  return { recorded, dropped: events.length - recorded };
}
