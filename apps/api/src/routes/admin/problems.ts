import { problemDetailSchema, problemListResponse, problemVersionParams } from '@assay/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemLibrary, problemPreview } from '../../services/problemLibrary.ts';

// [A75] [A76] The problem library: every member of staff reads it ([A70]).
export const adminProblemRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/admin/problems', { schema: { tags: ['admin'], response: { 200: problemListResponse } } }, async () =>
    problemLibrary(app.db),
  );

  app.get(
    '/api/admin/problems/:id',
    { schema: { tags: ['admin'], params: problemVersionParams, response: { 200: problemDetailSchema } } },
    async (request) => problemPreview(app.db, request.params.id),
  );
};
