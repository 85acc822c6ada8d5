import { LANGUAGE_IDS, languageId as language } from '@assay/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createAssessment, listAssessments } from '../../services/assessments.ts';
import { recordAudit } from '../../services/audit.ts';

const assessmentInput = z.object({
  title: z.string().min(1).max(200),
  description: z.string().max(5000).default(''),
  durationMinutes: z.number().int().min(1).max(600).default(70),
  languages: z
    .array(language)
    .min(1)
    .default([...LANGUAGE_IDS]),
  proctoring: z
    .object({ fullscreen: z.boolean(), recordEvents: z.boolean() })
    .default({ fullscreen: true, recordEvents: true }),
  tasks: z
    .array(z.object({ problemVersionId: z.uuid(), points: z.number().int().min(1).max(1000).default(100) }))
    .min(1)
    .max(20),
});

export const adminAssessmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/admin/assessments',
    { schema: { tags: ['admin'], body: assessmentInput, response: { 201: z.object({ id: z.string() }) } } },
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
    {
      schema: {
        tags: ['admin'],
        response: {
          200: z.object({
            assessments: z.array(
              z.object({ id: z.string(), title: z.string(), durationMinutes: z.number(), createdAt: z.string() }),
            ),
          }),
        },
      },
    },
    async () => ({ assessments: await listAssessments(app.db) }),
  );
};
