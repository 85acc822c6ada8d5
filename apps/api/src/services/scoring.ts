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

/** Stores the attempt's score ([A8]) in one statement, from the same rule as taskScores. */
export async function recomputeScore(db: Db, attemptId: string): Promise<void> {
  await db.execute(sql`
    UPDATE ${attempts} SET score = COALESCE((
      SELECT sum(t.points * COALESCE(b.best, 0))
      FROM ${assessmentTasks} t
      LEFT JOIN (
        SELECT position, max(score) AS best FROM ${submissions}
        WHERE attempt_id = ${attemptId} AND mode = 'submit' AND status = 'done'
        GROUP BY position
      ) b ON b.position = t.position
      WHERE t.assessment_id = ${attempts.assessmentId}
    ), 0)
    WHERE ${attempts.id} = ${attemptId}`);
}
