import {
  changePasswordBody,
  changePasswordResponse,
  loginBody,
  logoutResponse,
  type StaffUser,
  staffUserResponse,
} from '@assay/contracts';
import { and, eq, ne } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sessions, users } from '../db/schema.ts';
import { AccountDeactivated, BadCredentials, BadInput, SignInLimited, WrongPassword } from '../errors.ts';
import { requireStaff, SESSION_COOKIE } from '../plugins/auth.ts';
import { recordAudit } from '../services/audit.ts';
import { hashPassword, hashToken, passwordDummy, verifyAccountPassword, verifyPassword } from '../services/secrets.ts';
import { SignInLimiter, type SignInLimits } from '../services/signInLimits.ts';

/** Sign-ins per address per minute, whoever the request claims to be ([A31]). */
const SIGN_INS_PER_ADDRESS = 20;

export const authRoutes: FastifyPluginAsyncZod<{ signInLimits?: SignInLimits }> = async (app, options) => {
  const limiter = options.signInLimits ?? new SignInLimiter();
  // Made now, so the first unknown email is not slower than the ones after it.
  await passwordDummy();

  app.post(
    '/api/auth/login',
    {
      // Keyed by address only: a candidate's cookie must not buy an address more guesses ([A31]).
      config: {
        rateLimit: { max: SIGN_INS_PER_ADDRESS, timeWindow: '1 minute', keyGenerator: (request) => request.ip },
      },
      schema: {
        tags: ['auth'],
        body: loginBody,
        response: { 200: staffUserResponse },
      },
    },
    async (request, reply) => {
      const email = request.body.email.toLowerCase();
      const address = request.ip;
      const now = app.now().getTime();
      const refusal = await limiter.check(email, address, now);
      if (refusal) {
        await recordAudit(app.db, {
          userId: null,
          action: 'auth.sign_in_refused',
          target: email,
          detail: { address, limit: refusal.scope },
        });
        throw new SignInLimited(
          refusal.scope === 'address' ? 'for this account from your address' : 'for this account',
          Math.ceil(refusal.waitMs / 1000),
        );
      }
      const [user] = await app.db.select().from(users).where(eq(users.email, email));
      if (!(await verifyAccountPassword(user?.passwordHash, request.body.password)) || !user) {
        await limiter.failed(email, address, now);
        await recordAudit(app.db, {
          userId: user?.id,
          action: 'auth.sign_in_failed',
          target: email,
          detail: { address },
        });
        throw new BadCredentials();
      }
      await limiter.succeeded(email, address);
      // [A71] Only the right password learns that the account is deactivated; a wrong one gets the 401 above.
      if (!user.active) {
        await recordAudit(app.db, {
          userId: user.id,
          action: 'auth.sign_in_refused',
          target: email,
          detail: { address, reason: 'deactivated' },
        });
        throw new AccountDeactivated();
      }
      await app.db.update(users).set({ lastSignInAt: app.now() }).where(eq(users.id, user.id));
      await app.startSession(reply, { userId: user.id });
      await recordAudit(app.db, { userId: user.id, action: 'auth.sign_in', target: email, detail: { address } });
      return { user: { id: user.id, email: user.email, name: user.name, role: user.role } };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], response: { 200: logoutResponse } } },
    async (request, reply) => {
      await app.endSession(request, reply);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    { preHandler: requireStaff(), schema: { tags: ['auth'], response: { 200: staffUserResponse } } },
    async (request) => ({ user: request.staff as StaffUser }),
  );

  // [A72] Any member of staff changes their own password; their other sessions end, this one stays.
  app.post(
    '/api/auth/password',
    {
      // onRequest: an anonymous request is a 401 before its body is validated ([A37]).
      onRequest: requireStaff(),
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], body: changePasswordBody, response: { 200: changePasswordResponse } },
    },
    async (request) => {
      const staff = request.staff as StaffUser;
      const [user] = await app.db.select().from(users).where(eq(users.id, staff.id));
      if (!user || !(await verifyPassword(user.passwordHash, request.body.currentPassword))) throw new WrongPassword();
      if (request.body.newPassword === request.body.currentPassword)
        throw new BadInput('the new password is the same as the current one: choose a different one');
      const passwordHash = await hashPassword(request.body.newPassword);
      const keep = hashToken(request.cookies[SESSION_COOKIE] ?? '');
      const ended = await app.db.transaction(async (tx) => {
        await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
        const deleted = await tx
          .delete(sessions)
          .where(and(eq(sessions.userId, user.id), ne(sessions.tokenHash, keep)))
          .returning({ tokenHash: sessions.tokenHash });
        await recordAudit(tx, {
          userId: user.id,
          action: 'auth.password_change',
          target: user.email,
          detail: { endedSessions: deleted.length },
        });
        return deleted.length;
      });
      return { ok: true as const, endedSessions: ended };
    },
  );
};
