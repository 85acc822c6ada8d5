import { count, eq } from 'drizzle-orm';
import type { Db } from '../db/openDatabase.ts';
import { assessments, assessmentTasks, attempts, invitations } from '../db/schema.ts';
import { InvitationExpired, InvitationNotFound, InvitationRevoked, NotFound } from '../errors.ts';
import { hashToken } from './secrets.ts';

/** The attempt an invitation token opens, or a clear reason why it opens nothing ([A11]). */
export async function openInvitation(db: Db, token: string, now: Date) {
  const [row] = await db
    .select({ invitation: invitations, attempt: attempts })
    .from(invitations)
    .innerJoin(attempts, eq(attempts.invitationId, invitations.id))
    .where(eq(invitations.tokenHash, hashToken(token)));
  if (!row) throw new InvitationNotFound();
  refuseClosedInvitation(row.invitation, row.attempt.status, now);
  return row;
}

/**
 * [A11], [A35], [A91] An invitation opens its attempt unless it was revoked, or it expired before the
 * candidate started (a started attempt stays open to its link).
 */
export function refuseClosedInvitation(
  invitation: { expiresAt: Date | null; revokedAt: Date | null },
  status: 'not_started' | 'in_progress' | 'finished',
  now: Date,
): void {
  if (invitation.revokedAt) throw new InvitationRevoked();
  if (status === 'not_started' && invitation.expiresAt && invitation.expiresAt <= now) {
    throw new InvitationExpired(invitation.expiresAt.toISOString().slice(0, 10));
  }
}

/** What an invitation is for, as its landing page and GET /api/invitations/:token show it. */
export async function invitationSummary(db: Db, token: string, now: Date) {
  const { invitation, attempt } = await openInvitation(db, token, now);
  const [assessment] = await db.select().from(assessments).where(eq(assessments.id, attempt.assessmentId));
  if (!assessment) throw new NotFound('the assessment');
  // Counted here, not from the cached shape: before a start the tasks may still be edited ([A88]).
  const [tasks] = await db
    .select({ count: count() })
    .from(assessmentTasks)
    .where(eq(assessmentTasks.assessmentId, assessment.id));
  return {
    candidateName: invitation.candidateName,
    title: assessment.title,
    description: assessment.description,
    durationMinutes: assessment.durationMinutes,
    taskCount: tasks?.count ?? 0,
    languages: assessment.languages,
    proctoring: assessment.proctoring,
    status: attempt.status,
    expiresAt: invitation.expiresAt?.toISOString() ?? null,
  };
}
