import {
  checkDraft,
  computeExpectedResponse,
  createDraftBody,
  DRAFT_LIMITS,
  draftCheckResponse,
  draftIdParams,
  draftListQuery,
  draftListResponse,
  generateTestsBody,
  generateTestsResponse,
  problemDraftSchema,
  publishDraftResponse,
  updateDraftBody,
} from '@assay/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DraftJudge, generateTests } from '../../services/draftJudging.ts';
import {
  createDraft,
  deleteDraft,
  fillExpected,
  getDraft,
  listDrafts,
  publishDraft,
  runValidation,
  updateDraft,
} from '../../services/problemDrafts.ts';

const tags = ['admin'];
/** A whole draft, as JSON, with room for the envelope ([A81]). */
const DRAFT_BODY_LIMIT = DRAFT_LIMITS.draftBytes + 1024 * 1024;

/** Problem authoring in the browser ([A80]–[A86]): staff read drafts, admins change them. */
export const adminProblemDraftRoutes: FastifyPluginAsyncZod = async (app) => {
  const judge = new DraftJudge({ sandbox: app.config.sandbox });
  app.addHook('onClose', () => judge.close());
  // The admin scope's onRequest hook has required a member of staff before any handler runs.
  const staff = (request: FastifyRequest) => {
    if (!request.staff) throw new Error('an admin route ran without a signed-in member of staff');
    return request.staff;
  };

  app.get(
    '/api/admin/problem-drafts',
    { schema: { tags, querystring: draftListQuery, response: { 200: draftListResponse } } },
    async (request) => ({
      drafts: await listDrafts(app.db, request.query.mine === 'true' ? staff(request).id : undefined),
    }),
  );

  app.post(
    '/api/admin/problem-drafts',
    { schema: { tags, body: createDraftBody, response: { 201: problemDraftSchema } } },
    async (request, reply) => {
      const draft = await createDraft(app.db, staff(request).id, request.body?.fromVersionId, app.now());
      return reply.code(201).send(draft);
    },
  );

  app.get(
    '/api/admin/problem-drafts/:id',
    { schema: { tags, params: draftIdParams, response: { 200: problemDraftSchema } } },
    async (request) => getDraft(app.db, request.params.id),
  );

  app.put(
    '/api/admin/problem-drafts/:id',
    {
      bodyLimit: DRAFT_BODY_LIMIT,
      schema: { tags, params: draftIdParams, body: updateDraftBody, response: { 200: problemDraftSchema } },
    },
    async (request) => updateDraft(app.db, request.params.id, request.body, app.now()),
  );

  app.delete(
    '/api/admin/problem-drafts/:id',
    { schema: { tags, params: draftIdParams, response: { 200: z.object({ ok: z.literal(true) }) } } },
    async (request) => {
      await deleteDraft(app.db, request.params.id, staff(request).id);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/admin/problem-drafts/:id/check',
    { schema: { tags, params: draftIdParams, response: { 200: draftCheckResponse } } },
    async (request) => {
      const issues = checkDraft((await getDraft(app.db, request.params.id)).content);
      return { ok: issues.length === 0, issues };
    },
  );

  app.post(
    '/api/admin/problem-drafts/:id/validate',
    { schema: { tags, params: draftIdParams, response: { 200: problemDraftSchema } } },
    async (request) => (await runValidation(app.db, judge, request.params.id, app.now)).draft,
  );

  app.post(
    '/api/admin/problem-drafts/:id/compute-expected',
    { schema: { tags, params: draftIdParams, response: { 200: computeExpectedResponse } } },
    async (request) => fillExpected(app.db, judge, request.params.id, staff(request).id, app.now()),
  );

  app.post(
    '/api/admin/problem-drafts/:id/generate',
    { schema: { tags, params: draftIdParams, body: generateTestsBody, response: { 200: generateTestsResponse } } },
    async (request) => {
      await getDraft(app.db, request.params.id);
      return { tests: await generateTests(judge, request.body.source) };
    },
  );

  app.post(
    '/api/admin/problem-drafts/:id/publish',
    { schema: { tags, params: draftIdParams, response: { 200: publishDraftResponse } } },
    async (request) => publishDraft(app.db, judge, request.params.id, staff(request).id, app.now),
  );
};
