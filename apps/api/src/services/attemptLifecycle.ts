import { and, eq } from 'drizzle-orm';
import { assessments, attempts, invitations } from '../db/schema.ts';
import { InvitationExpired, NotFound } from '../errors.ts';
import { finish, writable } from './attemptDeadlines.ts';
import { attemptView } from './attemptView.ts';
import { type AttemptDeps, loadAttempt } from './loadAttempt.ts';

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

export async function finishEarly(deps: AttemptDeps, attemptId: string) {
  const attempt = await writable(deps, attemptId);
  await finish(deps, attempt, 'candidate');
  return attemptView(deps, attemptId);
}
