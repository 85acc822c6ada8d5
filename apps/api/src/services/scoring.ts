import type { JudgeReport } from '@assay/judge';
import { and, eq, max, sql } from 'drizzle-orm';
import { jsonbValue } from '../db/jsonb.ts';
import type { Db } from '../db/openDatabase.ts';
import { rowsOf } from '../db/rowsOf.ts';
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
 * attempt's score is the sum. Runs never count. (storeVerdict keeps the stored score by the same rule, in SQL.)
 */
export function scoreTasks(
  tasks: { position: number; points: number }[],
  bestOf: (position: number) => number,
): TaskScore[] {
  return tasks.map((t) => {
    const best = bestOf(t.position);
    return { position: t.position, points: t.points, best, earned: t.points * best };
  });
}

/** The best submitted fraction per attempt and task, for one attempt or every attempt of an assessment. */
export async function bestFractions(db: Db, of: { attemptId: string } | { assessmentId: string }) {
  const rows = await db
    .select({ attemptId: submissions.attemptId, position: submissions.position, best: max(submissions.score) })
    .from(submissions)
    .innerJoin(attempts, eq(attempts.id, submissions.attemptId))
    .where(
      and(
        'attemptId' in of ? eq(submissions.attemptId, of.attemptId) : eq(attempts.assessmentId, of.assessmentId),
        eq(submissions.mode, 'submit'),
        eq(submissions.status, 'done'),
      ),
    )
    .groupBy(submissions.attemptId, submissions.position);
  const best = new Map(rows.map((r) => [`${r.attemptId}/${r.position}`, r.best ?? 0]));
  return (attemptId: string, position: number) => best.get(`${attemptId}/${position}`) ?? 0;
}

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
  const best = await bestFractions(db, { attemptId });
  return scoreTasks(tasks, (position) => best(attemptId, position));
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
      SET status = 'done', verdict = ${report.verdict}, score = ${report.score}, report = ${jsonbValue(report)}, judged_at = now()
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
      -- A data-modifying CTE runs whether or not the final SELECT reads it.
      UPDATE ${attempts} SET score = COALESCE((
        SELECT sum(t.points * COALESCE(b.best, 0))
        FROM ${assessmentTasks} t LEFT JOIN best b ON b.position = t.position
        WHERE t.assessment_id = ${attempts.assessmentId}
      ), 0)
      WHERE ${attempts.id} = ${submission.attemptId} AND EXISTS (SELECT 1 FROM done WHERE mode = 'submit')
    )
    SELECT count(*)::int AS stored FROM done`);
  const row = rowsOf<{ stored: number }>(result)[0];
  return Number(row?.stored ?? 0) > 0;
}
