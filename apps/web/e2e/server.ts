import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { ensureWebBuild } from '../../../scripts/ensureWebBuild.ts';
import { DEMO_PROBLEMS } from '../../api/src/services/bootstrap.ts';
import { ADMIN, type TestApp, type TestAppOptions, testApp } from '../../api/test/testApp.ts';

/** What `vite build` writes, and what `pnpm start` serves. */
const WEB_DIST = fileURLToPath(new URL('../dist', import.meta.url));

export interface InvitationOptions {
  /** The assessment's time limit. */
  durationMinutes: number;
  /** Its tasks as built-in problems (`classics/number-of-islands`) or problem version ids; the demo's three by default. */
  taskIds?: string[];
  /** Shown on the invitation page; `E2E Candidate` by default. */
  candidateName?: string;
  /** The assessment's proctoring; the API's default (fullscreen, events recorded) when unset. */
  proctoring?: { fullscreen: boolean; recordEvents: boolean };
}

export interface AssayServer {
  /** `http://127.0.0.1:<port>`: the web app, the API and its WebSocket. */
  baseUrl: string;
  /** The admin's sign-in. */
  admin: { email: string; password: string };
  /** A signed-in admin's `cookie` header value. */
  adminCookie: string;
  /** A fresh assessment with one invitation; resolves to the candidate's link on this server. */
  createInvitation(options: InvitationOptions): Promise<string>;
  /** Moves the server's clock forward (the API's deadlines and timers follow it). */
  advance(ms: number): void;
  /** The server's database, for tests that seed more than the API makes quick (10,000 attempts). */
  db: TestApp['db'];
  close(): Promise<void>;
}

/**
 * A real Assay for browser tests and benches, in this process: the API as the API tests build it (a
 * fresh database: PostgreSQL when DATABASE_URL is set, else in-memory PGlite; the in-process judge),
 * the built-in problem packs, an admin, and the built web app, listening on a free port of 127.0.0.1.
 * Builds apps/web first when its dist is missing or stale; test files that run in parallel should call
 * `ensureWebBuild()` once in a global setup so they do not build at the same time. `sandbox` points the
 * judge and the API at other Python or bubblewrap programs (a missing one makes Python unavailable).
 */
export async function startAssayServer(options: { sandbox?: TestAppOptions['sandbox'] } = {}): Promise<AssayServer> {
  await ensureWebBuild();
  const t = await testApp({
    builtinPacks: true,
    webDist: WEB_DIST,
    ...(options.sandbox ? { sandbox: options.sandbox } : {}),
  });
  try {
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = t.app.server.address() as AddressInfo;
    const baseUrl = `http://127.0.0.1:${port}`;

    const login = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const session = login.headers.getSetCookie().find((c) => c.startsWith('assay_session='));
    if (!session) throw new Error(`the test admin could not sign in: ${login.status} ${await login.text()}`);
    const adminCookie = session.split(';')[0] as string;

    const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { cookie: adminCookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    };

    const { problems } = await call<{ problems: { id: string; ref: string }[] }>('GET', '/api/admin/problems');
    let invited = 0;

    return {
      baseUrl,
      admin: { ...ADMIN },
      adminCookie,
      advance: t.advance,
      db: t.db,
      close: t.close,
      async createInvitation({ durationMinutes, taskIds = DEMO_PROBLEMS, candidateName, proctoring }) {
        const tasks = taskIds.map((task) => {
          const problem = problems.find((p) => p.ref === task || p.id === task);
          if (!problem) throw new Error(`no problem ${task}; known: ${problems.map((p) => p.ref).join(', ')}`);
          return { problemVersionId: problem.id, points: 100 };
        });
        const { id } = await call<{ id: string }>('POST', '/api/admin/assessments', {
          title: `E2E assessment ${++invited}`,
          durationMinutes,
          tasks,
          ...(proctoring ? { proctoring } : {}),
        });
        const { invitations } = await call<{ invitations: { link: string }[] }>(
          'POST',
          `/api/admin/assessments/${id}/invitations`,
          { candidates: [{ name: candidateName ?? 'E2E Candidate', email: `candidate${invited}@example.com` }] },
        );
        const link = invitations[0]?.link;
        if (!link) throw new Error('the invitation was not created');
        // Links are built from PUBLIC_URL, which cannot know the port chosen at listen.
        return new URL(new URL(link).pathname, baseUrl).href;
      },
    };
  } catch (error) {
    await t.close();
    throw error;
  }
}
