import { decodeWire, displayValue, type Language, type ProblemSpec, parseType } from '@assay/judge';
import { and, desc, eq, lte, max, sql } from 'drizzle-orm';
import type { Db } from '../db/openDatabase.ts';
import {
  assessments,
  assessmentTasks,
  attempts,
  codeHistory,
  invitations,
  submissions,
  taskCode,
} from '../db/schema.ts';
import {
  AttemptExpired,
  AttemptFinished,
  AttemptNotStarted,
  CodeTooLarge,
  InvitationExpired,
  InvitationNotFound,
  JudgeBusy,
  LanguageNotAllowed,
  NotFound,
} from '../errors.ts';
import type { JudgeQueue } from '../queue/JudgeQueue.ts';
import { problemVersionById, processCache } from './cachedLookups.ts';
import { hashToken } from './secrets.ts';

export const CODE_LIMIT_BYTES = 64 * 1024;

export interface AttemptDeps {
  db: Db;
  queue: JudgeQueue;
  now: () => Date;
}

type AttemptRow = typeof attempts.$inferSelect;

/** The attempt an invitation token opens, or a clear reason why it opens nothing ([A11]). */
export async function openInvitation(db: Db, token: string, now: Date) {
  const [row] = await db
    .select({ invitation: invitations, attempt: attempts })
    .from(invitations)
    .innerJoin(attempts, eq(attempts.invitationId, invitations.id))
    .where(eq(invitations.tokenHash, hashToken(token)));
  if (!row) throw new InvitationNotFound();
  if (row.attempt.status === 'not_started' && row.invitation.expiresAt <= now) {
    throw new InvitationExpired(row.invitation.expiresAt.toISOString().slice(0, 10));
  }
  return row;
}

/** What an invitation is for, as its landing page and GET /api/invitations/:token show it. */
export async function invitationSummary(db: Db, token: string, now: Date) {
  const { invitation, attempt } = await openInvitation(db, token, now);
  const [assessment] = await db.select().from(assessments).where(eq(assessments.id, attempt.assessmentId));
  if (!assessment) throw new NotFound('the assessment');
  const shape = await assessmentShape(db, assessment.id);
  return {
    candidateName: invitation.candidateName,
    title: assessment.title,
    description: assessment.description,
    durationMinutes: assessment.durationMinutes,
    taskCount: shape.positions.size,
    languages: assessment.languages,
    proctoring: assessment.proctoring,
    status: attempt.status,
    expiresAt: invitation.expiresAt.toISOString(),
  };
}

export async function loadAttempt(db: Db, attemptId: string): Promise<AttemptRow> {
  const [attempt] = await db.select().from(attempts).where(eq(attempts.id, attemptId));
  if (!attempt) throw new NotFound('the attempt');
  return attempt;
}

/** The assessment's tasks in order, each with its (cached) problem version. */
async function tasksOf(db: Db, assessmentId: string) {
  const tasks = await db
    .select()
    .from(assessmentTasks)
    .where(eq(assessmentTasks.assessmentId, assessmentId))
    .orderBy(assessmentTasks.position);
  return Promise.all(
    tasks.map(async (task) => ({ task, version: await problemVersionById(db, task.problemVersionId) })),
  );
}

/** Sample tests as candidates see them; hidden tests never leave the server ([A12]). */
function samplesOf(spec: ProblemSpec) {
  const params = spec.signature.params.map((p) => ({ name: p.name, type: parseType(p.type) }));
  const returns = parseType(spec.signature.returnType);
  return spec.tests
    .filter((t) => t.kind === 'sample')
    .map((t) => ({
      id: t.id,
      input: params.map((p, i) => `${p.name} = ${displayValue(decodeWire(t.args[i], p.type))}`).join(', '),
      expected: displayValue(decodeWire(t.expected, returns)),
    }));
}

/** The language of a task's most recent save: where the candidate left off. */
function latestLanguage(code: { position: number; language: Language; updatedAt: Date }[], position: number) {
  let latest: (typeof code)[number] | undefined;
  for (const c of code) if (c.position === position && (!latest || c.updatedAt > latest.updatedAt)) latest = c;
  return latest?.language ?? null;
}

/** Everything the candidate's page needs, and nothing a candidate must not see. */
export async function attemptView(deps: AttemptDeps, attemptId: string) {
  const { db } = deps;
  const attempt = await finalizeIfDue(deps, await loadAttempt(deps.db, attemptId));
  const [assessment] = await db.select().from(assessments).where(eq(assessments.id, attempt.assessmentId));
  const [invitation] = await db.select().from(invitations).where(eq(invitations.id, attempt.invitationId));
  if (!assessment || !invitation) throw new NotFound('the assessment');
  const tasks = await tasksOf(db, attempt.assessmentId);
  const started = attempt.status !== 'not_started';
  const code = started ? await db.select().from(taskCode).where(eq(taskCode.attemptId, attempt.id)) : [];
  const best = started
    ? await db
        .select({ position: submissions.position, best: max(submissions.score) })
        .from(submissions)
        .where(
          and(eq(submissions.attemptId, attempt.id), eq(submissions.mode, 'submit'), eq(submissions.status, 'done')),
        )
        .groupBy(submissions.position)
    : [];
  return {
    serverTime: deps.now().toISOString(),
    attempt: {
      id: attempt.id,
      status: attempt.status,
      startedAt: attempt.startedAt?.toISOString() ?? null,
      deadline: attempt.deadline?.toISOString() ?? null,
      finishedAt: attempt.finishedAt?.toISOString() ?? null,
      finishReason: attempt.finishReason ?? null,
    },
    candidate: { name: invitation.candidateName },
    assessment: {
      title: assessment.title,
      description: assessment.description,
      durationMinutes: assessment.durationMinutes,
      languages: assessment.languages,
      proctoring: assessment.proctoring,
      taskCount: tasks.length,
      totalPoints: tasks.reduce((sum, t) => sum + t.task.points, 0),
    },
    tasks: started
      ? tasks.map(({ task, version }) => ({
          position: task.position,
          title: version.title,
          difficulty: version.difficulty,
          points: task.points,
          statement: version.statement,
          signature: version.spec.signature,
          starter: version.starter,
          samples: samplesOf(version.spec),
          code: Object.fromEntries(code.filter((c) => c.position === task.position).map((c) => [c.language, c.code])),
          language: latestLanguage(code, task.position),
          bestScore: best.find((b) => b.position === task.position)?.best ?? null,
        }))
      : [],
  };
}

export async function startAttempt(deps: AttemptDeps, attemptId: string) {
  const attempt = await loadAttempt(deps.db, attemptId);
  if (attempt.status === 'not_started') {
    const [assessment] = await deps.db.select().from(assessments).where(eq(assessments.id, attempt.assessmentId));
    if (!assessment) throw new NotFound('the assessment');
    // [A35] A session opened before the invitation expired does not outlive it: starting needs a live invitation.
    const [invitation] = await deps.db
      .select({ expiresAt: invitations.expiresAt })
      .from(invitations)
      .where(eq(invitations.id, attempt.invitationId));
    if (invitation && invitation.expiresAt <= deps.now())
      throw new InvitationExpired(invitation.expiresAt.toISOString().slice(0, 10));
    const startedAt = deps.now();
    const deadline = new Date(startedAt.getTime() + assessment.durationMinutes * 60_000);
    // Two tabs pressing start at once: only the first sets the clock.
    await deps.db
      .update(attempts)
      .set({ status: 'in_progress', startedAt, deadline })
      .where(and(eq(attempts.id, attemptId), eq(attempts.status, 'not_started')));
  }
  return attemptView(deps, attemptId);
}

/** The attempt, if the candidate may still write to it; otherwise the error that says why not ([A13]). */
async function writable(deps: AttemptDeps, attemptId: string): Promise<AttemptRow> {
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

interface AssessmentShape {
  languages: Language[];
  positions: Set<number>;
}

// An assessment's languages and tasks never change once created (there is no route that edits them),
// and neither does an attempt's assessment: autosave, the busiest request, then needs one round trip.
const shapes = processCache<AssessmentShape>();
const assessmentOfAttempt = processCache<string>();

function assessmentShape(db: Db, assessmentId: string): Promise<AssessmentShape> {
  return shapes(db, assessmentId, async () => {
    const [assessment] = await db.select().from(assessments).where(eq(assessments.id, assessmentId));
    if (!assessment) throw new NotFound('the assessment');
    const tasks = await db
      .select({ position: assessmentTasks.position })
      .from(assessmentTasks)
      .where(eq(assessmentTasks.assessmentId, assessmentId));
    return { languages: assessment.languages, positions: new Set(tasks.map((t) => t.position)) };
  });
}

/** The assessment an attempt belongs to. */
function assessmentIdOf(db: Db, attemptId: string): Promise<string> {
  return assessmentOfAttempt(db, attemptId, async () => (await loadAttempt(db, attemptId)).assessmentId);
}

export async function saveCode(
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
  if (bytes > CODE_LIMIT_BYTES) throw new CodeTooLarge(Math.ceil(bytes / 1024));
  const savedAt = deps.now();
  // One statement that writes only into an open attempt, and writes the latest code and its history
  // entry together or not at all. Autosave is the busiest request, so it is one round trip.
  const result = await deps.db.execute(sql`
    WITH open AS (
      SELECT id FROM ${attempts} WHERE id = ${attemptId} AND status = 'in_progress' AND deadline > ${savedAt}
    ), saved AS (
      INSERT INTO ${taskCode} (attempt_id, position, language, code, updated_at)
      SELECT id, ${position}, ${language}, ${code}, ${savedAt} FROM open
      ON CONFLICT (attempt_id, position, language) DO UPDATE SET code = excluded.code, updated_at = excluded.updated_at
      RETURNING attempt_id, position, language, code, updated_at
    )
    INSERT INTO ${codeHistory} (attempt_id, position, language, code, saved_at)
    SELECT attempt_id, position, language, code, updated_at FROM saved
    RETURNING 1 AS saved`);
  if ((result as unknown as { rows: unknown[] }).rows.length === 0) {
    // Nothing was written: say why (not started, finished, or out of time).
    await writable(deps, attemptId);
    throw new AttemptExpired();
  }
  return { savedAt: savedAt.toISOString() };
}

export interface JudgeRequestInput {
  position: number;
  language: Language;
  code: string;
  mode: 'run' | 'submit';
  customInputs?: unknown[][];
  idempotencyKey?: string;
}

/**
 * Saves the code and queues a run or a submission ([A15]). The happy path is two statements: the save,
 * and one insert that also refuses a second run or submission in flight and a repeated idempotency
 * key. A repeated key returns the first submission, even once the attempt is over.
 */
export async function requestJudging(deps: AttemptDeps, attemptId: string, input: JudgeRequestInput) {
  const repeat = async () => {
    if (!input.idempotencyKey) return undefined;
    const [existing] = await deps.db
      .select()
      .from(submissions)
      .where(and(eq(submissions.attemptId, attemptId), eq(submissions.idempotencyKey, input.idempotencyKey)));
    return existing ? { submission: existing, repeated: true } : undefined;
  };
  try {
    await saveCode(deps, attemptId, input.position, input.language, input.code);
  } catch (error) {
    const repeated = await repeat();
    if (repeated) return repeated;
    throw error;
  }
  const customInputs = input.customInputs ? JSON.stringify(input.customInputs) : null;
  const result = await deps.db.execute(sql`
    INSERT INTO ${submissions} (attempt_id, position, language, code, mode, custom_inputs, idempotency_key)
    SELECT ${attemptId}, ${input.position}, ${input.language}, ${input.code}, ${input.mode}, ${customInputs}::jsonb, ${input.idempotencyKey ?? null}
    WHERE NOT EXISTS (
      SELECT 1 FROM ${submissions}
      WHERE attempt_id = ${attemptId} AND position = ${input.position} AND mode = ${input.mode} AND status IN ('queued', 'running')
    )
    ON CONFLICT (attempt_id, idempotency_key) DO NOTHING
    RETURNING id, created_at`);
  const row = (result as unknown as { rows: { id: string; created_at: string | Date }[] }).rows[0];
  if (!row) {
    const repeated = await repeat();
    if (repeated) return repeated;
    throw new JudgeBusy(input.mode === 'run' ? 'run' : 'submission');
  }
  const submission: typeof submissions.$inferSelect = {
    id: row.id,
    attemptId,
    position: input.position,
    language: input.language,
    code: input.code,
    mode: input.mode,
    customInputs: input.customInputs ?? null,
    idempotencyKey: input.idempotencyKey ?? null,
    automatic: false,
    status: 'queued',
    verdict: null,
    score: null,
    report: null,
    createdAt: new Date(row.created_at),
    judgedAt: null,
  };
  await deps.queue.enqueue(submission.id);
  return { submission, repeated: false };
}

/**
 * Submits, for every task, the last saved code if it changed after the task's last submission ([A14]):
 * what the candidate wrote counts even if the time ran out before they pressed submit.
 */
async function submitChangedCode(deps: AttemptDeps, attemptId: string): Promise<string[]> {
  const saved = await deps.db
    .select()
    .from(taskCode)
    .where(eq(taskCode.attemptId, attemptId))
    .orderBy(desc(taskCode.updatedAt));
  const lastSubmit = await deps.db
    .selectDistinctOn([submissions.position], {
      position: submissions.position,
      at: submissions.createdAt,
      code: submissions.code,
      language: submissions.language,
    })
    .from(submissions)
    .where(and(eq(submissions.attemptId, attemptId), eq(submissions.mode, 'submit')))
    .orderBy(submissions.position, desc(submissions.createdAt));
  const lastSubmitted = new Map(lastSubmit.map((s) => [s.position, s]));
  const created: string[] = [];
  const seen = new Set<number>();
  for (const code of saved) {
    if (seen.has(code.position)) continue;
    seen.add(code.position);
    const last = lastSubmitted.get(code.position);
    // Saved again without a change (a run saves the code it runs) is not a change.
    if (last && (last.at >= code.updatedAt || (last.code === code.code && last.language === code.language))) continue;
    const [submission] = await deps.db
      .insert(submissions)
      .values({
        attemptId,
        position: code.position,
        language: code.language,
        code: code.code,
        mode: 'submit',
        automatic: true,
        idempotencyKey: `final:${code.position}`,
      })
      .onConflictDoNothing()
      .returning({ id: submissions.id });
    if (submission) created.push(submission.id);
  }
  return created;
}

async function finish(deps: AttemptDeps, attempt: AttemptRow, reason: 'candidate' | 'deadline'): Promise<AttemptRow> {
  const finishedAt = reason === 'deadline' && attempt.deadline ? attempt.deadline : deps.now();
  const updated = await deps.db
    .update(attempts)
    .set({ status: 'finished', finishedAt, finishReason: reason })
    .where(and(eq(attempts.id, attempt.id), eq(attempts.status, 'in_progress')))
    .returning();
  if (updated.length === 0) return loadAttempt(deps.db, attempt.id);
  for (const id of await submitChangedCode(deps, attempt.id)) {
    // The submission is stored; if the queue is down the reconciler enqueues it later ([A15]).
    await deps.queue.enqueue(id).catch(() => undefined);
  }
  return updated[0] as AttemptRow;
}

/** Finishes an attempt whose deadline has passed; any request, or the sweeper, may call it. */
export async function finalizeIfDue(deps: AttemptDeps, attempt: AttemptRow): Promise<AttemptRow> {
  if (attempt.status !== 'in_progress' || !attempt.deadline || deps.now() < attempt.deadline) return attempt;
  return finish(deps, attempt, 'deadline');
}

export async function finishEarly(deps: AttemptDeps, attemptId: string) {
  const attempt = await writable(deps, attemptId);
  await finish(deps, attempt, 'candidate');
  return attemptView(deps, attemptId);
}

/** Finishes every attempt past its deadline; run every second by the server ([A14]). */
export async function sweepDeadlines(deps: AttemptDeps): Promise<number> {
  const due = await deps.db
    .select()
    .from(attempts)
    .where(and(eq(attempts.status, 'in_progress'), lte(attempts.deadline, deps.now())));
  for (const attempt of due) await finalizeIfDue(deps, attempt);
  return due.length;
}
