import { languageId as language, submissionSchema } from '@assay/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { eventsPage, historyPage, PAGE_SIZES, type RecordList, submissionsPage } from '../../services/attemptRecord.ts';
import { attemptReview, findAttempt, requireAttempt } from '../../services/attemptReview.ts';
import { recordAudit } from '../../services/audit.ts';
import { attemptSummary } from './attemptSummary.ts';

// [A43] An attempt's events, history and submissions come in pages: the first with the attempt,
// the rest from their own lists.
const page = (list: RecordList) =>
  z.object({
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(PAGE_SIZES[list].max).default(PAGE_SIZES[list].default),
  });
const eventView = z.object({ type: z.string(), at: z.string(), detail: z.record(z.string(), z.unknown()) });
const historyView = z.object({ position: z.number(), language, savedAt: z.string(), bytes: z.number() });
const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), next: z.string().nullable() });

export const adminAttemptRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/admin/attempts/:id',
    {
      schema: {
        tags: ['admin'],
        params: z.object({ id: z.uuid() }),
        response: {
          200: z.object({
            attempt: attemptSummary.extend({ deadline: z.string().nullable() }),
            tasks: z.array(
              z.object({ position: z.number(), points: z.number(), best: z.number(), earned: z.number() }),
            ),
            code: z.array(z.object({ position: z.number(), language, code: z.string(), updatedAt: z.string() })),
            /** The first page of each list; `next` continues it at /api/admin/attempts/:id/<list>. */
            history: z.array(historyView),
            submissions: z.array(submissionSchema),
            events: z.array(eventView),
            next: z.object({
              history: z.string().nullable(),
              submissions: z.string().nullable(),
              events: z.string().nullable(),
            }),
          }),
        },
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
};
