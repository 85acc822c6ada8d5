import { CLOSE_CODES } from '@assay/contracts';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { attempts, auditLog, codeHistory, proctorEvents, sessions } from '../src/db/schema.ts';
import { LocalEventBus } from '../src/queue/EventBus.ts';
import { LIVE_MAX_SOCKETS } from '../src/routes/live.ts';
import { hashToken, newToken } from '../src/services/secrets.ts';
import { purgeExpiredSessions } from '../src/services/sessions.ts';
import { ADMIN, candidateCookie, inviteCandidates, type TestApp, testApp } from './testApp.ts';

let t: TestApp;
const extraApps: FastifyInstance[] = [];
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  for (const app of extraApps) await app.close();
  await t.close();
});

/** Another app on the test's database, with its own environment (PUBLIC_URL, LOG_LEVEL…). */
async function appWith(env: Record<string, string>, logStream?: { write(line: string): void }) {
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test', ...env }), webDist: undefined };
  const app = await buildApp({
    config,
    db: t.db,
    queue: t.queue,
    events: new LocalEventBus(),
    now: () => new Date(),
    ...(logStream ? { logStream } : {}),
  });
  extraApps.push(app);
  return app;
}

async function startedCandidate(name: string) {
  const invited = await inviteCandidates(t, [name]);
  const cookie = await candidateCookie(t.app, invited.tokens[0] as string);
  await t.app.inject({ method: 'POST', url: '/api/attempt/start', headers: { cookie } });
  return { ...invited, cookie, attemptId: invited.attemptIds[0] as string };
}

const statusOf = async (attemptId: string) =>
  (await t.db.select({ status: attempts.status }).from(attempts).where(eq(attempts.id, attemptId)))[0]?.status;

describe('the live channel', () => {
  /** Opens a live socket; resolves with the socket and a promise of its close code and reason. */
  async function openSocket(headers: Record<string, string>) {
    let onClose: (value: { code: number; reason: string }) => void = () => {};
    const closed = new Promise<{ code: number; reason: string }>((resolve) => {
      onClose = resolve;
    });
    const socket: WebSocket = await t.app.injectWS(
      '/api/attempt/live',
      { headers },
      {
        onInit: (ws) => ws.on('close', (code: number, reason: Buffer) => onClose({ code, reason: reason.toString() })),
      },
    );
    return { socket, closed };
  }

  it('[A30] a frame over 1 KiB closes the socket with 1009', async () => {
    const { cookie } = await startedCandidate('Whitfield');
    const { socket, closed } = await openSocket({ cookie });
    socket.send('x'.repeat(2048));
    expect((await closed).code).toBe(CLOSE_CODES.MESSAGE_TOO_BIG);
  });

  it('[A30] an attempt holds at most 5 live sockets; the next one is closed with 4429 and a reason', async () => {
    const { cookie } = await startedCandidate('Bob');
    const open = [];
    for (let i = 0; i < LIVE_MAX_SOCKETS; i++) open.push(await openSocket({ cookie }));
    const extra = await openSocket({ cookie });
    expect(await extra.closed).toEqual({
      code: CLOSE_CODES.TOO_MANY_SOCKETS,
      reason: 'at most 5 live connections per attempt: close another tab',
    });
    // The ones already open keep working, and a closed one frees its place.
    const first = open[0] as (typeof open)[number];
    first.socket.close();
    await first.closed;
    const again = await openSocket({ cookie });
    expect(again.socket.readyState).toBe(1);
    for (const s of [...open.slice(1), again]) s.socket.close();
  });

  it('[A30] a socket from another origin is refused before the upgrade', async () => {
    const { cookie } = await startedCandidate('Mallory');
    await expect(openSocket({ cookie, origin: 'https://evil.example' })).rejects.toThrow(
      'Unexpected server response: 403',
    );
    const own = await openSocket({ cookie, origin: 'http://assay.test' });
    expect(own.socket.readyState).toBe(1);
    own.socket.close();
  });
});

describe('cross-site requests', () => {
  it('[A32] a cross-site text/plain POST /api/attempt/finish is refused and the attempt goes on', async () => {
    const { cookie, attemptId } = await startedCandidate('Eve');
    // What an attacker's page sends: a "simple" request, which browsers make without a preflight.
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/attempt/finish',
      headers: { cookie, origin: 'https://evil.example', 'content-type': 'text/plain', 'sec-fetch-site': 'cross-site' },
      payload: 'x',
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error).toEqual({
      code: 'API_ERR_CROSS_SITE_REQUEST',
      message:
        'this request came from another site (Sec-Fetch-Site: cross-site); Assay accepts changes only from its own pages at http://assay.test. Open Assay at that address and try again',
    });
    // An older browser that sends only Origin is refused by it.
    const oldBrowser = await t.app.inject({
      method: 'POST',
      url: '/api/attempt/finish',
      headers: { cookie, origin: 'https://evil.example' },
    });
    expect(oldBrowser.statusCode).toBe(403);
    expect(oldBrowser.json().error.message).toContain('(Origin: https://evil.example)');
    expect(await statusOf(attemptId)).toBe('in_progress');
  });

  it('[A33] a body that is not JSON is a 415, whatever its origin', async () => {
    const { cookie, attemptId } = await startedCandidate('Trudy');
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/attempt/finish',
        headers: { cookie, 'content-type': type },
        payload: 'a=1',
      });
      expect(response.statusCode, type).toBe(415);
      expect(response.json().error).toEqual({
        code: 'API_ERR_UNSUPPORTED_MEDIA_TYPE',
        message: `the request body is sent as ${type}; send JSON with the header Content-Type: application/json`,
      });
    }
    expect(await statusOf(attemptId)).toBe('in_progress');
  });

  it('[A32] the own pages, same-origin fetches and non-browser clients are served', async () => {
    const { cookie, attemptId } = await startedCandidate('Alice');
    const save = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/attempt/tasks/0/code',
        headers: { cookie, ...headers },
        payload: { language: 'javascript', code: 'let a = 1;' },
      });
    expect((await save({ origin: 'http://assay.test' })).statusCode).toBe(200);
    // Reached on another name than PUBLIC_URL (127.0.0.1 in the browser tests): the page's own host.
    expect((await save({ origin: 'http://127.0.0.1:4321', host: '127.0.0.1:4321' })).statusCode).toBe(200);
    expect((await save({ origin: 'http://127.0.0.1:4321', 'sec-fetch-site': 'same-origin' })).statusCode).toBe(200);
    expect((await save({})).statusCode).toBe(200);
    expect((await save({ 'sec-fetch-site': 'same-site', origin: 'http://sub.assay.test' })).statusCode).toBe(403);
    expect((await save({ origin: 'null' })).statusCode).toBe(403);
    const finished = await t.app.inject({
      method: 'POST',
      url: '/api/attempt/finish',
      headers: { cookie, origin: 'http://assay.test' },
    });
    expect(finished.statusCode).toBe(200);
    expect(await statusOf(attemptId)).toBe('finished');
  });
});

describe('NUL characters', () => {
  it('[A38] a NUL in saved code or a proctoring detail is a 400 that says where, and nothing is stored', async () => {
    const { cookie, attemptId } = await startedCandidate('Nul');
    const save = await t.app.inject({
      method: 'PUT',
      url: '/api/attempt/tasks/0/code',
      headers: { cookie, 'content-type': 'application/json' },
      payload: JSON.stringify({ language: 'javascript', code: 'let a = "\u0000";' }),
    });
    expect(save.statusCode).toBe(400);
    expect(save.json().error).toEqual({
      code: 'API_ERR_NUL_CHARACTER',
      message:
        'the request body holds a NUL character (\\u0000) at code, which cannot be stored: remove it and send again',
    });
    const events = await t.app.inject({
      method: 'POST',
      url: '/api/attempt/events',
      headers: { cookie },
      payload: { events: [{ type: 'paste', at: new Date().toISOString(), detail: { text: 'a\u0000b' } }] },
    });
    expect(events.statusCode).toBe(400);
    expect(events.json().error.message).toContain('at events.0.detail.text,');
    const key = await t.app.inject({
      method: 'POST',
      url: '/api/attempt/events',
      headers: { cookie },
      payload: { events: [{ type: 'paste', at: new Date().toISOString(), detail: { 'a\u0000': 1 } }] },
    });
    expect(key.statusCode).toBe(400);
    expect(await t.db.select().from(codeHistory).where(eq(codeHistory.attemptId, attemptId))).toEqual([]);
    expect(await t.db.select().from(proctorEvents).where(eq(proctorEvents.attemptId, attemptId))).toEqual([]);
    // An escaped backslash followed by "u0000" is six ordinary characters.
    const text = await t.app.inject({
      method: 'PUT',
      url: '/api/attempt/tasks/0/code',
      headers: { cookie },
      payload: { language: 'javascript', code: 'const s = "\\u0000";' },
    });
    expect(text.statusCode).toBe(200);
  });
});

describe('security headers', () => {
  it('[A34] pages carry a CSP the app and Monaco work under, no framing, nosniff and no referrer', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/' });
    expect(page.headers['content-security-policy']).toBe(
      "default-src 'self';script-src 'self';style-src 'self' 'unsafe-inline';worker-src 'self' blob:;img-src 'self' data:;font-src 'self' data:;connect-src 'self' ws://assay.test;object-src 'none';base-uri 'self';form-action 'self';frame-ancestors 'none'",
    );
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    // Over plain http, HSTS would be ignored at best; cookies must not be Secure or they would be dropped.
    expect(page.headers['strict-transport-security']).toBeUndefined();
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: ADMIN });
    expect(login.cookies.find((c) => c.name === 'assay_session')?.secure).toBeFalsy();
    // The API docs load only their own scripts, so they work under the same policy.
    const docs = await t.app.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-security-policy']).toBe(page.headers['content-security-policy']);
    expect(docs.body).toMatch(/<script src=/);
    expect(docs.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('[A34] with an https PUBLIC_URL: HSTS, a wss connect-src and Secure cookies, whatever NODE_ENV says', async () => {
    const app = await appWith({ PUBLIC_URL: 'https://assay.example' });
    const page = await app.inject({ method: 'GET', url: '/' });
    expect(page.headers['strict-transport-security']).toBe('max-age=15552000');
    expect(page.headers['content-security-policy']).toContain("connect-src 'self' wss://assay.example;");
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: ADMIN });
    expect(login.statusCode).toBe(200);
    expect(login.cookies.find((c) => c.name === 'assay_session')?.secure).toBe(true);
  });
});

describe('invitations and sessions', () => {
  it('[A36] an invitation keeps its 5 newest sessions, and opening them is rate-limited', async () => {
    const { tokens, attemptIds } = await inviteCandidates(t, ['Sessionful']);
    const token = tokens[0] as string;
    const cookies: string[] = [];
    for (let i = 0; i < 7; i++) cookies.push(await candidateCookie(t.app, token));
    const read = async (cookie: string) =>
      (await t.app.inject({ method: 'GET', url: '/api/attempt', headers: { cookie } })).statusCode;
    expect(await Promise.all(cookies.map(read))).toEqual([401, 401, 200, 200, 200, 200, 200]);
    const stored = await t.db
      .select()
      .from(sessions)
      .where(eq(sessions.attemptId, attemptIds[0] as string));
    expect(stored).toHaveLength(5);
    const codes: number[] = [];
    for (let i = 0; i < 4; i++)
      codes.push((await t.app.inject({ method: 'POST', url: `/api/invitations/${token}/session` })).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
  });

  it('[A36] purgeExpiredSessions deletes expired sessions and keeps live ones', async () => {
    const now = new Date();
    const expired = hashToken(newToken());
    const live = hashToken(newToken());
    const [admin] = await t.db.select({ userId: sessions.userId }).from(sessions).limit(1);
    await t.db.insert(sessions).values([
      { tokenHash: expired, userId: admin?.userId ?? null, expiresAt: new Date(now.getTime() - 1000) },
      { tokenHash: live, userId: admin?.userId ?? null, expiresAt: new Date(now.getTime() + 60_000) },
    ]);
    expect(await purgeExpiredSessions(t.db, now)).toBeGreaterThanOrEqual(1);
    const left = (await t.db.select({ tokenHash: sessions.tokenHash }).from(sessions)).map((s) => s.tokenHash);
    expect(left).toContain(live);
    expect(left).not.toContain(expired);
  });
});

describe('admin routes', () => {
  it('[A37] an anonymous request is a 401 before its body or parameters are validated', async () => {
    for (const request of [
      { method: 'POST' as const, url: '/api/admin/assessments', payload: { nonsense: true } },
      { method: 'GET' as const, url: '/api/admin/attempts/not-a-uuid' },
      { method: 'PUT' as const, url: '/api/attempt/tasks/x/code', payload: { language: 'cobol' } },
    ]) {
      const response = await t.app.inject(request);
      expect(response.statusCode, request.url).toBe(401);
      expect(response.json().error.code).toBe('API_ERR_NOT_AUTHENTICATED');
    }
  });

  it('[A39] the CSV export defuses formulas behind a leading TAB or CR too', async () => {
    const { admin, assessmentId } = await inviteCandidates(t, ['\t=HYPERLINK("http://x")', '\r=1+1 Carl', 'Plain']);
    const csv = await t.app.inject({
      method: 'GET',
      url: `/api/admin/assessments/${assessmentId}/results.csv`,
      headers: { cookie: admin },
    });
    const lines = csv.body.split('\r\n');
    expect(lines[1]).toMatch(/^"'\t=HYPERLINK\(""http:\/\/x""\)",/);
    expect(csv.body).toContain(`"'\r=1+1 Carl",`);
    expect(csv.body).toContain('"Plain",');
  });

  it('[A39] the audit log records sign-ins (failed too), exports and attempt views', async () => {
    const { admin, assessmentId, attemptIds } = await inviteCandidates(t, ['Audited']);
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: ADMIN.email, password: 'not the password' },
    });
    await t.app.inject({
      method: 'GET',
      url: `/api/admin/assessments/${assessmentId}/results.csv`,
      headers: { cookie: admin },
    });
    await t.app.inject({ method: 'GET', url: `/api/admin/attempts/${attemptIds[0]}`, headers: { cookie: admin } });
    const rows = await t.db.select().from(auditLog);
    const actions = (action: string, target: string) => rows.filter((r) => r.action === action && r.target === target);
    expect(actions('auth.sign_in', ADMIN.email).length).toBeGreaterThan(0);
    expect(actions('auth.sign_in_failed', ADMIN.email)).toHaveLength(1);
    expect(actions('auth.sign_in_failed', ADMIN.email)[0]?.userId).toBeTruthy();
    expect(actions('results.export', assessmentId)).toHaveLength(1);
    expect(actions('attempt.view', attemptIds[0] as string)).toHaveLength(1);
    expect(actions('attempt.view', attemptIds[0] as string)[0]?.userId).toBeTruthy();
  });
});

describe('logs', () => {
  it('[A39] invitation tokens never reach the log', async () => {
    const lines: string[] = [];
    const app = await appWith(
      { LOG_LEVEL: 'info', PUBLIC_URL: 'http://assay.test' },
      { write: (line) => lines.push(line) },
    );
    const { tokens } = await inviteCandidates(t, ['Logged']);
    const token = tokens[0] as string;
    await app.inject({ method: 'GET', url: `/a/${token}` });
    await app.inject({ method: 'GET', url: `/api/invitations/${token}` });
    await app.inject({ method: 'POST', url: `/api/invitations/${token}/session` });
    const log = lines.join('');
    expect(log).toContain('"url":"/a/[token]"');
    expect(log).toContain('"url":"/api/invitations/[token]/session"');
    expect(log).not.toContain(token);
  });
});

// Last: it moves the server's clock two weeks on.
describe('expired invitations', () => {
  it('[A35] a session opened before the invitation expired cannot start the attempt after it', async () => {
    const { tokens, attemptIds } = await inviteCandidates(t, ['Late']);
    const cookie = await candidateCookie(t.app, tokens[0] as string);
    t.advance(15 * 24 * 3600 * 1000);
    const start = await t.app.inject({ method: 'POST', url: '/api/attempt/start', headers: { cookie } });
    expect(start.statusCode).toBe(410);
    expect(start.json().error.code).toBe('API_ERR_INVITATION_EXPIRED');
    expect(await statusOf(attemptIds[0] as string)).toBe('not_started');
  });
});
