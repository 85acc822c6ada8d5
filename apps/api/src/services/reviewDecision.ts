import type { AttemptReviewNote, ReviewBody } from '@assay/contracts';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/openDatabase.ts';
import { attemptReviews, auditLog, users } from '../db/schema.ts';
import { requireAttempt } from './attemptReview.ts';

/** [A97] An attempt's review: undecided with no notes until someone reviews it. */
export async function readReview(db: Db, attemptId: string): Promise<AttemptReviewNote> {
  const [row] = await db
    .select({ review: attemptReviews, reviewer: { id: users.id, name: users.name } })
    .from(attemptReviews)
    .leftJoin(users, eq(users.id, attemptReviews.reviewedBy))
    .where(eq(attemptReviews.attemptId, attemptId));
  if (!row) return { decision: 'undecided', notes: '', reviewedBy: null, reviewedAt: null };
  return {
    decision: row.review.decision,
    notes: row.review.notes,
    reviewedBy: row.reviewer,
    reviewedAt: row.review.reviewedAt.toISOString(),
  };
}

/**
 * [A97] Stores a reviewer's notes and decision, replacing the previous review, and audits it
 * (`attempt.review`, with the decision and the notes' size, not their text) in the same transaction.
 */
export async function saveReview(
  db: Db,
  attemptId: string,
  reviewer: { id: string },
  body: ReviewBody,
  now: Date,
): Promise<AttemptReviewNote> {
  await requireAttempt(db, attemptId);
  await db.transaction(async (tx) => {
    const values = { decision: body.decision, notes: body.notes, reviewedBy: reviewer.id, reviewedAt: now };
    await tx
      .insert(attemptReviews)
      .values({ attemptId, ...values })
      .onConflictDoUpdate({ target: attemptReviews.attemptId, set: values });
    await tx.insert(auditLog).values({
      userId: reviewer.id,
      action: 'attempt.review',
      target: attemptId,
      detail: { decision: body.decision, notesBytes: Buffer.byteLength(body.notes) },
    });
  });
  return readReview(db, attemptId);
}
