import { eq, sql } from 'drizzle-orm';
import type { Db } from '../src/db/openDatabase.ts';
import { attemptReviews, attempts, invitations, proctorEvents, submissions } from '../src/db/schema.ts';

// Seeding for results tests (API and browser): what the API would take minutes to make one request at a time.

/**
 * Sets when a run or submission was made. Submissions are timed by the database's clock, which a test's
 * `advance` does not move; a test that moved the API's clock puts them back on it with this.
 */
export async function setSubmissionTime(db: Db, submissionId: string, at: Date): Promise<void> {
  await db.update(submissions).set({ createdAt: at }).where(eq(submissions.id, submissionId));
}

/**
 * `n` attempts of a two-task assessment straight into the database: a spread of statuses, scores,
 * times, a submission per task, a flag on every 7th and a decision on every 11th finished one.
 */
export async function seedManyAttempts(db: Db, assessmentId: string, n: number): Promise<void> {
  const now = Date.now();
  for (let from = 0; from < n; from += 1000) {
    const size = Math.min(1000, n - from);
    const made = await db
      .insert(invitations)
      .values(
        Array.from({ length: size }, (_, k) => ({
          assessmentId,
          candidateName: `Candidate ${String(from + k + 1).padStart(5, '0')}`,
          candidateEmail: `candidate${from + k + 1}@example.com`,
          tokenHash: `seeded-${assessmentId}-${from + k}`,
          expiresAt: new Date(now + 86400_000),
        })),
      )
      .returning({ id: invitations.id });
    const rows = made.map((invitation, k) => {
      const i = from + k;
      const status: 'not_started' | 'in_progress' | 'finished' =
        i % 23 === 0 ? 'not_started' : i % 17 === 0 ? 'in_progress' : 'finished';
      // Fractions of each task's hidden tests passed, spread over [0, 1] with a full pass now and then.
      const fractions = [Math.min(1, ((i * 37) % 101) / 90), Math.min(1, (((i * 53) % 97) / 96) ** 2 * 1.1)].map(
        (f) => Math.round(f * 100) / 100,
      );
      const startedAt = status === 'not_started' ? null : new Date(now - 86400_000 + (i % 600) * 60_000);
      return {
        invitationId: invitation.id,
        assessmentId,
        status,
        startedAt,
        finishedAt:
          status === 'finished' && startedAt ? new Date(startedAt.getTime() + (20 + (i % 50)) * 60_000) : null,
        finishReason: status === 'finished' ? (i % 5 === 0 ? ('deadline' as const) : ('candidate' as const)) : null,
        score: startedAt ? (fractions[0] ?? 0) * 100 + (fractions[1] ?? 0) * 100 : null,
        fractions,
      };
    });
    const seeded = await db
      .insert(attempts)
      .values(rows.map(({ fractions: _fractions, ...row }) => row))
      .returning({ id: attempts.id });
    const subs = seeded.flatMap((attempt, k) => {
      const row = rows[k];
      const startedAt = row?.startedAt;
      if (!row || !startedAt) return [];
      return [0, 1].map((position) => ({
        attemptId: attempt.id,
        position,
        language: 'javascript' as const,
        code: '// seeded',
        mode: 'submit' as const,
        status: 'done' as const,
        verdict: row.fractions[position] === 1 ? 'accepted' : 'wrong_answer',
        score: row.fractions[position] ?? 0,
        createdAt: new Date(startedAt.getTime() + (8 + ((k + position * 13) % 55)) * 60_000),
      }));
    });
    await db.insert(submissions).values(subs);
    const flagged = seeded.filter((_, k) => (from + k) % 7 === 0 && rows[k]?.startedAt);
    if (flagged.length > 0)
      await db
        .insert(proctorEvents)
        .values(flagged.map((a) => ({ attemptId: a.id, type: 'tab_hidden', at: new Date(now - 3600_000) })));
    const decided = seeded.filter((_, k) => (from + k) % 11 === 0 && rows[k]?.status === 'finished');
    if (decided.length > 0)
      await db
        .insert(attemptReviews)
        .values(
          decided.map((a, k) => ({ attemptId: a.id, decision: k % 2 ? ('reject' as const) : ('advance' as const) })),
        );
  }
  await db.execute(sql`ANALYZE`);
}
