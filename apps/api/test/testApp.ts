import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Judge, type SandboxSettings } from '@assay/judge';
import { builtinPacks, scaffoldProblem } from '@assay/problems';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { type AppDeps, buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { InProcessQueue } from '../src/queue/JudgeQueue.ts';
import { createJudgeTransport } from '../src/queue/judgeTransport.ts';
import { bootstrap } from '../src/services/bootstrap.ts';
import { importProblems } from '../src/services/importProblems.ts';
import { testDatabase } from './testDatabase.ts';

export const ADMIN = { email: 'admin@example.com', password: 'correct horse battery staple' };

export interface TestAppOptions {
  /** Import the built-in problem packs too, beside the test's own `demo/sum-it`. */
  builtinPacks?: boolean;
  /** A built web app to serve ([A18]); without it the API serves its own pages, even where apps/web/dist exists. */
  webDist?: string;
  /** More environment for the config (SMTP_URL, SECRET_KEY, …). */
  env?: Record<string, string>;
  /** The live pads' hub timings, store or bus (issue 12). */
  pads?: AppDeps['pads'];
  /** [J62] Where the judge and the API look for Python and bubblewrap (a missing bwrap makes Python unavailable). */
  sandbox?: Partial<SandboxSettings>;
  /** What the API believes it can judge, instead of probing `sandbox` (a worker on another machine may differ). */
  languages?: AppDeps['languages'];
}

/** The whole API on a fresh database, with the in-process queue, a real judge and a clock tests move. */
export async function testApp(options: TestAppOptions = {}) {
  const database = await testDatabase();
  const judge = new Judge({ concurrency: 2, ...(options.sandbox ? { sandbox: options.sandbox } : {}) });
  const {
    queue,
    events,
    close: closeTransport,
  } = await createJudgeTransport({
    prefix: 'assay-test',
    db: database.db,
    judge,
    concurrency: 2,
    onError: (error) => {
      throw error;
    },
  });
  // Without a Redis URL the transport's queue is the in-process one, whose idle() tests wait on.
  if (!(queue instanceof InProcessQueue)) throw new Error('the test app expects the in-process queue');
  let offsetMs = 0;
  const now = () => new Date(Date.now() + offsetMs);
  const env = {
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'http://assay.test',
    NODE_ENV: 'test',
    WEB_DIST: options.webDist,
    ...(options.sandbox?.bwrapPath ? { ASSAY_BWRAP: options.sandbox.bwrapPath } : {}),
    ...(options.sandbox?.python3Path ? { ASSAY_PYTHON: options.sandbox.python3Path } : {}),
    ...options.env,
  };
  // A web app built on this machine must not change what the API tests see.
  const config = { ...loadConfig(env), ...(options.webDist ? {} : { webDist: undefined }) };
  const pack = join(mkdtempSync(join(tmpdir(), 'assay-api-')), 'demo');
  scaffoldProblem(pack, 'sum-it');
  const { versions } = await importProblems(database.db, [pack, ...(options.builtinPacks ? builtinPacks() : [])]);
  await bootstrap(database.db, {
    adminEmail: ADMIN.email,
    adminPassword: ADMIN.password,
    publicUrl: config.publicUrl,
    versions,
  });
  const app = await buildApp({
    config,
    db: database.db,
    queue,
    events,
    now,
    ...(options.pads ? { pads: options.pads } : {}),
    ...(options.languages ? { languages: options.languages } : {}),
  });
  return {
    app,
    db: database.db,
    databaseUrl: database.url,
    queue,
    versionId: versions.get('demo/sum-it') as string,
    /** `pack/problem` → problem version id, for every imported pack. */
    versions,
    /** Moves the server's clock forward. */
    advance: (ms: number) => {
      offsetMs += ms;
    },
    close: async () => {
      await app.close();
      await closeTransport();
      await judge.close();
      await database.close();
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof testApp>>;

export function cookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'assay_session');
  if (!cookie) throw new Error(`no session cookie in ${response.statusCode} ${response.body}`);
  return `assay_session=${cookie.value}`;
}

export async function adminCookie(app: FastifyInstance): Promise<string> {
  return cookieOf(await app.inject({ method: 'POST', url: '/api/auth/login', payload: ADMIN }));
}

/** An assessment of `tasks` copies of the test problem, and one invitation token per candidate name. */
export async function inviteCandidates(t: TestApp, names: string[], assessment: Record<string, unknown> = {}) {
  const admin = await adminCookie(t.app);
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/admin/assessments',
    headers: { cookie: admin },
    payload: {
      title: 'Sums',
      durationMinutes: 30,
      tasks: [
        { problemVersionId: t.versionId, points: 100 },
        { problemVersionId: t.versionId, points: 50 },
      ],
      ...assessment,
    },
  });
  const { id } = created.json() as { id: string };
  // One address per candidate: a list that names an address twice is refused ([A90]).
  const used = new Set<string>();
  const emailOf = (name: string) => {
    const base = name.toLowerCase().replace(/[^a-z]/g, '') || 'candidate';
    let local = base;
    for (let n = 2; used.has(local); n++) local = `${base}${n}`;
    used.add(local);
    return `${local}@example.com`;
  };
  const invited = await t.app.inject({
    method: 'POST',
    url: `/api/admin/assessments/${id}/invitations`,
    headers: { cookie: admin },
    payload: {
      candidates: names.map((name) => ({ name, email: emailOf(name) })),
    },
  });
  const { invitations } = invited.json() as { invitations: { link: string; attemptId: string }[] };
  return {
    assessmentId: id,
    admin,
    tokens: invitations.map((i) => i.link.split('/a/')[1] as string),
    attemptIds: invitations.map((i) => i.attemptId),
  };
}

export async function candidateCookie(app: FastifyInstance, token: string): Promise<string> {
  return cookieOf(await app.inject({ method: 'POST', url: `/api/invitations/${token}/session` }));
}

/** Asks for a JavaScript run of task `position` (its samples) as the candidate whose cookie this is. */
export function runCode(t: TestApp, cookie: string, code: string, position = 0) {
  return t.app.inject({
    method: 'POST',
    url: `/api/attempt/tasks/${position}/runs`,
    headers: { cookie },
    payload: { language: 'javascript', code },
  });
}
