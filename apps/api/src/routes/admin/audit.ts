import { auditQuery, auditResponse } from '@assay/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { readAuditLog } from '../../services/auditLog.ts';

export const adminAuditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/admin/audit',
    {
      // [A73] Who did what is an admin's to read: it names every member's sign-ins and changes.
      config: { staffRoles: ['admin'] },
      schema: { tags: ['admin'], querystring: auditQuery, response: { 200: auditResponse } },
    },
    async (request) => {
      const { from, to, ...rest } = request.query;
      return readAuditLog(app.db, {
        ...rest,
        from: from ? new Date(from) : undefined,
        to: to ? new Date(to) : undefined,
      });
    },
  );
};
