import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireStaff, type Staff } from '../../plugins/auth.ts';
import { adminAssessmentRoutes } from './assessments.ts';
import { adminAttemptRoutes } from './attempts.ts';
import { adminAuditRoutes } from './audit.ts';
import { adminInvitationRoutes } from './invitations.ts';
import { adminPackRoutes } from './packs.ts';
import { adminProblemDraftRoutes } from './problemDrafts.ts';
import { adminProblemRoutes } from './problems.ts';
import { adminResultRoutes } from './results.ts';
import { adminSettingsRoutes } from './settings.ts';
import { adminTeamRoutes } from './team.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Who may call a console route ([A70]). Unset: every member of staff may read (GET), only admins
     * may change anything. Set it where that default is wrong (an interviewer's review notes, the team
     * list that only admins see).
     */
    staffRoles?: Staff['role'][];
  }
}

const EVERY_ROLE: Staff['role'][] = ['admin', 'interviewer'];
const READS = new Set(['GET', 'HEAD']);

export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.register(async (scoped) => {
    // onRequest: an anonymous request is a 401 before its body is validated ([A37]).
    scoped.addHook('onRequest', async (request) => {
      const roles = request.routeOptions.config.staffRoles ?? (READS.has(request.method) ? EVERY_ROLE : ['admin']);
      await requireStaff(...roles)(request);
    });
    await scoped.register(adminProblemRoutes);
    await scoped.register(adminAssessmentRoutes);
    await scoped.register(adminInvitationRoutes);
    await scoped.register(adminResultRoutes);
    await scoped.register(adminAttemptRoutes);
    await scoped.register(adminTeamRoutes);
    await scoped.register(adminAuditRoutes);
    await scoped.register(adminSettingsRoutes);
    await scoped.register(adminPackRoutes);
    await scoped.register(adminProblemDraftRoutes);
  });
};
