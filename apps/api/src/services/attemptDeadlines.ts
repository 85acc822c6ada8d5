import { AttemptExpired, AttemptFinished, AttemptNotStarted } from '../errors.ts';
import { finishAttempts, SWEEP_BATCH } from './finishAttempts.ts';
import { type AttemptDeps, type AttemptRow, loadAttempt } from './loadAttempt.ts';

/** The attempt, if the candidate may still write to it; otherwise the error that says why not ([A13]). */
export async function writable(deps: AttemptDeps, attemptId: string): Promise<AttemptRow> {
  const attempt = await loadAttempt(deps.db, attemptId);
  if (attempt.status === 'not_started') throw new AttemptNotStarted();
  if (attempt.status === 'finished')
    throw attempt.finishReason === 'deadline' ? new AttemptExpired() : new AttemptFinished();
  if (attempt.deadline && deps.now() >= attempt.deadline) {
    await finalizeIfDue(deps, attempt);
    throw new AttemptExpired();
  }
  return attempt;
}

/**
 * Finishes the attempt and submits, for every task, the last saved code if it changed after the task's
 * last submission ([A14]), in one statement ([A28]): what the candidate wrote counts even if the time
 * ran out before they pressed submit.
 */
export async function finish(
  deps: AttemptDeps,
  attempt: AttemptRow,
  reason: 'candidate' | 'deadline',
): Promise<AttemptRow> {
  const finished = await finishAttempts(deps.db, { attemptId: attempt.id, reason, now: deps.now() });
  await enqueueAll(deps, finished.submissions);
  return loadAttempt(deps.db, attempt.id);
}

/** The submissions are stored; if the queue is down the reconciler enqueues them later ([A15]). */
async function enqueueAll(deps: AttemptDeps, created: { id: string; attemptId: string }[]): Promise<void> {
  for (const { id, attemptId } of created) await deps.queue.enqueue(id, attemptId).catch(() => undefined);
}

/** Finishes an attempt whose deadline has passed; any request, or the sweeper, may call it. */
export async function finalizeIfDue(deps: AttemptDeps, attempt: AttemptRow): Promise<AttemptRow> {
  if (attempt.status !== 'in_progress' || !attempt.deadline || deps.now() < attempt.deadline) return attempt;
  return finish(deps, attempt, 'deadline');
}

/**
 * Finishes every attempt past its deadline, in batches of set-based statements ([A14], [A28]); run
 * every second by the server. Returns how many it finished.
 */
export async function sweepDeadlines(deps: AttemptDeps): Promise<number> {
  let total = 0;
  for (;;) {
    const finished = await finishAttempts(deps.db, { due: deps.now() });
    await enqueueAll(deps, finished.submissions);
    total += finished.attemptIds.length;
    if (finished.attemptIds.length < SWEEP_BATCH) return total;
  }
}
