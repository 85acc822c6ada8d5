import type { Judge } from '@assay/judge';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/openDatabase.ts';
import { assessmentTasks, attempts, submissions } from '../db/schema.ts';
import { problemVersionById } from '../services/cachedLookups.ts';
import { storeVerdict } from '../services/scoring.ts';
import type { EventBus } from './EventBus.ts';

interface Claimed {
  attemptId: string;
  position: number;
  language: 'javascript' | 'typescript';
  code: string;
  mode: 'run' | 'submit';
  customInputs: unknown[][] | null;
  versionId: string;
}

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
  // One round trip claims the submission (queued → running; a re-run after a crash finds it running)
  // and finds its problem version. A submission already `done` is left alone.
  const result = await db.execute(sql`
    UPDATE ${submissions} s SET status = 'running'
    FROM ${attempts} a, ${assessmentTasks} t
    WHERE s.id = ${submissionId} AND s.status <> 'done'
      AND a.id = s.attempt_id AND t.assessment_id = a.assessment_id AND t.position = s.position
    RETURNING s.attempt_id AS "attemptId", s.position, s.language, s.code, s.mode,
      s.custom_inputs AS "customInputs", t.problem_version_id AS "versionId"`);
  const submission = (result as unknown as { rows: Claimed[] }).rows[0];
  if (!submission) return false;
  const { spec } = await problemVersionById(db, submission.versionId);
  const event = {
    type: 'submission' as const,
    attemptId: submission.attemptId,
    submissionId,
    position: submission.position,
    mode: submission.mode,
  };
  // The 'running' notice is informational: the verdict does not wait for it.
  events.publish({ ...event, status: 'running' }).catch(() => {});

  const report = await judge.judge({
    problem: spec,
    submission: { language: submission.language, source: submission.code },
    mode: submission.mode,
    ...(submission.customInputs ? { customInputs: submission.customInputs } : {}),
  });
  const stored = await storeVerdict(db, { id: submissionId, ...submission }, report);
  if (stored) await events.publish({ ...event, status: 'done', verdict: report.verdict, score: report.score });
  return stored;
}
