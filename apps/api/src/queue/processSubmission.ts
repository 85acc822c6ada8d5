import type { Judge } from '@assay/judge';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/openDatabase.ts';
import { assessmentTasks, attempts, submissions } from '../db/schema.ts';
import { problemVersionById } from '../services/cachedLookups.ts';
import { storeVerdict } from '../services/scoring.ts';
import type { EventBus } from './EventBus.ts';

export interface ProcessorDeps {
  db: Db;
  judge: Judge;
  events: EventBus;
}

/**
 * The judge worker's processor ([A7]): load the submission, call the pure judge, store the result.
 * Storing is idempotent (only a submission not yet `done` is written), so a job re-run after a worker
 * dies mid-judge stores its verdict exactly once. Returns false when there was nothing to do.
 */
export async function processSubmission(deps: ProcessorDeps, submissionId: string): Promise<boolean> {
  const { db, judge, events } = deps;
  const [row] = await db
    .select({ submission: submissions, versionId: assessmentTasks.problemVersionId })
    .from(submissions)
    .innerJoin(attempts, eq(attempts.id, submissions.attemptId))
    .innerJoin(
      assessmentTasks,
      and(eq(assessmentTasks.assessmentId, attempts.assessmentId), eq(assessmentTasks.position, submissions.position)),
    )
    .where(eq(submissions.id, submissionId));
  if (!row || row.submission.status === 'done') return false;
  const { submission } = row;
  const { spec } = await problemVersionById(db, row.versionId);
  const event = {
    type: 'submission' as const,
    attemptId: submission.attemptId,
    submissionId,
    position: submission.position,
    mode: submission.mode,
  };
  await db
    .update(submissions)
    .set({ status: 'running' })
    .where(and(eq(submissions.id, submissionId), eq(submissions.status, 'queued')));
  await events.publish({ ...event, status: 'running' });

  const report = await judge.judge({
    problem: spec,
    submission: { language: submission.language, source: submission.code },
    mode: submission.mode,
    ...(submission.customInputs ? { customInputs: submission.customInputs } : {}),
  });
  const stored = await storeVerdict(db, submission, report);
  if (stored) await events.publish({ ...event, status: 'done', verdict: report.verdict, score: report.score });
  return stored;
}
