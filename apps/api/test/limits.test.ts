import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/openDatabase.ts';
import { LocalEventBus } from '../src/queue/EventBus.ts';
import { candidateCookie, inviteCandidates, runCode, type TestApp, testApp } from './testApp.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

async function startedCandidate(name: string) {
  const { tokens } = await inviteCandidates(t, [name]);
  const cookie = await candidateCookie(t.app, tokens[0] as string);
  await t.app.inject({ method: 'POST', url: '/api/attempt/start', headers: { cookie } });
  return cookie;
}

describe('limits', () => {
  it('[A15] one run per task is judged at a time; a second one waits its turn with a 409', async () => {
    const cookie = await startedCandidate('Niklaus');
    const slow = 'function solve(n) { const end = Date.now() + 400; while (Date.now() < end) {} return 0; }';
    const run = (code: string) => runCode(t, cookie, code);
    expect((await run(slow)).statusCode).toBe(202);
    const second = await run('function solve() { return 1; }');
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toBe(
      'a run for this task is still being judged: wait for its result, then try again',
    );
    const otherTask = await t.app.inject({
      method: 'POST',
      url: '/api/attempt/tasks/1/runs',
      headers: { cookie },
      payload: { language: 'javascript', code: 'function solve() { return 1; }' },
    });
    expect(otherTask.statusCode).toBe(202);
    await t.queue.idle();
    expect((await run('function solve() { return 1; }')).statusCode).toBe(202);
    await t.queue.idle();
  });

  it('[A17] past the submission limit the answer is 429 with how long to wait', async () => {
    const cookie = await startedCandidate('Barbara');
    const submit = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/attempt/tasks/0/submissions',
        headers: { cookie },
        payload: { language: 'javascript', code: 'function solve() { return 0; }', idempotencyKey: 'same-key-0001' },
      });
    const codes: number[] = [];
    for (let i = 0; i < 21; i++) codes.push((await submit()).statusCode);
    expect(codes.slice(0, 20).every((c) => c === 200 || c === 202)).toBe(true);
    const limited = await submit();
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('API_ERR_RATE_LIMITED');
    expect(limited.json().error.message).toMatch(
      /^too many requests: at most 20 per minute\. Wait \d+ s and try again$/,
    );
    // Another candidate is not slowed down by this one.
    const other = await startedCandidate('Frances');
    const theirs = await t.app.inject({
      method: 'PUT',
      url: '/api/attempt/tasks/0/code',
      headers: { cookie: other },
      payload: { language: 'javascript', code: 'x' },
    });
    expect(theirs.statusCode).toBe(200);
    await t.queue.idle();
  });
});

/** A TCP proxy in front of PostgreSQL that the test can cut and restore, like a brief outage. */
async function outageProxy(target: URL) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    cut: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
    },
    restore: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
  };
}

describe.runIf(Boolean(process.env.DATABASE_URL))('PostgreSQL outages', () => {
  it('[A15] while the database is unreachable the API answers 503, and recovers without a restart', async () => {
    const target = new URL(t.databaseUrl as string);
    const proxy = await outageProxy(target);
    const viaProxy = new URL(target);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    const database = await openDatabase({ url: viaProxy.toString(), dataDir: 'memory://' });
    const app = await buildApp({
      config: loadConfig({ LOG_LEVEL: 'silent' }),
      db: database.db,
      queue: t.queue,
      events: new LocalEventBus(),
      now: () => new Date(),
    });
    try {
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
      await proxy.cut();
      const down = await app.inject({ method: 'GET', url: '/api/health' });
      expect(down.statusCode).toBe(503);
      expect(down.json().error).toEqual({
        code: 'API_ERR_DATABASE_UNAVAILABLE',
        message: 'the database is unreachable right now; nothing was changed. Try again in a moment',
      });
      await proxy.restore();
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await proxy.cut().catch(() => undefined);
      await database.close().catch(() => undefined);
    }
  });
});
