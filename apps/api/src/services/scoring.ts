import type { JudgeReport } from '@assay/judge';
import { and, eq, max, sql } from 'drizzle-orm';
import type { Db } from '../db/openDatabase.ts';
import { assessmentTasks, attempts, submissions } from '../db/schema.ts';

export interface TaskScore {
  position: number;
  points: number;
  /** Best fraction of hidden tests passed by any submission of this task. */
  best: number;
  earned: number;
}

/**
 * [A8] A task earns its points × the best fraction of hidden tests any of its submissions passed; the
 * attempt's score is the sum. Runs never count.
 */
export async function taskScores(db: Db, attemptId: string): Promise<TaskScore[]> {
  const [attempt] = await db
    .select({ assessmentId: attempts.assessmentId })
    .from(attempts)
    .where(eq(attempts.id, attemptId));
  if (!attempt) return [];
  const tasks = await db
    .select({ position: assessmentTasks.position, points: assessmentTasks.points })
    .from(assessmentTasks)
    .where(eq(assessmentTasks.assessmentId, attempt.assessmentId))
    .orderBy(assessmentTasks.position);
  const best = await db
    .select({ position: submissions.position, best: max(submissions.score) })
    .from(submissions)
    .where(and(eq(submissions.attemptId, attemptId), eq(submissions.mode, 'submit'), eq(submissions.status, 'done')))
    .groupBy(submissions.position);
  const bestBy = new Map(best.map((b) => [b.position, b.best ?? 0]));
  return tasks.map((t) => {
    const fraction = bestBy.get(t.position) ?? 0;
    return { position: t.position, points: t.points, best: fraction, earned: t.points * fraction };
  });
}

/**
 * [A7] Stores a verdict once and, for a submission, the attempt's new score ([A8]), in one statement:
 * both happen or neither does, and a verdict already stored is left alone. Returns whether it stored.
 */
export async function storeVerdict(
  db: Db,
  submission: { id: string; attemptId: string; mode: 'run' | 'submit' },
  report: JudgeReport,
): Promise<boolean> {
  const result = await db.execute(sql`
    WITH done AS (
      UPDATE ${submissions}
      SET status = 'done', verdict = ${report.verdict}, score = ${report.score}, report = ${JSON.stringify(report)}::jsonb, judged_at = now()
      WHERE id = ${submission.id} AND status <> 'done'
      RETURNING position, mode, score
    ), best AS (
      SELECT position, max(score) AS best FROM (
        SELECT position, score FROM ${submissions}
        WHERE attempt_id = ${submission.attemptId} AND mode = 'submit' AND status = 'done' AND id <> ${submission.id}
        UNION ALL
        SELECT position, score FROM done WHERE mode = 'submit'
      ) scored GROUP BY position
    ), rescored AS (
      UPDATE ${attempts} SET score = COALESCE((
        SELECT sum(t.points * COALESCE(b.best, 0))
        FROM ${assessmentTasks} t LEFT JOIN best b ON b.position = t.position
        WHERE t.assessment_id = ${attempts.assessmentId}
      ), 0)
      WHERE ${attempts.id} = ${submission.attemptId} AND EXISTS (SELECT 1 FROM done WHERE mode = 'submit')
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM done)::int AS stored, (SELECT count(*) FROM rescored)::int AS rescored`);
  const row = (result as unknown as { rows: { stored: number }[] }).rows[0];
  return Number(row?.stored ?? 0) > 0;
}
