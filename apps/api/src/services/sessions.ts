import { and, desc, eq, lte, notInArray } from 'drizzle-orm';
import type { Db } from '../db/openDatabase.ts';
import { sessions } from '../db/schema.ts';

/** Live sessions one attempt may hold: a few browsers or tabs, never hundreds ([A36]). */
export const MAX_SESSIONS_PER_ATTEMPT = 5;

/**
 * Revokes an attempt's sessions past the newest MAX_SESSIONS_PER_ATTEMPT ([A36]); answers the token
 * hashes it revoked, so a process can forget them at once.
 */
export async function capAttemptSessions(db: Db, attemptId: string): Promise<string[]> {
  const newest = db
    .select({ tokenHash: sessions.tokenHash })
    .from(sessions)
    .where(eq(sessions.attemptId, attemptId))
    .orderBy(desc(sessions.createdAt), desc(sessions.expiresAt))
    .limit(MAX_SESSIONS_PER_ATTEMPT);
  const revoked = await db
    .delete(sessions)
    .where(and(eq(sessions.attemptId, attemptId), notInArray(sessions.tokenHash, newest)))
    .returning({ tokenHash: sessions.tokenHash });
  return revoked.map((r) => r.tokenHash);
}

/** Deletes every expired session, staff and candidate alike ([A36]); answers how many. */
export async function purgeExpiredSessions(db: Db, now: Date = new Date()): Promise<number> {
  const purged = await db
    .delete(sessions)
    .where(lte(sessions.expiresAt, now))
    .returning({ tokenHash: sessions.tokenHash });
  return purged.length;
}
