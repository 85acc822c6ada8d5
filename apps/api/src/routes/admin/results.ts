import { assessmentResultsResponse, resultsOverviewQuery, resultsOverviewResponse } from '@assay/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assessmentResults, resultsOverview } from '../../services/assessmentResults.ts';
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

  // [A94] One response for the whole table, however many attempts: the console sorts, filters and
  // searches them all at once, and a row is ~250 bytes (10,000 rows ≈ 2.5 MB, ≈ 300 KB compressed).
  app.get(
    '/api/admin/assessments/:id/results',
    {
      schema: {
        tags: ['admin'],
        params: z.object({ id: z.uuid() }),
        response: { 200: assessmentResultsResponse },
      },
    },
    async (request) => assessmentResults(app.db, request.params.id, app.now()),
  );

  app.get(
    '/api/admin/results',
    { schema: { tags: ['admin'], querystring: resultsOverviewQuery, response: { 200: resultsOverviewResponse } } },
    async (request) => resultsOverview(app.db, request.query.q || undefined),
  );
};
