import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['health'],
        response: {
          200: z.object({ ok: z.literal(true), database: z.string(), queue: z.string(), serverTime: z.string() }),
        },
      },
    },
    async () => {
      await app.db.execute(sql`select 1`);
      return { ok: true as const, database: 'up', queue: app.queue.kind, serverTime: app.now().toISOString() };
    },
  );
};
