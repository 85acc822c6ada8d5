import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/openDatabase.ts';
import { assessments, assessmentTasks, attempts, invitations, problemVersions, taskCode } from '../db/schema.ts';
import { NotFound } from '../errors.ts';
import { eventsPage, historyPage, PAGE_SIZES, type RecordList, submissionsPage } from './attemptRecord.ts';
import { readReview } from './reviewDecision.ts';
import { taskScores } from './scoring.ts';

type AttemptRow = typeof attempts.$inferSelect;
type InvitationRow = typeof invitations.$inferSelect;

export function summarizeAttempt(attempt: AttemptRow, invitation: InvitationRow) {
  return {
    id: attempt.id,
    candidateName: invitation.candidateName,
    candidateEmail: invitation.candidateEmail,
    status: attempt.status,
    startedAt: attempt.startedAt?.toISOString() ?? null,
    finishedAt: attempt.finishedAt?.toISOString() ?? null,
    finishReason: attempt.finishReason ?? null,
    score: attempt.score,
  };
}

export type AttemptSummary = ReturnType<typeof summarizeAttempt>;

/** An assessment's attempts, in the order their candidates were invited. */
export async function listAttempts(db: Db, assessmentId: string): Promise<AttemptSummary[]> {
  const rows = await db
    .select({ attempt: attempts, invitation: invitations })
    .from(attempts)
    .innerJoin(invitations, eq(invitations.id, attempts.invitationId))
    .where(eq(attempts.assessmentId, assessmentId))
    .orderBy(asc(invitations.createdAt));
  return rows.map(({ attempt, invitation }) => summarizeAttempt(attempt, invitation));
}

/** An attempt with its invitation; NotFound if there is none. */
export async function findAttempt(db: Db, id: string): Promise<{ attempt: AttemptRow; invitation: InvitationRow }> {
  const [row] = await db
    .select({ attempt: attempts, invitation: invitations })
    .from(attempts)
    .innerJoin(invitations, eq(invitations.id, attempts.invitationId))
    .where(eq(attempts.id, id));
  if (!row) throw new NotFound('the attempt');
  return row;
}

export async function requireAttempt(db: Db, id: string): Promise<void> {
  const [found] = await db.select({ id: attempts.id }).from(attempts).where(eq(attempts.id, id));
  if (!found) throw new NotFound('the attempt');
}

const firstPage = (list: RecordList) => ({ limit: PAGE_SIZES[list].default });

/**
 * [A43] An attempt for review: its scores, code, and the first page of its history, submissions and
 * events; `next` continues each list.
 */
export async function attemptReview(
  db: Db,
  { attempt, invitation }: { attempt: AttemptRow; invitation: InvitationRow },
) {
  const id = attempt.id;
  const [code, history, subs, events, tasks, assessment, titles, review] = await Promise.all([
    db.select().from(taskCode).where(eq(taskCode.attemptId, id)).orderBy(asc(taskCode.position)),
    historyPage(db, id, firstPage('history')),
    submissionsPage(db, id, firstPage('submissions')),
    eventsPage(db, id, firstPage('events')),
    taskScores(db, id),
    db
      .select({ id: assessments.id, title: assessments.title, durationMinutes: assessments.durationMinutes })
      .from(assessments)
      .where(eq(assessments.id, attempt.assessmentId)),
    db
      .select({ position: assessmentTasks.position, title: problemVersions.title })
      .from(assessmentTasks)
      .innerJoin(problemVersions, eq(problemVersions.id, assessmentTasks.problemVersionId))
      .where(eq(assessmentTasks.assessmentId, attempt.assessmentId)),
    readReview(db, id),
  ]);
  const [found] = assessment;
  if (!found) throw new NotFound('the assessment');
  return {
    attempt: { ...summarizeAttempt(attempt, invitation), deadline: attempt.deadline?.toISOString() ?? null },
    assessment: found,
    tasks: tasks.map((t) => ({ ...t, title: titles.find((x) => x.position === t.position)?.title ?? '' })),
    review,
    code: code.map((c) => ({
      position: c.position,
      language: c.language,
      code: c.code,
      updatedAt: c.updatedAt.toISOString(),
    })),
    history: history.items,
    submissions: subs.items,
    events: events.items,
    next: { history: history.next, submissions: subs.next, events: events.next },
  };
}
