import { eq } from 'drizzle-orm';
import type { Db } from '../db/openDatabase.ts';
import { assessments, attempts, invitations } from '../db/schema.ts';
import { InvitationExpired, InvitationNotFound, NotFound } from '../errors.ts';
import { assessmentShape } from './assessmentShape.ts';
import { hashToken } from './secrets.ts';

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
