import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireStaff } from '../../plugins/auth.ts';
import { adminAssessmentRoutes } from './assessments.ts';
import { adminAttemptRoutes } from './attempts.ts';
import { adminInvitationRoutes } from './invitations.ts';
import { adminProblemRoutes } from './problems.ts';
import { adminResultRoutes } from './results.ts';

export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.register(async (scoped) => {
    // onRequest: an anonymous request is a 401 before its body is validated ([A37]).
    scoped.addHook('onRequest', requireStaff('admin'));
    await scoped.register(adminProblemRoutes);
    await scoped.register(adminAssessmentRoutes);
    await scoped.register(adminInvitationRoutes);
    await scoped.register(adminResultRoutes);
    await scoped.register(adminAttemptRoutes);
  });
};
