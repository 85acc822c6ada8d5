import {
  addMemberBody,
  addMemberResponse,
  changeRoleBody,
  resetPasswordBody,
  resetPasswordResponse,
  teamListResponse,
  teamMemberResponse,
} from '@assay/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Staff } from '../../plugins/auth.ts';
import { addMember, changeRole, listMembers, resetPassword, setActive } from '../../services/team.ts';

/** The team is an admin's business only, reading it too ([A71]). */
const ADMINS_ONLY = { staffRoles: ['admin'] as Staff['role'][] };
const memberParams = z.object({ id: z.uuid() });

export const adminTeamRoutes: FastifyPluginAsyncZod = async (app) => {
  const actor = (request: { staff?: Staff }) => (request.staff as Staff).id;

  app.get(
    '/api/admin/team',
    { config: ADMINS_ONLY, schema: { tags: ['admin'], response: { 200: teamListResponse } } },
    async () => ({ members: await listMembers(app.db) }),
  );

  app.post(
    '/api/admin/team',
    {
      config: ADMINS_ONLY,
      schema: { tags: ['admin'], body: addMemberBody, response: { 201: addMemberResponse } },
    },
    async (request, reply) => reply.status(201).send(await addMember(app.db, actor(request), request.body)),
  );

  app.put(
    '/api/admin/team/:id/role',
    {
      config: ADMINS_ONLY,
      schema: { tags: ['admin'], params: memberParams, body: changeRoleBody, response: { 200: teamMemberResponse } },
    },
    async (request) => ({
      member: await changeRole(app.db, actor(request), request.params.id, request.body.role),
    }),
  );

  for (const [verb, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    app.post(
      `/api/admin/team/:id/${verb}`,
      { config: ADMINS_ONLY, schema: { tags: ['admin'], params: memberParams, response: { 200: teamMemberResponse } } },
      async (request) => ({
        member: await setActive(app.db, actor(request), request.params.id, active, app.now()),
      }),
    );
  }

  app.post(
    '/api/admin/team/:id/password',
    {
      config: ADMINS_ONLY,
      schema: {
        tags: ['admin'],
        params: memberParams,
        body: resetPasswordBody,
        response: { 200: resetPasswordResponse },
      },
    },
    async (request) => resetPassword(app.db, actor(request), request.params.id, request.body.password),
  );
};
