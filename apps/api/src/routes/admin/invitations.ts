import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inviteCandidates } from '../../services/assessments.ts';
import { recordAudit } from '../../services/audit.ts';

export const adminInvitationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/admin/assessments/:id/invitations',
    {
      schema: {
        tags: ['admin'],
        params: z.object({ id: z.uuid() }),
        body: z.object({
          candidates: z
            .array(z.object({ name: z.string().min(1).max(200), email: z.email() }))
            .min(1)
            .max(500),
          expiresInDays: z.number().int().min(1).max(365).default(14),
        }),
        response: {
          201: z.object({
            invitations: z.array(
              z.object({
                attemptId: z.string(),
                name: z.string(),
                email: z.string(),
                link: z.string(),
                expiresAt: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (request, reply) => {
      const { assessmentId, invitations } = await inviteCandidates(app.db, {
        assessmentId: request.params.id,
        candidates: request.body.candidates,
        expiresAt: new Date(app.now().getTime() + request.body.expiresInDays * 24 * 3600 * 1000),
        publicUrl: app.config.publicUrl,
      });
      await recordAudit(app.db, {
        userId: request.staff?.id,
        action: 'invitations.create',
        target: assessmentId,
        detail: { count: invitations.length },
      });
      return reply.status(201).send({ invitations });
    },
  );
};
