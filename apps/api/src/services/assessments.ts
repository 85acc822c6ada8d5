import type { AssessmentSettings } from '@assay/contracts';
import { and, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/openDatabase.ts';
import { rowsOf } from '../db/rowsOf.ts';
import { assessments, assessmentTasks, attempts, invitations, problemVersions, users } from '../db/schema.ts';
import { AssessmentArchived, AssessmentHasAttempts, AssessmentLocked, BadInput, NotFound } from '../errors.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

async function requireProblemVersions(db: Db | Tx, tasks: AssessmentSettings['tasks']): Promise<void> {
  const ids = [...new Set(tasks.map((t) => t.problemVersionId))];
  const found = await db
    .select({ id: problemVersions.id })
    .from(problemVersions)
    .where(inArray(problemVersions.id, ids));
  const missing = ids.filter((id) => !found.some((f) => f.id === id));
  if (missing.length > 0)
    throw new BadInput(`no problem version ${missing.join(', ')}: list them with GET /api/admin/problems`);
}

async function insertTasks(tx: Tx, assessmentId: string, tasks: AssessmentSettings['tasks']): Promise<void> {
  await tx
    .insert(assessmentTasks)
    .values(
      tasks.map((t, position) => ({ assessmentId, position, problemVersionId: t.problemVersionId, points: t.points })),
    );
}

/** Creates an assessment with its tasks in one transaction; returns its id. */
export async function createAssessment(db: Db, input: AssessmentSettings, createdBy: string | null): Promise<string> {
  await requireProblemVersions(db, input.tasks);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(assessments)
      .values({
        title: input.title,
        description: input.description,
        durationMinutes: input.durationMinutes,
        languages: input.languages,
        proctoring: input.proctoring,
        invitationExpiryDays: input.invitationExpiryDays,
        createdBy,
      })
      .returning({ id: assessments.id });
    if (!created) throw new Error('the assessment was not created');
    await insertTasks(tx, created.id, input.tasks);
    return created.id;
  });
}

interface Counts {
  invited: number;
  started: number;
  finished: number;
}

/** Invitations per stage ([A87]): invited counts every invitation not revoked; started, every attempt begun. */
async function countsOf(db: Db, assessmentIds: string[]): Promise<Map<string, Counts>> {
  if (assessmentIds.length === 0) return new Map();
  const rows = rowsOf<{ assessment_id: string; invited: number; started: number; finished: number }>(
    await db.execute(sql`
      SELECT a.assessment_id,
        count(*) FILTER (WHERE i.revoked_at IS NULL)::int AS invited,
        count(*) FILTER (WHERE a.status <> 'not_started')::int AS started,
        count(*) FILTER (WHERE a.status = 'finished')::int AS finished
      FROM ${attempts} a JOIN ${invitations} i ON i.id = a.invitation_id
      WHERE a.assessment_id IN (${sql.join(
        assessmentIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      GROUP BY a.assessment_id`),
  );
  return new Map(rows.map((r) => [r.assessment_id, { invited: r.invited, started: r.started, finished: r.finished }]));
}

const NO_COUNTS: Counts = { invited: 0, started: 0, finished: 0 };
/** Most assessments one list answers; older ones are there with `archived=include`, newest first. */
const LIST_LIMIT = 1000;

export async function listAssessments(db: Db, options: { archived: 'exclude' | 'include' | 'only' }) {
  const archived =
    options.archived === 'exclude'
      ? isNull(assessments.archivedAt)
      : options.archived === 'only'
        ? isNotNull(assessments.archivedAt)
        : undefined;
  const rows = await db
    .select({
      assessment: assessments,
      creator: users.name,
      taskCount: sql<number>`(SELECT count(*)::int FROM ${assessmentTasks} t WHERE t.assessment_id = ${assessments.id})`,
    })
    .from(assessments)
    .leftJoin(users, eq(users.id, assessments.createdBy))
    .where(archived)
    .orderBy(desc(assessments.createdAt))
    .limit(LIST_LIMIT);
  const counts = await countsOf(
    db,
    rows.map((r) => r.assessment.id),
  );
  return rows.map(({ assessment: a, creator, taskCount }) => ({
    id: a.id,
    title: a.title,
    durationMinutes: a.durationMinutes,
    taskCount: Number(taskCount),
    counts: counts.get(a.id) ?? NO_COUNTS,
    archived: a.archivedAt !== null,
    createdAt: a.createdAt.toISOString(),
    createdBy: creator ?? null,
  }));
}

export async function requireAssessment(db: Db | Tx, id: string) {
  const [assessment] = await db.select().from(assessments).where(eq(assessments.id, id));
  if (!assessment) throw new NotFound('the assessment');
  return assessment;
}

async function tasksOf(db: Db | Tx, assessmentId: string) {
  return db
    .select({
      position: assessmentTasks.position,
      problemVersionId: assessmentTasks.problemVersionId,
      points: assessmentTasks.points,
      packId: problemVersions.packId,
      problemId: problemVersions.problemId,
      title: problemVersions.title,
      difficulty: problemVersions.difficulty,
    })
    .from(assessmentTasks)
    .innerJoin(problemVersions, eq(problemVersions.id, assessmentTasks.problemVersionId))
    .where(eq(assessmentTasks.assessmentId, assessmentId))
    .orderBy(assessmentTasks.position);
}

/** Whether a candidate has started: the assessment's tasks, duration, languages and proctoring are fixed ([A88]). */
async function hasStarted(db: Db | Tx, assessmentId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: attempts.id })
    .from(attempts)
    .where(and(eq(attempts.assessmentId, assessmentId), sql`${attempts.status} <> 'not_started'`))
    .limit(1);
  return row !== undefined;
}

export async function assessmentDetail(db: Db, id: string) {
  const a = await requireAssessment(db, id);
  const [creator] = a.createdBy
    ? await db.select({ name: users.name }).from(users).where(eq(users.id, a.createdBy))
    : [];
  const tasks = await tasksOf(db, id);
  const counts = (await countsOf(db, [id])).get(id) ?? NO_COUNTS;
  return {
    id: a.id,
    title: a.title,
    description: a.description,
    durationMinutes: a.durationMinutes,
    languages: a.languages,
    proctoring: a.proctoring,
    invitationExpiryDays: a.invitationExpiryDays,
    tasks: tasks.map((t) => ({
      position: t.position,
      problemVersionId: t.problemVersionId,
      ref: `${t.packId}/${t.problemId}`,
      title: t.title,
      difficulty: t.difficulty,
      points: t.points,
    })),
    archived: a.archivedAt !== null,
    createdAt: a.createdAt.toISOString(),
    createdBy: creator?.name ?? null,
    counts,
    locked: counts.started > 0,
  };
}

const sameList = <T>(a: T[], b: T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * [A88] Replaces an assessment's settings. Title, description and the invitation expiry default may
 * always change; tasks, duration, languages and proctoring only while no candidate has started (their
 * score and clock depend on them), otherwise nothing changes and the answer says to duplicate it.
 * Returns the names of the settings that changed.
 */
export async function updateAssessment(db: Db, id: string, input: AssessmentSettings): Promise<string[]> {
  await requireProblemVersions(db, input.tasks);
  return db.transaction(async (tx) => {
    // FOR UPDATE: a start holds FOR SHARE on this row while it reads the duration (startAttempt).
    const [current] = await tx.select().from(assessments).where(eq(assessments.id, id)).for('update');
    if (!current) throw new NotFound('the assessment');
    const tasks = await tasksOf(tx, id);
    const fixed = {
      tasks: !(
        sameList(
          tasks.map((t) => t.problemVersionId),
          input.tasks.map((t) => t.problemVersionId),
        ) &&
        sameList(
          tasks.map((t) => t.points),
          input.tasks.map((t) => t.points),
        )
      ),
      duration: current.durationMinutes !== input.durationMinutes,
      languages: !sameList([...current.languages].sort(), [...input.languages].sort()),
      proctoring:
        current.proctoring.fullscreen !== input.proctoring.fullscreen ||
        current.proctoring.recordEvents !== input.proctoring.recordEvents,
    };
    const fixedChanges = Object.entries(fixed)
      .filter(([, changed]) => changed)
      .map(([name]) => name);
    if (fixedChanges.length > 0 && (await hasStarted(tx, id))) throw new AssessmentLocked(fixedChanges.join(', '));
    const free = {
      title: current.title !== input.title,
      description: current.description !== input.description,
      invitationExpiryDays: current.invitationExpiryDays !== input.invitationExpiryDays,
    };
    await tx
      .update(assessments)
      .set({
        title: input.title,
        description: input.description,
        invitationExpiryDays: input.invitationExpiryDays,
        durationMinutes: input.durationMinutes,
        languages: input.languages,
        proctoring: input.proctoring,
      })
      .where(eq(assessments.id, id));
    if (fixed.tasks) {
      await tx.delete(assessmentTasks).where(eq(assessmentTasks.assessmentId, id));
      await insertTasks(tx, id, input.tasks);
    }
    return [
      ...Object.entries(free)
        .filter(([, changed]) => changed)
        .map(([name]) => name),
      ...fixedChanges,
    ];
  });
}

/** A new assessment with the same settings and tasks, titled "… (copy)", without invitations. */
export async function duplicateAssessment(db: Db, id: string, createdBy: string | null): Promise<string> {
  const source = await requireAssessment(db, id);
  const tasks = await tasksOf(db, id);
  return createAssessment(
    db,
    {
      title: `${source.title.slice(0, 193)} (copy)`,
      description: source.description,
      durationMinutes: source.durationMinutes,
      languages: source.languages,
      proctoring: source.proctoring,
      invitationExpiryDays: source.invitationExpiryDays,
      tasks: tasks.map((t) => ({ problemVersionId: t.problemVersionId, points: t.points })),
    },
    createdBy,
  );
}

/** Archives or unarchives; answers whether anything changed. */
export async function setArchived(db: Db, id: string, archived: boolean, now: Date): Promise<boolean> {
  await requireAssessment(db, id);
  const changed = await db
    .update(assessments)
    .set({ archivedAt: archived ? now : null })
    .where(and(eq(assessments.id, id), archived ? isNull(assessments.archivedAt) : isNotNull(assessments.archivedAt)))
    .returning({ id: assessments.id });
  return changed.length > 0;
}

/**
 * [A88] Deletes an assessment nobody was invited to. One with invitations keeps its attempts (and
 * whatever they hold) for ever: archive it instead. Checked and deleted in one statement.
 */
export async function deleteAssessment(db: Db, id: string): Promise<{ title: string }> {
  const assessment = await requireAssessment(db, id);
  const deleted = await db
    .delete(assessments)
    .where(and(eq(assessments.id, id), sql`NOT EXISTS (SELECT 1 FROM ${attempts} WHERE assessment_id = ${id})`))
    .returning({ id: assessments.id });
  if (deleted.length === 0) {
    const [total] = rowsOf<{ n: number }>(
      await db.execute(sql`SELECT count(*)::int AS n FROM ${attempts} WHERE assessment_id = ${id}`),
    );
    throw new AssessmentHasAttempts(total?.n ?? 0);
  }
  return { title: assessment.title };
}

/** The assessment, refusing one that is archived ([A88]): archived assessments take no invitations. */
export async function requireOpenAssessment(db: Db, id: string) {
  const assessment = await requireAssessment(db, id);
  if (assessment.archivedAt) throw new AssessmentArchived();
  return assessment;
}
