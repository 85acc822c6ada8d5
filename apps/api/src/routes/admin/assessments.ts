import {
  assessmentCreated,
  assessmentDetail,
  assessmentIdParams,
  assessmentInput,
  assessmentListQuery,
  assessmentListResponse,
  assessmentPreview,
} from '@assay/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { assessmentPreview as previewOf } from '../../services/assessmentPreview.ts';
import {
  createAssessment,
  deleteAssessment,
  assessmentDetail as detailOf,
  duplicateAssessment,
  listAssessments,
  setArchived,
  updateAssessment,
} from '../../services/assessments.ts';
import { recordAudit } from '../../services/audit.ts';

// [A87]-[A88], [A93] The assessment builder's routes. Thin: the rules live in services/assessments.ts.
export const adminAssessmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const detail = async (id: string) => ({
    ...(await detailOf(app.db, id)),
    emailEnabled: Boolean(app.config.SMTP_URL),
  });

  app.post(
    '/api/admin/assessments',
    { schema: { tags: ['admin'], body: assessmentInput, response: { 201: assessmentCreated } } },
    async (request, reply) => {
      const id = await createAssessment(app.db, request.body, request.staff?.id ?? null);
      await recordAudit(app.db, {
        userId: request.staff?.id,
        action: 'assessment.create',
        target: id,
        detail: { title: request.body.title },
      });
      return reply.status(201).send({ id });
    },
  );

  app.get(
    '/api/admin/assessments',
    { schema: { tags: ['admin'], querystring: assessmentListQuery, response: { 200: assessmentListResponse } } },
    async (request) => ({ assessments: await listAssessments(app.db, request.query) }),
  );

  app.get(
    '/api/admin/assessments/:id',
    { schema: { tags: ['admin'], params: assessmentIdParams, response: { 200: assessmentDetail } } },
    async (request) => detail(request.params.id),
  );

  app.put(
    '/api/admin/assessments/:id',
    {
      schema: {
        tags: ['admin'],
        params: assessmentIdParams,
        body: assessmentInput,
        response: { 200: assessmentDetail },
      },
    },
    async (request) => {
      const changed = await updateAssessment(app.db, request.params.id, request.body);
      if (changed.length > 0)
        await recordAudit(app.db, {
          userId: request.staff?.id,
          action: 'assessment.update',
          target: request.params.id,
          detail: { changed },
        });
      return detail(request.params.id);
    },
  );

  app.post(
    '/api/admin/assessments/:id/duplicate',
    { schema: { tags: ['admin'], params: assessmentIdParams, response: { 201: assessmentCreated } } },
    async (request, reply) => {
      const id = await duplicateAssessment(app.db, request.params.id, request.staff?.id ?? null);
      await recordAudit(app.db, {
        userId: request.staff?.id,
        action: 'assessment.duplicate',
        target: id,
        detail: { from: request.params.id },
      });
      return reply.status(201).send({ id });
    },
  );

  for (const archived of [true, false]) {
    app.post(
      `/api/admin/assessments/:id/${archived ? 'archive' : 'unarchive'}`,
      { schema: { tags: ['admin'], params: assessmentIdParams, response: { 200: assessmentDetail } } },
      async (request) => {
        if (await setArchived(app.db, request.params.id, archived, app.now()))
          await recordAudit(app.db, {
            userId: request.staff?.id,
            action: archived ? 'assessment.archive' : 'assessment.unarchive',
            target: request.params.id,
          });
        return detail(request.params.id);
      },
    );
  }

  app.delete(
    '/api/admin/assessments/:id',
    { schema: { tags: ['admin'], params: assessmentIdParams } },
    async (request, reply) => {
      const { title } = await deleteAssessment(app.db, request.params.id);
      await recordAudit(app.db, {
        userId: request.staff?.id,
        action: 'assessment.delete',
        target: request.params.id,
        detail: { title },
      });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/admin/assessments/:id/preview',
    { schema: { tags: ['admin'], params: assessmentIdParams, response: { 200: assessmentPreview } } },
    async (request) => previewOf(app.db, request.params.id),
  );
};
