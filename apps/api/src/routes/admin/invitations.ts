import {
  assessmentIdParams,
  createInvitationsBody,
  createInvitationsResponse,
  csvCheckBody,
  csvCheckResponse,
  extendTimeBody,
  invitationActionResponse,
  invitationIdParams,
  invitationListQuery,
  invitationListResponse,
  MAX_CSV_BYTES,
  reminderResponse,
  reopenBody,
  setExpiryBody,
} from '@assay/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CsvTooLarge, EmailNotConfigured, InvitationState } from '../../errors.ts';
import { requireAssessment } from '../../services/assessments.ts';
import { recordAudit } from '../../services/audit.ts';
import { parseCandidateCsv } from '../../services/candidateCsv.ts';
import { createMailer, invitationMessage, type Mailer, sendAll } from '../../services/invitationEmail.ts';
import {
  checkCandidates,
  createInvitations,
  extendTime,
  findInvitation,
  invitationView,
  type LinkOptions,
  listInvitations,
  reopenAttempt,
  revokeInvitation,
  setInvitationExpiry,
} from '../../services/invitations.ts';
import { tokenKey, unsealToken } from '../../services/invitationTokens.ts';

/** A list of 10,000 candidates, or a CSV of 2 MiB, is larger than the API's usual body limit. */
const BULK_BODY_LIMIT = 6 * 1024 * 1024;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

// [A89]-[A92] Invitations: create (one or many, or checked from a CSV first), list, revoke, expiry,
// extra time, re-open, reminders. Thin: the rules live in services/invitations.ts.
export const adminInvitationRoutes: FastifyPluginAsyncZod = async (app) => {
  const mailer: Mailer | null = app.config.SMTP_URL
    ? createMailer({ smtpUrl: app.config.SMTP_URL, from: app.config.SMTP_FROM })
    : null;
  app.addHook('onClose', async () => mailer?.close());
  const links = async (): Promise<LinkOptions> => ({
    publicUrl: app.config.publicUrl,
    key: await tokenKey(app.db, app.config.SECRET_KEY),
  });
  /** An invitation as the console shows it after an action; the link is for admins only. */
  const viewOf = async (id: string) => ({
    invitation: invitationView(await findInvitation(app.db, id, app.now()), await links()),
  });

  app.post(
    '/api/admin/assessments/:id/invitations',
    {
      bodyLimit: BULK_BODY_LIMIT,
      schema: {
        tags: ['admin'],
        params: assessmentIdParams,
        body: createInvitationsBody,
        response: { 201: createInvitationsResponse },
      },
    },
    async (request, reply) => {
      const { assessment, invitations } = await createInvitations(app.db, {
        ...(await links()),
        assessmentId: request.params.id,
        candidates: request.body.candidates,
        expiresInDays: request.body.expiresInDays,
        now: app.now(),
      });
      // [A92] Sent after the invitations are stored: a mail server that fails loses none of them.
      const emailFailures = mailer
        ? await sendAll(
            mailer,
            invitations.map((i) =>
              invitationMessage({ ...i, title: assessment.title, durationMinutes: assessment.durationMinutes }),
            ),
          )
        : [];
      await recordAudit(app.db, {
        userId: request.staff?.id,
        action: 'invitations.create',
        target: assessment.id,
        detail: {
          count: invitations.length,
          emailed: mailer ? invitations.length - emailFailures.length : 0,
          emailFailures: emailFailures.length,
        },
      });
      return reply.status(201).send({ invitations, emailed: mailer !== null, emailFailures });
    },
  );

  app.post(
    '/api/admin/assessments/:id/invitations/csv',
    {
      bodyLimit: BULK_BODY_LIMIT,
      schema: { tags: ['admin'], params: assessmentIdParams, body: csvCheckBody, response: { 200: csvCheckResponse } },
    },
    async (request) => {
      // [A90] Checks only: nothing is created until a list without errors is sent to .../invitations.
      await requireAssessment(app.db, request.params.id);
      const bytes = Buffer.byteLength(request.body.csv, 'utf8');
      if (bytes > MAX_CSV_BYTES) throw new CsvTooLarge(mib(bytes), mib(MAX_CSV_BYTES));
      const { candidates, errors } = parseCandidateCsv(request.body.csv);
      const rowErrors = await checkCandidates(app.db, request.params.id, candidates);
      return {
        rows: candidates,
        errors: [...errors, ...rowErrors].sort((a, b) => a.row - b.row),
      };
    },
  );

  app.get(
    '/api/admin/assessments/:id/invitations',
    {
      schema: {
        tags: ['admin'],
        params: assessmentIdParams,
        querystring: invitationListQuery,
        response: { 200: invitationListResponse },
      },
    },
    async (request) => {
      await requireAssessment(app.db, request.params.id);
      return listInvitations(app.db, {
        assessmentId: request.params.id,
        ...request.query,
        now: app.now(),
        // Links open candidates' attempts: only those who may manage invitations see them.
        links: request.staff?.role === 'admin' ? await links() : null,
      });
    },
  );

  app.post(
    '/api/admin/invitations/:id/revoke',
    { schema: { tags: ['admin'], params: invitationIdParams, response: { 200: invitationActionResponse } } },
    async (request) => {
      if (await revokeInvitation(app.db, request.params.id, app.now()))
        await recordAudit(app.db, {
          userId: request.staff?.id,
          action: 'invitation.revoke',
          target: request.params.id,
        });
      return viewOf(request.params.id);
    },
  );

  app.put(
    '/api/admin/invitations/:id/expiry',
    {
      schema: {
        tags: ['admin'],
        params: invitationIdParams,
        body: setExpiryBody,
        response: { 200: invitationActionResponse },
      },
    },
    async (request) => {
      const expiresAt = request.body.expiresAt === null ? null : new Date(request.body.expiresAt);
      const { before } = await setInvitationExpiry(app.db, request.params.id, expiresAt, app.now());
      await recordAudit(app.db, {
        userId: request.staff?.id,
        action: 'invitation.expiry',
        target: request.params.id,
        detail: { before, after: expiresAt?.toISOString() ?? null },
      });
      return viewOf(request.params.id);
    },
  );

  app.post(
    '/api/admin/invitations/:id/extend',
    {
      schema: {
        tags: ['admin'],
        params: invitationIdParams,
        body: extendTimeBody,
        response: { 200: invitationActionResponse },
      },
    },
    async (request) => {
      const { minutes, reason } = request.body;
      const extended = await extendTime(app.db, request.params.id, minutes, app.now());
      await recordAudit(app.db, {
        userId: request.staff?.id,
        action: 'invitation.extend',
        target: request.params.id,
        detail: {
          minutes,
          reason,
          status: extended.status,
          deadlineBefore: extended.deadlineBefore,
          deadline: extended.deadline?.toISOString() ?? null,
        },
      });
      return viewOf(request.params.id);
    },
  );

  app.post(
    '/api/admin/invitations/:id/reopen',
    {
      schema: {
        tags: ['admin'],
        params: invitationIdParams,
        body: reopenBody,
        response: { 200: invitationActionResponse },
      },
    },
    async (request) => {
      const { minutes, reason } = request.body;
      const reopened = await reopenAttempt(app.db, request.params.id, minutes, app.now());
      await recordAudit(app.db, {
        userId: request.staff?.id,
        action: 'attempt.reopen',
        target: request.params.id,
        detail: { minutes, reason, ...reopened },
      });
      return viewOf(request.params.id);
    },
  );

  app.post(
    '/api/admin/invitations/:id/remind',
    { schema: { tags: ['admin'], params: invitationIdParams, response: { 200: reminderResponse } } },
    async (request) => {
      if (!mailer) throw new EmailNotConfigured();
      const found = await findInvitation(app.db, request.params.id, app.now());
      if (found.status !== 'invited')
        throw new InvitationState(
          `a reminder is for a candidate who has not started yet; this invitation is ${found.status}`,
        );
      const token = found.tokenSealed ? unsealToken((await links()).key, found.tokenSealed) : null;
      if (!token)
        throw new InvitationState(
          'this invitation was made before links were kept, so its link cannot be sent again: revoke it and invite the candidate again',
        );
      const assessment = await requireAssessment(app.db, found.assessmentId);
      const [failure] = await sendAll(mailer, [
        invitationMessage({
          name: found.name,
          email: found.email,
          title: assessment.title,
          durationMinutes: assessment.durationMinutes,
          link: `${app.config.publicUrl}/a/${token}`,
          expiresAt: found.expiresAt?.toISOString() ?? null,
          reminder: true,
        }),
      ]);
      await recordAudit(app.db, {
        userId: request.staff?.id,
        action: 'invitation.remind',
        target: request.params.id,
        detail: { sent: !failure, ...(failure ? { error: failure.message } : {}) },
      });
      return failure
        ? { sent: false, message: `the mail server refused the reminder to ${found.email}: ${failure.message}` }
        : { sent: true, message: `a reminder was sent to ${found.email}` };
    },
  );
};
