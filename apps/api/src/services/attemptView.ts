import { decodeWire, displayValue, type Language, type ProblemSpec, parseType } from '@assay/judge';
import { and, desc, eq, max } from 'drizzle-orm';
import type { Db } from '../db/openDatabase.ts';
import {
  assessments,
  assessmentTasks,
  invitations,
  type problemVersions,
  submissions,
  taskCode,
} from '../db/schema.ts';
import { NotFound } from '../errors.ts';
import { finalizeIfDue } from './attemptDeadlines.ts';
import { problemVersionById } from './cachedLookups.ts';
import { type AttemptDeps, loadAttempt } from './loadAttempt.ts';
import { toSubmissionView } from './submissionView.ts';

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
export function samplesOf(spec: ProblemSpec) {
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

/**
 * What a candidate reads of a task once the assessment starts: its statement, signature, starter code,
 * samples and limits. The attempt view and the staff's preview of an assessment ([A93]) both show it.
 */
export function taskContent(task: { position: number; points: number }, version: typeof problemVersions.$inferSelect) {
  return {
    position: task.position,
    title: version.title,
    difficulty: version.difficulty,
    points: task.points,
    statement: version.statement,
    signature: version.spec.signature,
    starter: version.starter,
    samples: samplesOf(version.spec),
    limits: { timeMs: version.spec.limits.cpuMs, memoryMb: version.spec.limits.memoryMb },
  };
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
          ...taskContent(task, version),
          code: Object.fromEntries(code.filter((c) => c.position === task.position).map((c) => [c.language, c.code])),
          language: latestLanguage(code, task.position),
          bestScore: best.find((b) => b.position === task.position)?.best ?? null,
          latest: {
            run: latestView(task.position, 'run', version.spec.limits.cpuMs),
            submit: latestView(task.position, 'submit', version.spec.limits.cpuMs),
          },
        }))
      : [],
  };
}
