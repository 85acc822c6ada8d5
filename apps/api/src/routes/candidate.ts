import { and, desc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { proctorEvents, submissions } from '../db/schema.ts';
import { NotFound } from '../errors.ts';
import { requireCandidate } from '../plugins/auth.ts';
import {
  attemptView,
  finishEarly,
  invitationSummary,
  loadAttempt,
  openInvitation,
  requestJudging,
  saveCode,
  startAttempt,
} from '../services/attempts.ts';
import { hashToken } from '../services/secrets.ts';
import { attemptViewSchema, language, submissionSchema, toSubmissionView } from './schemas.ts';

const PROCTOR_EVENTS = [
  'tab_hidden',
  'tab_visible',
  'window_blur',
  'window_focus',
  'fullscreen_exit',
  'fullscreen_enter',
  'paste',
  'copy',
] as const;

export const candidateRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = () => ({ db: app.db, queue: app.queue, now: app.now });
  const attemptIdOf = (request: { attemptId?: string }) => request.attemptId as string;
  const position = z.object({ position: z.coerce.number().int().min(0) });

  app.get(
    '/api/invitations/:token',
    {
      schema: {
        tags: ['candidate'],
        params: z.object({ token: z.string().min(1) }),
        response: {
          200: z.object({
            candidateName: z.string(),
            title: z.string(),
            description: z.string(),
            durationMinutes: z.number(),
            taskCount: z.number(),
            languages: z.array(language),
            proctoring: z.object({ fullscreen: z.boolean(), recordEvents: z.boolean() }),
            status: z.enum(['not_started', 'in_progress', 'finished']),
            expiresAt: z.string(),
          }),
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
        params: z.object({ token: z.string().min(1) }),
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
          params: position,
          body: z.object({ language, code: z.string() }),
          response: { 200: z.object({ savedAt: z.string() }) },
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
          params: position,
          body: z.object({
            language,
            code: z.string(),
            customInputs: z.array(z.array(z.unknown())).max(10).optional(),
          }),
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
        return reply.status(202).send(toSubmissionView(submission, 'candidate'));
      },
    );

    typed.post(
      '/api/attempt/tasks/:position/submissions',
      {
        config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
        schema: {
          tags: ['candidate'],
          params: position,
          body: z.object({ language, code: z.string(), idempotencyKey: z.string().min(8).max(100) }),
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
        return reply.status(repeated ? 200 : 202).send(toSubmissionView(submission, 'candidate'));
      },
    );

    typed.get(
      '/api/attempt/submissions/:id',
      { schema: { tags: ['candidate'], params: z.object({ id: z.uuid() }), response: { 200: submissionSchema } } },
      async (request) => {
        const [row] = await app.db
          .select()
          .from(submissions)
          .where(and(eq(submissions.id, request.params.id), eq(submissions.attemptId, attemptIdOf(request))));
        if (!row) throw new NotFound('the submission');
        return toSubmissionView(row, 'candidate');
      },
    );

    typed.get(
      '/api/attempt/tasks/:position/submissions',
      {
        schema: {
          tags: ['candidate'],
          params: position,
          response: { 200: z.object({ submissions: z.array(submissionSchema) }) },
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
        return { submissions: rows.map((row) => toSubmissionView(row, 'candidate')) };
      },
    );

    typed.post(
      '/api/attempt/events',
      {
        config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
        schema: {
          tags: ['candidate'],
          body: z.object({
            events: z
              .array(
                z.object({
                  type: z.enum(PROCTOR_EVENTS),
                  at: z.iso.datetime(),
                  detail: z.record(z.string(), z.unknown()).optional(),
                }),
              )
              .min(1)
              .max(200),
          }),
          response: { 200: z.object({ recorded: z.number() }) },
        },
      },
      async (request) => {
        const attempt = await loadAttempt(app.db, attemptIdOf(request));
        // Proctoring signals are kept even after the deadline: they describe what already happened.
        await app.db.insert(proctorEvents).values(
          request.body.events.map((e) => ({
            attemptId: attempt.id,
            type: e.type,
            at: new Date(e.at),
            detail: e.detail ?? {},
          })),
        );
        return { recorded: request.body.events.length };
      },
    );

    typed.post(
      '/api/attempt/finish',
      { schema: { tags: ['candidate'], response: { 200: attemptViewSchema } } },
      async (request) => finishEarly(deps(), attemptIdOf(request)),
    );
  });
};
