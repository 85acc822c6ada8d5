import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listProblemVersions } from '../../services/assessments.ts';

export const adminProblemRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/admin/problems',
    {
      schema: {
        tags: ['admin'],
        response: {
          200: z.object({
            problems: z.array(
              z.object({
                id: z.string(),
                ref: z.string(),
                title: z.string(),
                difficulty: z.string(),
                tags: z.array(z.string()),
                createdAt: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async () => ({ problems: await listProblemVersions(app.db) }),
  );
};
