import { eq } from 'drizzle-orm';
import type { Db } from '../db/openDatabase.ts';
import { assessments, assessmentTasks } from '../db/schema.ts';
import { NotFound } from '../errors.ts';
import { taskContent } from './attemptView.ts';
import { problemVersionById } from './cachedLookups.ts';

/**
 * [A93] What a candidate will see: the assessment's introduction and every task as it opens after the
 * start (statement, signature, starter code, samples, limits), read without an invitation or attempt,
 * so previewing starts no clock and leaves nothing behind. Hidden tests stay out, as for a candidate.
 */
export async function assessmentPreview(db: Db, id: string) {
  const [assessment] = await db.select().from(assessments).where(eq(assessments.id, id));
  if (!assessment) throw new NotFound('the assessment');
  const tasks = await db
    .select()
    .from(assessmentTasks)
    .where(eq(assessmentTasks.assessmentId, id))
    .orderBy(assessmentTasks.position);
  return {
    title: assessment.title,
    description: assessment.description,
    durationMinutes: assessment.durationMinutes,
    languages: assessment.languages,
    proctoring: assessment.proctoring,
    tasks: await Promise.all(
      tasks.map(async (task) => {
        return taskContent(task, await problemVersionById(db, task.problemVersionId));
      }),
    ),
  };
}
