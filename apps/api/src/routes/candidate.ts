import {
  attemptViewSchema,
  invitationSummarySchema,
  invitationTokenParams,
  proctorEventsBody,
  proctorEventsResponse,
  runBody,
  saveCodeBody,
  saveCodeResponse,
  submissionIdParams,
  submissionListResponse,
  submissionSchema,
  submitBody,
  taskPositionParams,
} from '@assay/contracts';
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { submissions } from '../db/schema.ts';
import { NotFound, ProctorBatchTooLarge } from '../errors.ts';
import { requireCandidate } from '../plugins/auth.ts';
import { candidateSubmissionView, candidateSubmissionViews } from '../services/assessmentShape.ts';
import { finishEarly, startAttempt } from '../services/attemptLifecycle.ts';
import { attemptView } from '../services/attemptView.ts';
import { invitationSummary, openInvitation } from '../services/openInvitation.ts';
import { PROCTOR_BATCH_BYTES, recordProctorEvents } from '../services/proctoring.ts';
import { requestJudging } from '../services/requestJudging.ts';
import { saveCode } from '../services/saveCode.ts';
import { hashToken } from '../services/secrets.ts';
import type { SubmissionRow } from '../services/submissionView.ts';

export const candidateRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = () => ({ db: app.db, queue: app.queue, now: app.now, languages: app.languages });
  const attemptIdOf = (request: { attemptId?: string }) => request.attemptId as string;
  const viewOf = (attemptId: string, row: SubmissionRow) => candidateSubmissionView(app.db, attemptId, row);

  app.get(
    '/api/invitations/:token',
    {
      schema: {
        tags: ['candidate'],
        params: invitationTokenParams,
        response: {
          200: invitationSummarySchema,
        },
      },
    },
    async (request) => invitationSummary(app.db, request.params.token, app.now()),
  );

  app.post(
    '/api/invitations/:token/session',
    {
      // [A36] Per invitation: one link cannot open sessions by the hundred.
      config: {
        rateLimit: {
          max: 10,
          timeWindow: '1 minute',
          keyGenerator: (request) => `invitation:${hashToken((request.params as { token: string }).token)}`,
        },
      },
      schema: {
        tags: ['candidate'],
        params: invitationTokenParams,
        response: { 200: attemptViewSchema },
      },
    },
    async (request, reply) => {
      const { attempt } = await openInvitation(app.db, request.params.token, app.now());
      await app.startSession(reply, { attemptId: attempt.id });
      return attemptView(deps(), attempt.id);
    },
  );

  app.register(async (scoped) => {
    // onRequest: an anonymous request is a 401 before its body is validated ([A37]).
    scoped.addHook('onRequest', requireCandidate);
    const typed = scoped.withTypeProvider<import('fastify-type-provider-zod').ZodTypeProvider>();

    typed.get(
      '/api/attempt',
      { schema: { tags: ['candidate'], response: { 200: attemptViewSchema } } },
      async (request) => attemptView(deps(), attemptIdOf(request)),
    );

    typed.post(
      '/api/attempt/start',
      { schema: { tags: ['candidate'], response: { 200: attemptViewSchema } } },
      async (request) => startAttempt(deps(), attemptIdOf(request)),
    );

    typed.put(
      '/api/attempt/tasks/:position/code',
      {
        config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
        schema: {
          tags: ['candidate'],
          params: taskPositionParams,
          body: saveCodeBody,
          response: { 200: saveCodeResponse },
        },
      },
      async (request) =>
        saveCode(deps(), attemptIdOf(request), request.params.position, request.body.language, request.body.code),
    );

    typed.post(
      '/api/attempt/tasks/:position/runs',
      {
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags: ['candidate'],
          params: taskPositionParams,
          body: runBody,
          response: { 202: submissionSchema },
        },
      },
      async (request, reply) => {
        const { submission } = await requestJudging(deps(), attemptIdOf(request), {
          position: request.params.position,
          language: request.body.language,
          code: request.body.code,
          mode: 'run',
          ...(request.body.customInputs ? { customInputs: request.body.customInputs } : {}),
        });
        return reply.status(202).send(await viewOf(attemptIdOf(request), submission));
      },
    );

    typed.post(
      '/api/attempt/tasks/:position/submissions',
      {
        config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
        schema: {
          tags: ['candidate'],
          params: taskPositionParams,
          body: submitBody,
          response: { 200: submissionSchema, 202: submissionSchema },
        },
      },
      async (request, reply) => {
        const { submission, repeated } = await requestJudging(deps(), attemptIdOf(request), {
          position: request.params.position,
          language: request.body.language,
          code: request.body.code,
          mode: 'submit',
          idempotencyKey: request.body.idempotencyKey,
        });
        return reply.status(repeated ? 200 : 202).send(await viewOf(attemptIdOf(request), submission));
      },
    );

    typed.get(
      '/api/attempt/submissions/:id',
      { schema: { tags: ['candidate'], params: submissionIdParams, response: { 200: submissionSchema } } },
      async (request) => {
        const [row] = await app.db
          .select()
          .from(submissions)
          .where(and(eq(submissions.id, request.params.id), eq(submissions.attemptId, attemptIdOf(request))));
        if (!row) throw new NotFound('the submission');
        return viewOf(attemptIdOf(request), row);
      },
    );

    typed.get(
      '/api/attempt/tasks/:position/submissions',
      {
        schema: {
          tags: ['candidate'],
          params: taskPositionParams,
          response: { 200: submissionListResponse },
        },
      },
      async (request) => {
        const rows = await app.db
          .select()
          .from(submissions)
          .where(
            and(eq(submissions.attemptId, attemptIdOf(request)), eq(submissions.position, request.params.position)),
          )
          .orderBy(desc(submissions.createdAt))
          .limit(50);
        return { submissions: await candidateSubmissionViews(app.db, attemptIdOf(request), rows) };
      },
    );

    typed.post(
      '/api/attempt/events',
      {
        config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
        bodyLimit: PROCTOR_BATCH_BYTES,
        // [A41] Fastify's own "Request body is too large" does not say what to do.
        errorHandler: (error) => {
          if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw new ProctorBatchTooLarge(PROCTOR_BATCH_BYTES / 1024);
          throw error;
        },
        schema: {
          tags: ['candidate'],
          body: proctorEventsBody,
          response: { 200: proctorEventsResponse },
        },
      },
      async (request) => recordProctorEvents(deps(), attemptIdOf(request), request.body.events),
    );

    typed.post(
      '/api/attempt/finish',
      { schema: { tags: ['candidate'], response: { 200: attemptViewSchema } } },
      async (request) => finishEarly(deps(), attemptIdOf(request)),
    );
  });
};
