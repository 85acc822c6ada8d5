import { type Language, SOURCE_LIMIT_BYTES } from '@assay/judge';
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../db/openDatabase.ts';
import { assessments, assessmentTasks, attempts } from '../db/schema.ts';
import { CodeTooLarge, LanguageNotAllowed, NotFound } from '../errors.ts';
import { problemVersionById, processCache } from './cachedLookups.ts';
import { type AttemptDeps, loadAttempt } from './loadAttempt.ts';
import { type SubmissionRow, toSubmissionView } from './submissionView.ts';

interface AssessmentShape {
  /** Some attempt has started: the shape can no longer change ([A88]). */
  locked: boolean;
  languages: Language[];
  positions: Set<number>;
  /** Each task's CPU time limit per test, in ms. */
  timeLimits: Map<number, number>;
}

// An assessment's languages and tasks never change once one of its attempts has started ([A88]), and
// an attempt's assessment never changes: autosave, the busiest request, then needs one round trip. The
// shape of an assessment nobody started yet may still be edited, so it is read each time, not cached.
const shapes = processCache<AssessmentShape>();
const assessmentOfAttempt = processCache<string>();

export function assessmentShape(db: Db, assessmentId: string): Promise<AssessmentShape> {
  return shapes(
    db,
    assessmentId,
    async () => {
      const [assessment] = await db.select().from(assessments).where(eq(assessments.id, assessmentId));
      if (!assessment) throw new NotFound('the assessment');
      const tasks = await db
        .select({ position: assessmentTasks.position, versionId: assessmentTasks.problemVersionId })
        .from(assessmentTasks)
        .where(eq(assessmentTasks.assessmentId, assessmentId));
      const timeLimits = new Map<number, number>();
      for (const t of tasks) timeLimits.set(t.position, (await problemVersionById(db, t.versionId)).spec.limits.cpuMs);
      const [started] = await db
        .select({ id: attempts.id })
        .from(attempts)
        .where(and(eq(attempts.assessmentId, assessmentId), ne(attempts.status, 'not_started')))
        .limit(1);
      return {
        locked: started !== undefined,
        languages: assessment.languages,
        positions: new Set(tasks.map((t) => t.position)),
        timeLimits,
      };
    },
    (shape) => shape.locked,
  );
}

/** The assessment an attempt belongs to. */
function assessmentIdOf(db: Db, attemptId: string): Promise<string> {
  return assessmentOfAttempt(db, attemptId, async () => (await loadAttempt(db, attemptId)).assessmentId);
}

/** Submissions of an attempt as its candidate sees them: hidden tests reduced to verdicts ([A12]). */
export async function candidateSubmissionViews(db: Db, attemptId: string, rows: SubmissionRow[]) {
  const shape = await assessmentShape(db, await assessmentIdOf(db, attemptId));
  return rows.map((row) =>
    toSubmissionView(row, 'candidate', { cpuMs: shape.timeLimits.get(row.position) ?? Number.POSITIVE_INFINITY }),
  );
}

export async function candidateSubmissionView(db: Db, attemptId: string, row: SubmissionRow) {
  const [view] = await candidateSubmissionViews(db, attemptId, [row]);
  if (!view) throw new NotFound('the submission');
  return view;
}

/** Refuses code the attempt cannot take: a language or task it does not have, or too many bytes. */
export async function checkCode(
  deps: AttemptDeps,
  attemptId: string,
  position: number,
  language: Language,
  code: string,
) {
  const assessmentId = await assessmentIdOf(deps.db, attemptId);
  const shape = await assessmentShape(deps.db, assessmentId);
  if (!shape.languages.includes(language)) throw new LanguageNotAllowed(language, shape.languages.join(' or '));
  if (!shape.positions.has(position)) throw new NotFound(`task ${position}`);
  const bytes = Buffer.byteLength(code, 'utf8');
  if (bytes > SOURCE_LIMIT_BYTES) throw new CodeTooLarge(Math.ceil(bytes / 1024), SOURCE_LIMIT_BYTES / 1024);
}
