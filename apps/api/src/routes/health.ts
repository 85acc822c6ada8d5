import { healthResponse } from '@assay/contracts';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['health'],
        response: { 200: healthResponse },
      },
    },
    async () => {
      await app.db.execute(sql`select 1`);
      return {
        ok: true as const,
        database: 'up',
        queue: app.queue.kind,
        serverTime: app.now().toISOString(),
        languages: app.languages,
      };
    },
  );
};
