import { padIdParams, padPlayback as padPlaybackSchema } from '@assay/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Forbidden, NotAuthenticated } from '../errors.ts';
import { padPlayback } from '../services/padPlayback.ts';

/** The candidate's participant cookie (path `/api/pads/<id>`), which reaches this route too. */
const CANDIDATE_COOKIE = 'assay_pad';

/**
 * [A108] `GET /api/pads/:id/playback`: staff only, admins and interviewers alike (pads are open to all
 * staff). A candidate of the pad is refused with 403, never shown the playback (it holds the notes).
 */
export const padPlaybackRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/pads/:id/playback',
    {
      schema: { tags: ['pads'], params: padIdParams, response: { 200: padPlaybackSchema } },
      onRequest: async (request) => {
        if (request.staff) return;
        if (request.cookies[CANDIDATE_COOKIE]) throw new Forbidden('interviewer or admin');
        throw new NotAuthenticated();
      },
    },
    async (request) => padPlayback(app.db, request.params.id),
  );
};
