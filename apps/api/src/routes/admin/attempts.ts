import {
  attemptEventSchema,
  attemptReviewResponse,
  attemptReviewSchema,
  codeBatchQuery,
  codeBatchResponse,
  historyItemSchema,
  reviewBody,
  submissionSchema,
} from '@assay/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  codeBatch,
  eventsPage,
  historyPage,
  PAGE_SIZES,
  type RecordList,
  submissionsPage,
} from '../../services/attemptRecord.ts';
import { attemptReview, findAttempt, requireAttempt } from '../../services/attemptReview.ts';
import { recordAudit } from '../../services/audit.ts';
import { saveReview } from '../../services/reviewDecision.ts';

// [A43] An attempt's events, history and submissions come in pages: the first with the attempt,
// the rest from their own lists.
const page = (list: RecordList) =>
  z.object({
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(PAGE_SIZES[list].max).default(PAGE_SIZES[list].default),
  });
const eventView = attemptEventSchema;
const historyView = historyItemSchema;
const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), next: z.string().nullable() });

export const adminAttemptRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/admin/attempts/:id',
    {
      schema: {
        tags: ['admin'],
        params: z.object({ id: z.uuid() }),
        response: { 200: attemptReviewResponse },
      },
    },
    async (request) => {
      const found = await findAttempt(app.db, request.params.id);
      await recordAudit(app.db, { userId: request.staff?.id, action: 'attempt.view', target: found.attempt.id });
      return attemptReview(app.db, found);
    },
  );

  app.get(
    '/api/admin/attempts/:id/events',
    {
      schema: {
        tags: ['admin'],
        params: z.object({ id: z.uuid() }),
        querystring: page('events'),
        response: { 200: pageOf(eventView) },
      },
    },
    async (request) => {
      await requireAttempt(app.db, request.params.id);
      return eventsPage(app.db, request.params.id, request.query);
    },
  );

  app.get(
    '/api/admin/attempts/:id/history',
    {
      schema: {
        tags: ['admin'],
        params: z.object({ id: z.uuid() }),
        querystring: page('history'),
        response: { 200: pageOf(historyView) },
      },
    },
    async (request) => {
      await requireAttempt(app.db, request.params.id);
      return historyPage(app.db, request.params.id, request.query);
    },
  );

  app.get(
    '/api/admin/attempts/:id/submissions',
    {
      schema: {
        tags: ['admin'],
        params: z.object({ id: z.uuid() }),
        querystring: page('submissions'),
        response: { 200: pageOf(submissionSchema) },
      },
    },
    async (request) => {
      await requireAttempt(app.db, request.params.id);
      return submissionsPage(app.db, request.params.id, request.query);
    },
  );

  app.get(
    '/api/admin/attempts/:id/code',
    {
      schema: {
        tags: ['admin'],
        params: z.object({ id: z.uuid() }),
        querystring: codeBatchQuery,
        response: { 200: codeBatchResponse },
      },
    },
    async (request) => {
      await requireAttempt(app.db, request.params.id);
      return codeBatch(app.db, request.params.id, {
        history: request.query.history ?? [],
        submissions: request.query.submissions ?? [],
      });
    },
  );

  // [A97] Interviewers review results: the one change under /api/admin they may make here.
  app.put(
    '/api/admin/attempts/:id/review',
    {
      config: { staffRoles: ['admin', 'interviewer'] },
      schema: {
        tags: ['admin'],
        params: z.object({ id: z.uuid() }),
        body: reviewBody,
        response: { 200: attemptReviewSchema },
      },
    },
    async (request) => {
      const staff = request.staff;
      if (!staff) throw new Error('a staff route without staff');
      return saveReview(app.db, request.params.id, staff, request.body, app.now());
    },
  );
};
