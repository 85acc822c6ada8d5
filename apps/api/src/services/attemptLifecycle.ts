import { and, eq, sql } from 'drizzle-orm';
import { assessments, attempts, invitations } from '../db/schema.ts';
import { NotFound } from '../errors.ts';
import { finish, writable } from './attemptDeadlines.ts';
import { attemptView } from './attemptView.ts';
import { type AttemptDeps, loadAttempt } from './loadAttempt.ts';
import { refuseClosedInvitation } from './openInvitation.ts';

export async function startAttempt(deps: AttemptDeps, attemptId: string) {
  const attempt = await loadAttempt(deps.db, attemptId);
  if (attempt.status === 'not_started') {
    await deps.db.transaction(async (tx) => {
      // [A88] FOR SHARE: an edit of the assessment's duration or tasks waits for this start to commit (and
      // then sees a started attempt), or this start waits for the edit and uses the new duration.
      const [assessment] = await tx
        .select({ durationMinutes: assessments.durationMinutes })
        .from(assessments)
        .where(eq(assessments.id, attempt.assessmentId))
        .for('share');
      if (!assessment) throw new NotFound('the assessment');
      // [A35], [A91] A session opened before the invitation expired, or was revoked, does not outlive it.
      const [invitation] = await tx
        .select({ expiresAt: invitations.expiresAt, revokedAt: invitations.revokedAt })
        .from(invitations)
        .where(eq(invitations.id, attempt.invitationId));
      if (invitation) refuseClosedInvitation(invitation, 'not_started', deps.now());
      const startedAt = deps.now();
      // Two tabs pressing start at once: only the first sets the clock. Extra minutes given before the
      // start ([A91]) are read in the same statement, so one given meanwhile is not lost.
      await tx
        .update(attempts)
        .set({
          status: 'in_progress',
          startedAt,
          deadline: sql`${startedAt.toISOString()}::timestamptz + make_interval(mins => ${assessment.durationMinutes}::int + ${attempts.extraMinutes})`,
        })
        .where(and(eq(attempts.id, attemptId), eq(attempts.status, 'not_started')));
    });
  }
  return attemptView(deps, attemptId);
}

export async function finishEarly(deps: AttemptDeps, attemptId: string) {
  const attempt = await writable(deps, attemptId);
  await finish(deps, attempt, 'candidate');
  return attemptView(deps, attemptId);
}
