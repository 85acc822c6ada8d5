import {
  createPadBody,
  joinPadBody,
  joinPadResponse,
  PAD_LIMITS,
  padIdParams,
  padInvitation,
  padListResponse,
  padRun,
  padRunBody,
  padSummary,
  padTokenParams,
  padView,
  setPadLanguageBody,
} from '@assay/contracts';
import { eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { padParticipants } from '../db/schema.ts';
import { PadForbidden, PadNotSignedIn } from '../errors.ts';
import { ensureStaffParticipant, type ParticipantRow, toPadParticipant } from '../pads/participants.ts';
import { requireStaff, type Staff } from '../plugins/auth.ts';
import { requireJudgeable } from '../plugins/languages.ts';
import { tokenKey } from '../services/invitationTokens.ts';
import { requestPadRun } from '../services/padRuns.ts';
import {
  padView as buildPadView,
  candidateByCookie,
  createPad,
  endPad,
  joinPad,
  listPads,
  loadPad,
  type PadRow,
  padByToken,
  setPadLanguage,
} from '../services/pads.ts';
import { hashToken } from '../services/secrets.ts';

/** [A113] The candidate's participant cookie; its path is the pad's own API (and its link's join route). */
export const PAD_COOKIE = 'assay_pad';
const PAD_COOKIE_DAYS = 14;

/** Who is calling a pad route: a member of staff (their participant row made on first use) or this pad's candidate. */
interface PadCaller {
  participant: ParticipantRow;
  staff?: Staff;
}

export const padRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = () => ({ db: app.db, events: app.events, queue: app.queue, now: app.now });
  const links = async () => ({ publicUrl: app.config.publicUrl, key: await tokenKey(app.db, app.config.SECRET_KEY) });
  const secure = app.config.NODE_ENV === 'production' || app.config.publicUrl.startsWith('https:');

  /**
   * [A114] Staff of any role, or the candidate whose cookie belongs to this pad. No credentials is a
   * 401 before the pad is looked up; a candidate cookie of another pad is a 403.
   */
  const callerOf = async (request: FastifyRequest, padId: string): Promise<{ pad: PadRow; caller: PadCaller }> => {
    const cookie = request.cookies[PAD_COOKIE];
    if (!request.staff && !cookie) throw new PadNotSignedIn();
    const pad = await loadPad(app.db, padId);
    if (request.staff) {
      return {
        pad,
        caller: { participant: await ensureStaffParticipant(app.db, pad.id, request.staff), staff: request.staff },
      };
    }
    const candidate = await candidateByCookie(app.db, pad.id, cookie);
    if (candidate) return { pad, caller: { participant: candidate } };
    const [elsewhere] = await app.db
      .select({ padId: padParticipants.padId })
      .from(padParticipants)
      .where(eq(padParticipants.tokenHash, hashToken(cookie as string)));
    if (elsewhere) throw new PadForbidden('you joined another pad; open this pad from its own interview link');
    throw new PadNotSignedIn();
  };

  const setPadCookie = (reply: FastifyReply, padId: string, token: string, linkToken: string) => {
    const options = {
      httpOnly: true,
      sameSite: 'lax' as const,
      secure,
      maxAge: PAD_COOKIE_DAYS * 24 * 3600,
    };
    reply.setCookie(PAD_COOKIE, token, { ...options, path: `/api/pads/${padId}` });
    // The same cookie on the link's own path, so that opening the link again in this browser finds it.
    reply.setCookie(PAD_COOKIE, token, { ...options, path: `/api/pads/join/${linkToken}` });
  };

  app.post(
    '/api/pads',
    {
      onRequest: requireStaff(),
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags: ['pads'], body: createPadBody, response: { 201: padSummary } },
    },
    async (request, reply) => {
      requireJudgeable(app.languages, request.body.language);
      const summary = await createPad(deps(), await links(), request.staff as Staff, request.body);
      return reply.status(201).send(summary);
    },
  );

  app.get(
    '/api/pads',
    { onRequest: requireStaff(), schema: { tags: ['pads'], response: { 200: padListResponse } } },
    async () => ({ pads: await listPads(app.db, await links()) }),
  );

  app.get(
    '/api/pads/join/:token',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { tags: ['pads'], params: padTokenParams, response: { 200: padInvitation } },
    },
    async (request) => {
      const pad = await padByToken(app.db, request.params.token);
      const me = await candidateByCookie(app.db, pad.id, request.cookies[PAD_COOKIE]);
      return { padId: pad.id, title: pad.title, status: pad.status, me: me ? toPadParticipant(me) : null };
    },
  );

  app.post(
    '/api/pads/join/:token',
    {
      // [A113] Per address: a link cannot be used to fill the pad by the hundred.
      config: { rateLimit: { max: 20, timeWindow: '1 minute', keyGenerator: (request) => `padjoin:${request.ip}` } },
      schema: {
        tags: ['pads'],
        params: padTokenParams,
        body: joinPadBody,
        response: { 200: joinPadResponse, 201: joinPadResponse },
      },
    },
    async (request, reply) => {
      const pad = await padByToken(app.db, request.params.token);
      const cookie = request.cookies[PAD_COOKIE];
      const again = await candidateByCookie(app.db, pad.id, cookie);
      if (again && cookie) {
        // The same browser joining again is the same participant (a new tab, a reload of the link).
        setPadCookie(reply, pad.id, cookie, request.params.token);
        return reply.status(200).send({ padId: pad.id, participant: toPadParticipant(again) });
      }
      const { participant, token } = await joinPad(deps(), pad, request.body.name);
      setPadCookie(reply, pad.id, token, request.params.token);
      return reply.status(201).send({ padId: pad.id, participant: toPadParticipant(participant) });
    },
  );

  app.get(
    '/api/pads/:id',
    { schema: { tags: ['pads'], params: padIdParams, response: { 200: padView } } },
    async (request) => {
      const { pad, caller } = await callerOf(request, request.params.id);
      return buildPadView(app.db, await links(), pad, caller.participant);
    },
  );

  app.put(
    '/api/pads/:id/language',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { tags: ['pads'], params: padIdParams, body: setPadLanguageBody },
    },
    async (request, reply) => {
      const { pad, caller } = await callerOf(request, request.params.id);
      requireJudgeable(app.languages, request.body.language);
      await setPadLanguage(deps(), pad, caller.participant, request.body.language);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/pads/:id/end',
    {
      onRequest: requireStaff(),
      schema: {
        tags: ['pads'],
        params: padIdParams,
        response: { 200: padSummary.pick({ id: true, status: true, endedAt: true }) },
      },
    },
    async (request) => {
      const { pad, caller } = await callerOf(request, request.params.id);
      const ended = await endPad(deps(), pad, request.staff as Staff, caller.participant);
      return { id: ended.id, status: ended.status, endedAt: ended.endedAt?.toISOString() ?? null };
    },
  );

  app.post(
    '/api/pads/:id/runs',
    {
      // [A107] Per pad and caller: Run is a button, not a loop.
      config: {
        rateLimit: {
          max: 30,
          timeWindow: '1 minute',
          keyGenerator: (request) =>
            `padrun:${(request.params as { id: string }).id}:${request.staff?.id ?? request.ip}`,
        },
      },
      bodyLimit: PAD_LIMITS.textChars * 4 + PAD_LIMITS.customInputChars * 4 + 4096,
      schema: { tags: ['pads'], params: padIdParams, body: padRunBody, response: { 202: padRun } },
    },
    async (request, reply) => {
      const { caller } = await callerOf(request, request.params.id);
      requireJudgeable(app.languages, request.body.language);
      const run = await requestPadRun(deps(), request.params.id, caller.participant, request.body);
      return reply.status(202).send(run);
    },
  );
};
