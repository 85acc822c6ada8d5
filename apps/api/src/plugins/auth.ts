import { and, eq, gt } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { sessions, users } from '../db/schema.ts';
import { Forbidden, NotAuthenticated } from '../errors.ts';
import { hashToken, newToken } from '../services/secrets.ts';
import { LocalSessionCache, type SessionCache } from '../services/sessionCache.ts';
import { capAttemptSessions } from '../services/sessions.ts';

export const SESSION_COOKIE = 'assay_session';
const STAFF_SESSION_MS = 12 * 3600 * 1000;
const CANDIDATE_SESSION_MS = 14 * 24 * 3600 * 1000;
/**
 * How long an API process trusts a candidate session it has read ([A9]). Autosave is the busiest
 * request; this spares it the session query. Staff sessions are always read, so a sign-out is at once.
 */
const CANDIDATE_CACHE_MS = 5000;

export interface Staff {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'interviewer';
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in admin or interviewer, if any. */
    staff?: Staff;
    /** The attempt a candidate's session opens, if any. */
    attemptId?: string;
  }
  interface FastifyInstance {
    startSession(reply: FastifyReply, owner: { userId: string } | { attemptId: string }): Promise<void>;
    endSession(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  }
}

/** Requires a signed-in staff member with one of the roles. */
export function requireStaff(...roles: Staff['role'][]) {
  return async (request: FastifyRequest) => {
    if (!request.staff) throw new NotAuthenticated();
    if (roles.length > 0 && !roles.includes(request.staff.role)) throw new Forbidden(roles.join(' or '));
  };
}

export async function requireCandidate(request: FastifyRequest) {
  if (!request.attemptId) throw new NotAuthenticated();
}

/**
 * Cookie sessions stored in the database ([A9]): the cookie holds a random token, the table its hash.
 * httpOnly and SameSite=Lax always, Secure when PUBLIC_URL is https or in production ([A34]).
 */
export const authPlugin = fp(async (app, options: { secureCookies: boolean; sessionCache?: SessionCache }) => {
  app.decorateRequest('staff', undefined);
  app.decorateRequest('attemptId', undefined);

  // [A52] Shared by every API instance when Redis is configured, this process's own otherwise.
  const candidates = options.sessionCache ?? new LocalSessionCache();

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    // Only the API reads sessions: pages and assets carry the cookie too, and must not cost a query each.
    if (!token || !request.url.startsWith('/api/')) return;
    const tokenHash = hashToken(token);
    const now = Date.now();
    const cached = await candidates.get(tokenHash);
    if (cached) {
      request.attemptId = cached;
      return;
    }
    const [row] = await app.db
      .select({ session: sessions, user: users })
      .from(sessions)
      .leftJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, new Date(now))));
    if (!row) return;
    // [A71] Deactivating deletes the member's sessions; a session started in the same instant is refused here.
    if (row.user?.active)
      request.staff = { id: row.user.id, email: row.user.email, name: row.user.name, role: row.user.role };
    if (row.session.attemptId) {
      request.attemptId = row.session.attemptId;
      const ttlMs = Math.min(CANDIDATE_CACHE_MS, row.session.expiresAt.getTime() - now);
      await candidates.set(tokenHash, row.session.attemptId, ttlMs);
    }
  });

  app.decorate('startSession', async (reply: FastifyReply, owner: { userId: string } | { attemptId: string }) => {
    const token = newToken();
    const ttl = 'userId' in owner ? STAFF_SESSION_MS : CANDIDATE_SESSION_MS;
    const expiresAt = new Date(Date.now() + ttl);
    await app.db.insert(sessions).values({ tokenHash: hashToken(token), expiresAt, ...owner });
    // [A36] An invitation link opened again and again keeps only its newest few sessions.
    if ('attemptId' in owner) await candidates.revoke(await capAttemptSessions(app.db, owner.attemptId));
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: options.secureCookies,
      expires: expiresAt,
    });
  });

  app.decorate('endSession', async (request: FastifyRequest, reply: FastifyReply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const tokenHash = hashToken(token);
      // Deleted first: an instance reading the session meanwhile must not cache it again.
      await app.db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
      await candidates.revoke([tokenHash]);
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  });
});
