import { decodeWire, displayValue, type Language, type ProblemSpec, parseType, SOURCE_LIMIT_BYTES } from '@assay/judge';
import { and, desc, eq, max, sql } from 'drizzle-orm';
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
  IdempotencyKeyReused,
  InvitationExpired,
  InvitationNotFound,
  JudgeBusy,
  LanguageNotAllowed,
  NotFound,
} from '../errors.ts';
import type { JudgeQueue } from '../queue/JudgeQueue.ts';
import { problemVersionById, processCache } from './cachedLookups.ts';
import { finishAttempts, SWEEP_BATCH } from './finishAttempts.ts';
import { hashToken } from './secrets.ts';
import { type SubmissionRow, toSubmissionView } from './submissionView.ts';

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
  // The latest run and submission of each task, so a reloaded page shows its results again.
  const latest = started
    ? await db
        .selectDistinctOn([submissions.position, submissions.mode])
        .from(submissions)
        .where(eq(submissions.attemptId, attempt.id))
        .orderBy(submissions.position, submissions.mode, desc(submissions.createdAt))
    : [];
  const latestView = (position: number, mode: 'run' | 'submit', cpuMs: number) => {
    const row = latest.find((l) => l.position === position && l.mode === mode);
    return row ? toSubmissionView(row, 'candidate', { cpuMs }) : null;
  };
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
          limits: { timeMs: version.spec.limits.cpuMs, memoryMb: version.spec.limits.memoryMb },
          latest: {
            run: latestView(task.position, 'run', version.spec.limits.cpuMs),
            submit: latestView(task.position, 'submit', version.spec.limits.cpuMs),
          },
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
  /** Each task's CPU time limit per test, in ms. */
  timeLimits: Map<number, number>;
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
      .select({ position: assessmentTasks.position, versionId: assessmentTasks.problemVersionId })
      .from(assessmentTasks)
      .where(eq(assessmentTasks.assessmentId, assessmentId));
    const timeLimits = new Map<number, number>();
    for (const t of tasks) timeLimits.set(t.position, (await problemVersionById(db, t.versionId)).spec.limits.cpuMs);
    return { languages: assessment.languages, positions: new Set(tasks.map((t) => t.position)), timeLimits };
  });
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
async function checkCode(deps: AttemptDeps, attemptId: string, position: number, language: Language, code: string) {
  const assessmentId = await assessmentIdOf(deps.db, attemptId);
  const shape = await assessmentShape(deps.db, assessmentId);
  if (!shape.languages.includes(language)) throw new LanguageNotAllowed(language, shape.languages.join(' or '));
  if (!shape.positions.has(position)) throw new NotFound(`task ${position}`);
  const bytes = Buffer.byteLength(code, 'utf8');
  if (bytes > SOURCE_LIMIT_BYTES) throw new CodeTooLarge(Math.ceil(bytes / 1024), SOURCE_LIMIT_BYTES / 1024);
}

/** Bytes of code history an attempt keeps ([A42]); past half of it, snapshots get coarser. */
export const HISTORY_BYTES_PER_ATTEMPT = 8 * 1024 * 1024;
/** The windows history snapshots stand for: fine while the history is small, coarse later ([A42]). */
export const HISTORY_WINDOW_MS = { fine: 30_000, coarse: 5 * 60_000 } as const;

const windowOf = (at: Date, ms: number) => new Date(Math.floor(at.getTime() / ms) * ms);

/**
 * Writes a task's latest code, only into an open attempt, and keeps it in the history ([A42]): as the
 * snapshot of the current 30 s window (5 min once the attempt's history holds half its bytes), which a
 * later save in the same window replaces; once the history is full, as its task and language's latest
 * snapshot. One statement (autosave is the busiest request), all or nothing. False when the attempt
 * took nothing.
 */
async function writeCode(
  db: Db,
  attemptId: string,
  position: number,
  language: Language,
  code: string,
  savedAt: Date,
): Promise<boolean> {
  const fine = windowOf(savedAt, HISTORY_WINDOW_MS.fine);
  const coarse = windowOf(savedAt, HISTORY_WINDOW_MS.coarse);
  const result = await db.execute(sql`
    WITH open AS (
      SELECT id, history_bytes FROM ${attempts}
      WHERE id = ${attemptId} AND status = 'in_progress' AND deadline > ${savedAt}
    ), saved AS (
      INSERT INTO ${taskCode} (attempt_id, position, language, code, updated_at)
      SELECT id, ${position}, ${language}, ${code}, ${savedAt} FROM open
      ON CONFLICT (attempt_id, position, language) DO UPDATE SET code = excluded.code, updated_at = excluded.updated_at
      RETURNING attempt_id, position, language, code, updated_at
    ), slot AS (
      SELECT CASE
        WHEN history_bytes < ${HISTORY_BYTES_PER_ATTEMPT / 2} THEN ${fine}::timestamptz
        WHEN history_bytes < ${HISTORY_BYTES_PER_ATTEMPT} THEN ${coarse}::timestamptz
        ELSE (SELECT max(window_start) FROM ${codeHistory}
              WHERE attempt_id = ${attemptId} AND position = ${position} AND language = ${language})
      END AS window_start
      FROM open
    ), replaced AS (
      SELECT h.bytes FROM ${codeHistory} h, slot
      WHERE h.attempt_id = ${attemptId} AND h.position = ${position} AND h.language = ${language}
        AND h.window_start = slot.window_start
    ), kept AS (
      INSERT INTO ${codeHistory} (attempt_id, position, language, code, saved_at, window_start, bytes)
      SELECT s.attempt_id, s.position, s.language, s.code, s.updated_at, slot.window_start, octet_length(s.code)
      FROM saved s, slot WHERE slot.window_start IS NOT NULL
      ON CONFLICT (attempt_id, position, language, window_start)
        DO UPDATE SET code = excluded.code, saved_at = excluded.saved_at, bytes = excluded.bytes
      RETURNING bytes
    ), counted AS (
      UPDATE ${attempts} SET history_bytes = history_bytes + kept.bytes - coalesce((SELECT bytes FROM replaced), 0)
      FROM kept WHERE ${attempts}.id = ${attemptId}
      RETURNING 1
    )
    SELECT 1 AS saved FROM saved`);
  return (result as unknown as { rows: unknown[] }).rows.length > 0;
}

export async function saveCode(
  deps: AttemptDeps,
  attemptId: string,
  position: number,
  language: Language,
  code: string,
) {
  await checkCode(deps, attemptId, position, language, code);
  const savedAt = deps.now();
  if (!(await writeCode(deps.db, attemptId, position, language, code, savedAt))) {
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

type SubmissionRecord = typeof submissions.$inferSelect;

/**
 * Saves the code and queues a run or a submission ([A15]). A repeated idempotency key returns the first
 * submission, even once the attempt is over, and saves nothing; a key is tied to its task, so reusing
 * it on another task is refused ([A44]). The save and the insert commit together: a refused request
 * (a key reused, a run already in flight) changes nothing ([A10]).
 */
export async function requestJudging(
  deps: AttemptDeps,
  attemptId: string,
  input: JudgeRequestInput,
): Promise<{ submission: SubmissionRecord; repeated: boolean }> {
  const key = input.idempotencyKey;
  const earlier = async (db: Db) => {
    if (!key) return undefined;
    const [existing] = await db
      .select()
      .from(submissions)
      .where(and(eq(submissions.attemptId, attemptId), eq(submissions.idempotencyKey, key)));
    if (existing && existing.position !== input.position) throw new IdempotencyKeyReused(existing.position);
    return existing ? { submission: existing, repeated: true } : undefined;
  };
  const repeated = await earlier(deps.db);
  if (repeated) return repeated;
  await checkCode(deps, attemptId, input.position, input.language, input.code);
  const customInputs = input.customInputs ? JSON.stringify(input.customInputs) : null;
  const outcome = await deps.db.transaction(async (tx) => {
    if (!(await writeCode(tx, attemptId, input.position, input.language, input.code, deps.now()))) return 'closed';
    // One insert that also refuses a second run or submission in flight and a repeated key.
    const result = await tx.execute(sql`
      INSERT INTO ${submissions} (attempt_id, position, language, code, mode, custom_inputs, idempotency_key)
      SELECT ${attemptId}, ${input.position}, ${input.language}, ${input.code}, ${input.mode}, ${customInputs}::jsonb, ${key ?? null}
      WHERE NOT EXISTS (
        SELECT 1 FROM ${submissions}
        WHERE attempt_id = ${attemptId} AND position = ${input.position} AND mode = ${input.mode} AND status IN ('queued', 'running')
      )
      ON CONFLICT (attempt_id, idempotency_key) DO NOTHING
      RETURNING id, created_at`);
    const row = (result as unknown as { rows: { id: string; created_at: string | Date }[] }).rows[0];
    if (row) return row;
    // The same key, sent twice at once: the other request's submission (or a refusal, for another task).
    const raced = await earlier(tx);
    if (raced) return raced;
    throw new JudgeBusy(input.mode === 'run' ? 'run' : 'submission');
  });
  if (outcome === 'closed') {
    // Nothing was written: say why (not started, finished, or out of time).
    await writable(deps, attemptId);
    throw new AttemptExpired();
  }
  if ('submission' in outcome) return outcome;
  const submission: SubmissionRecord = {
    id: outcome.id,
    attemptId,
    position: input.position,
    language: input.language,
    code: input.code,
    mode: input.mode,
    customInputs: input.customInputs ?? null,
    idempotencyKey: key ?? null,
    automatic: false,
    status: 'queued',
    verdict: null,
    score: null,
    report: null,
    createdAt: new Date(outcome.created_at),
    judgedAt: null,
    tries: 0,
    claimedAt: null,
  };
  await deps.queue.enqueue(submission.id, attemptId);
  return { submission, repeated: false };
}

/**
 * Finishes the attempt and submits, for every task, the last saved code if it changed after the task's
 * last submission ([A14]), in one statement ([A28]): what the candidate wrote counts even if the time
 * ran out before they pressed submit.
 */
async function finish(deps: AttemptDeps, attempt: AttemptRow, reason: 'candidate' | 'deadline'): Promise<AttemptRow> {
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

export async function finishEarly(deps: AttemptDeps, attemptId: string) {
  const attempt = await writable(deps, attemptId);
  await finish(deps, attempt, 'candidate');
  return attemptView(deps, attemptId);
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
