import { LANGUAGE_IDS, languageId as language, submissionSchema } from '@assay/contracts';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assessments, assessmentTasks, attempts, invitations, problemVersions, taskCode } from '../db/schema.ts';
import { BadInput, NotFound } from '../errors.ts';
import { requireStaff } from '../plugins/auth.ts';
import { eventsPage, historyPage, PAGE_SIZES, type RecordList, submissionsPage } from '../services/attemptRecord.ts';
import { recordAudit } from '../services/audit.ts';
import { bestFractions, scoreTasks, taskScores } from '../services/scoring.ts';
import { hashToken, newToken } from '../services/secrets.ts';

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

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  // Quote everything, double inner quotes, and defuse spreadsheet formulas, also behind a TAB or CR ([A39]).
  return `"${(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text).replaceAll('"', '""')}"`;
}

function summarize(attempt: typeof attempts.$inferSelect, invitation: typeof invitations.$inferSelect) {
  return {
    id: attempt.id,
    candidateName: invitation.candidateName,
    candidateEmail: invitation.candidateEmail,
    status: attempt.status,
    startedAt: attempt.startedAt?.toISOString() ?? null,
    finishedAt: attempt.finishedAt?.toISOString() ?? null,
    finishReason: attempt.finishReason ?? null,
    score: attempt.score,
  };
}

export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.register(async (scoped) => {
    // onRequest: an anonymous request is a 401 before its body is validated ([A37]).
    scoped.addHook('onRequest', requireStaff('admin'));
    const typed = scoped.withTypeProvider<ZodTypeProvider>();
    const audit = (userId: string | undefined, action: string, target: string, detail: Record<string, unknown> = {}) =>
      recordAudit(app.db, { userId, action, target, detail });

    typed.get(
      '/api/admin/problems',
      {
        schema: {
          tags: ['admin'],
          response: {
            200: z.object({
              problems: z.array(
                z.object({
                  id: z.string(),
                  ref: z.string(),
                  title: z.string(),
                  difficulty: z.string(),
                  tags: z.array(z.string()),
                  createdAt: z.string(),
                }),
              ),
            }),
          },
        },
      },
      async () => {
        const rows = await app.db
          .select({
            id: problemVersions.id,
            packId: problemVersions.packId,
            problemId: problemVersions.problemId,
            title: problemVersions.title,
            difficulty: problemVersions.difficulty,
            tags: problemVersions.tags,
            createdAt: problemVersions.createdAt,
          })
          .from(problemVersions)
          .orderBy(asc(problemVersions.packId), asc(problemVersions.problemId), desc(problemVersions.createdAt));
        return {
          problems: rows.map((r) => ({
            id: r.id,
            ref: `${r.packId}/${r.problemId}`,
            title: r.title,
            difficulty: r.difficulty,
            tags: r.tags,
            createdAt: r.createdAt.toISOString(),
          })),
        };
      },
    );

    typed.post(
      '/api/admin/assessments',
      { schema: { tags: ['admin'], body: assessmentInput, response: { 201: z.object({ id: z.string() }) } } },
      async (request, reply) => {
        const body = request.body;
        const ids = [...new Set(body.tasks.map((t) => t.problemVersionId))];
        const found = await app.db
          .select({ id: problemVersions.id })
          .from(problemVersions)
          .where(inArray(problemVersions.id, ids));
        const missing = ids.filter((id) => !found.some((f) => f.id === id));
        if (missing.length > 0)
          throw new BadInput(`no problem version ${missing.join(', ')}: list them with GET /api/admin/problems`);
        const id = await app.db.transaction(async (tx) => {
          const [created] = await tx
            .insert(assessments)
            .values({
              title: body.title,
              description: body.description,
              durationMinutes: body.durationMinutes,
              languages: body.languages,
              proctoring: body.proctoring,
              createdBy: request.staff?.id ?? null,
            })
            .returning({ id: assessments.id });
          if (!created) throw new Error('the assessment was not created');
          await tx.insert(assessmentTasks).values(
            body.tasks.map((t, position) => ({
              assessmentId: created.id,
              position,
              problemVersionId: t.problemVersionId,
              points: t.points,
            })),
          );
          return created.id;
        });
        await audit(request.staff?.id, 'assessment.create', id, { title: body.title });
        return reply.status(201).send({ id });
      },
    );

    typed.get(
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
      async () => {
        const rows = await app.db.select().from(assessments).orderBy(desc(assessments.createdAt));
        return {
          assessments: rows.map((a) => ({
            id: a.id,
            title: a.title,
            durationMinutes: a.durationMinutes,
            createdAt: a.createdAt.toISOString(),
          })),
        };
      },
    );

    typed.post(
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
        const [assessment] = await app.db
          .select({ id: assessments.id })
          .from(assessments)
          .where(eq(assessments.id, request.params.id));
        if (!assessment) throw new NotFound('the assessment');
        const expiresAt = new Date(app.now().getTime() + request.body.expiresInDays * 24 * 3600 * 1000);
        // Tokens exist only in this response; the database keeps their hashes.
        const created = await app.db.transaction(async (tx) => {
          const out = [];
          for (const candidate of request.body.candidates) {
            const token = newToken();
            const [invitation] = await tx
              .insert(invitations)
              .values({
                assessmentId: assessment.id,
                candidateName: candidate.name,
                candidateEmail: candidate.email,
                tokenHash: hashToken(token),
                expiresAt,
              })
              .returning({ id: invitations.id });
            if (!invitation) throw new Error('the invitation was not created');
            const [attempt] = await tx
              .insert(attempts)
              .values({ invitationId: invitation.id, assessmentId: assessment.id })
              .returning({ id: attempts.id });
            out.push({
              attemptId: attempt?.id ?? '',
              name: candidate.name,
              email: candidate.email,
              link: `${app.config.publicUrl}/a/${token}`,
              expiresAt: expiresAt.toISOString(),
            });
          }
          return out;
        });
        await audit(request.staff?.id, 'invitations.create', assessment.id, { count: created.length });
        return reply.status(201).send({ invitations: created });
      },
    );

    const attemptSummary = z.object({
      id: z.string(),
      candidateName: z.string(),
      candidateEmail: z.string(),
      status: z.string(),
      startedAt: z.string().nullable(),
      finishedAt: z.string().nullable(),
      finishReason: z.string().nullable(),
      score: z.number().nullable(),
    });
    const listAttempts = async (assessmentId: string) => {
      const rows = await app.db
        .select({ attempt: attempts, invitation: invitations })
        .from(attempts)
        .innerJoin(invitations, eq(invitations.id, attempts.invitationId))
        .where(eq(attempts.assessmentId, assessmentId))
        .orderBy(asc(invitations.createdAt));
      return rows.map(({ attempt, invitation }) => summarize(attempt, invitation));
    };

    typed.get(
      '/api/admin/assessments/:id/attempts',
      {
        schema: {
          tags: ['admin'],
          params: z.object({ id: z.uuid() }),
          response: { 200: z.object({ attempts: z.array(attemptSummary) }) },
        },
      },
      async (request) => ({ attempts: await listAttempts(request.params.id) }),
    );

    typed.get(
      '/api/admin/assessments/:id/results.csv',
      { schema: { tags: ['admin'], params: z.object({ id: z.uuid() }) } },
      async (request, reply) => {
        const rows = await listAttempts(request.params.id);
        const tasks = await app.db
          .select({ position: assessmentTasks.position, points: assessmentTasks.points, title: problemVersions.title })
          .from(assessmentTasks)
          .innerJoin(problemVersions, eq(problemVersions.id, assessmentTasks.problemVersionId))
          .where(eq(assessmentTasks.assessmentId, request.params.id))
          .orderBy(asc(assessmentTasks.position));
        const header = [
          'candidate',
          'email',
          'status',
          'started_at',
          'finished_at',
          'finish_reason',
          'score',
          ...tasks.map((t) => `task ${t.position + 1}: ${t.title} (of ${t.points})`),
        ];
        const lines = [header.map(csvCell).join(',')];
        // [A8] The per-task breakdown explains the score.
        const best = await bestFractions(app.db, { assessmentId: request.params.id });
        for (const r of rows) {
          const earned = scoreTasks(tasks, (position) => best(r.id, position)).map((t) => t.earned);
          const cells = [
            r.candidateName,
            r.candidateEmail,
            r.status,
            r.startedAt,
            r.finishedAt,
            r.finishReason,
            r.score,
            ...earned,
          ];
          lines.push(cells.map(csvCell).join(','));
        }
        await audit(request.staff?.id, 'results.export', request.params.id, { rows: rows.length });
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="results.csv"')
          .send(`${lines.join('\r\n')}\r\n`);
      },
    );

    // [A43] An attempt's events, history and submissions come in pages: the first with the attempt,
    // the rest from their own lists.
    const page = (list: RecordList) =>
      z.object({
        cursor: z.string().max(200).optional(),
        limit: z.coerce.number().int().min(1).max(PAGE_SIZES[list].max).default(PAGE_SIZES[list].default),
      });
    const eventView = z.object({ type: z.string(), at: z.string(), detail: z.record(z.string(), z.unknown()) });
    const historyView = z.object({ position: z.number(), language, savedAt: z.string(), bytes: z.number() });
    const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), next: z.string().nullable() });
    const attemptExists = async (id: string) => {
      const [found] = await app.db.select({ id: attempts.id }).from(attempts).where(eq(attempts.id, id));
      if (!found) throw new NotFound('the attempt');
    };
    const firstPage = (list: RecordList) => ({ limit: PAGE_SIZES[list].default });

    typed.get(
      '/api/admin/attempts/:id',
      {
        schema: {
          tags: ['admin'],
          params: z.object({ id: z.uuid() }),
          response: {
            200: z.object({
              attempt: attemptSummary.extend({ deadline: z.string().nullable() }),
              tasks: z.array(
                z.object({ position: z.number(), points: z.number(), best: z.number(), earned: z.number() }),
              ),
              code: z.array(z.object({ position: z.number(), language, code: z.string(), updatedAt: z.string() })),
              /** The first page of each list; `next` continues it at /api/admin/attempts/:id/<list>. */
              history: z.array(historyView),
              submissions: z.array(submissionSchema),
              events: z.array(eventView),
              next: z.object({
                history: z.string().nullable(),
                submissions: z.string().nullable(),
                events: z.string().nullable(),
              }),
            }),
          },
        },
      },
      async (request) => {
        const [row] = await app.db
          .select({ attempt: attempts, invitation: invitations })
          .from(attempts)
          .innerJoin(invitations, eq(invitations.id, attempts.invitationId))
          .where(eq(attempts.id, request.params.id));
        if (!row) throw new NotFound('the attempt');
        const { attempt, invitation } = row;
        const id = attempt.id;
        await audit(request.staff?.id, 'attempt.view', id);
        const [code, history, subs, events, tasks] = await Promise.all([
          app.db.select().from(taskCode).where(eq(taskCode.attemptId, id)).orderBy(asc(taskCode.position)),
          historyPage(app.db, id, firstPage('history')),
          submissionsPage(app.db, id, firstPage('submissions')),
          eventsPage(app.db, id, firstPage('events')),
          taskScores(app.db, id),
        ]);
        return {
          attempt: { ...summarize(attempt, invitation), deadline: attempt.deadline?.toISOString() ?? null },
          tasks,
          code: code.map((c) => ({
            position: c.position,
            language: c.language,
            code: c.code,
            updatedAt: c.updatedAt.toISOString(),
          })),
          history: history.items,
          submissions: subs.items,
          events: events.items,
          next: { history: history.next, submissions: subs.next, events: events.next },
        };
      },
    );

    typed.get(
      '/api/admin/attempts/:id/events',
      {
        schema: {
          tags: ['admin'],
          params: z.object({ id: z.uuid() }),
          querystring: page('events'),
          response: { 200: pageOf(eventView) },
        },
      },
      async (request) => {
        await attemptExists(request.params.id);
        return eventsPage(app.db, request.params.id, request.query);
      },
    );

    typed.get(
      '/api/admin/attempts/:id/history',
      {
        schema: {
          tags: ['admin'],
          params: z.object({ id: z.uuid() }),
          querystring: page('history'),
          response: { 200: pageOf(historyView) },
        },
      },
      async (request) => {
        await attemptExists(request.params.id);
        return historyPage(app.db, request.params.id, request.query);
      },
    );

    typed.get(
      '/api/admin/attempts/:id/submissions',
      {
        schema: {
          tags: ['admin'],
          params: z.object({ id: z.uuid() }),
          querystring: page('submissions'),
          response: { 200: pageOf(submissionSchema) },
        },
      },
      async (request) => {
        await attemptExists(request.params.id);
        return submissionsPage(app.db, request.params.id, request.query);
      },
    );
  });
};
