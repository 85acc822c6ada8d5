import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAttempts } from '../../services/attemptReview.ts';
import { recordAudit } from '../../services/audit.ts';
import { resultsCsv } from '../../services/resultsExport.ts';
import { attemptSummary } from './attemptSummary.ts';

export const adminResultRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/admin/assessments/:id/attempts',
    {
      schema: {
        tags: ['admin'],
        params: z.object({ id: z.uuid() }),
        response: { 200: z.object({ attempts: z.array(attemptSummary) }) },
      },
    },
    async (request) => ({ attempts: await listAttempts(app.db, request.params.id) }),
  );

  app.get(
    '/api/admin/assessments/:id/results.csv',
    { schema: { tags: ['admin'], params: z.object({ id: z.uuid() }) } },
    async (request, reply) => {
      const { csv, rows } = await resultsCsv(app.db, request.params.id);
      await recordAudit(app.db, {
        userId: request.staff?.id,
        action: 'results.export',
        target: request.params.id,
        detail: { rows },
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="results.csv"')
        .send(csv);
    },
  );
};
