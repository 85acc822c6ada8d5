import { loginBody, logoutResponse, type StaffUser, staffUserResponse } from '@assay/contracts';
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { users } from '../db/schema.ts';
import { BadCredentials, SignInLimited } from '../errors.ts';
import { requireStaff } from '../plugins/auth.ts';
import { recordAudit } from '../services/audit.ts';
import { passwordDummy, verifyAccountPassword } from '../services/secrets.ts';
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
};
