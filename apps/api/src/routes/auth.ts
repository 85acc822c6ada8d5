import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { users } from '../db/schema.ts';
import { BadCredentials } from '../errors.ts';
import { requireStaff } from '../plugins/auth.ts';
import { verifyPassword } from '../services/secrets.ts';

const staffSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['admin', 'interviewer']),
});

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/auth/login',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        body: z.object({ email: z.email(), password: z.string().min(1) }),
        response: { 200: z.object({ user: staffSchema }) },
      },
    },
    async (request, reply) => {
      const [user] = await app.db.select().from(users).where(eq(users.email, request.body.email.toLowerCase()));
      if (!user || !(await verifyPassword(user.passwordHash, request.body.password))) throw new BadCredentials();
      await app.startSession(reply, { userId: user.id });
      return { user: { id: user.id, email: user.email, name: user.name, role: user.role } };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], response: { 200: z.object({ ok: z.literal(true) }) } } },
    async (request, reply) => {
      await app.endSession(request, reply);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    { preHandler: requireStaff(), schema: { tags: ['auth'], response: { 200: z.object({ user: staffSchema }) } } },
    async (request) => ({ user: request.staff as z.infer<typeof staffSchema> }),
  );
};
