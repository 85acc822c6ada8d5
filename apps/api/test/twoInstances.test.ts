import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { type ApiInstance, startApiInstance } from './apiInstance.ts';
import { ADMIN, inviteCandidates, type TestApp, testApp } from './testApp.ts';
import { spawnWorker } from './workerProcess.ts';

// [A52] Two API instances on loopback sharing PostgreSQL and Redis, with a `pnpm worker` judging:
// runs when DATABASE_URL and REDIS_URL are set, as in CI.
const redisUrl = process.env.REDIS_URL as string;
const enabled = Boolean(process.env.REDIS_URL && process.env.DATABASE_URL);

describe.runIf(enabled)('two API instances', () => {
  const prefix = `assay-test-${randomBytes(4).toString('hex')}`;
  const redis = new Redis(redisUrl);
  let t: TestApp;
  let worker: ChildProcess | undefined;
  const instances: ApiInstance[] = [];
  const a = () => instances[0] as ApiInstance;
  const b = () => instances[1] as ApiInstance;

  const startInstance = () => startApiInstance({ db: t.db, redisUrl, prefix });

  beforeAll(async () => {
    t = await testApp();
    instances.push(await startInstance(), await startInstance());
    const spawned = spawnWorker({ databaseUrl: t.databaseUrl, redisUrl, prefix });
    worker = spawned.child;
    await spawned.ready;
  }, 60_000);

  afterAll(async () => {
    worker?.kill('SIGKILL');
    for (const instance of instances) {
      await instance.close();
    }
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await t.close();
  });

  const call = (
    instance: ApiInstance,
    method: string,
    path: string,
    options: { cookie?: string; body?: unknown } = {},
  ) =>
    fetch(`${instance.base}${path}`, {
      method,
      headers: {
        ...(options.cookie ? { cookie: options.cookie } : {}),
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });

  /** A candidate whose session is opened through `instance`, and their started attempt. */
  async function candidate(name: string, instance: ApiInstance) {
    const { tokens, attemptIds } = await inviteCandidates(t, [name]);
    const opened = await call(instance, 'POST', `/api/invitations/${tokens[0]}/session`);
    const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0] as string;
    expect(cookie).toMatch(/^assay_session=/);
    expect((await call(instance, 'POST', '/api/attempt/start', { cookie })).status).toBe(200);
    return { cookie, attemptId: attemptIds[0] as string };
  }

  const liveChannels = () => redis.pubsub('CHANNELS', `${prefix}:live:*`) as Promise<string[]>;

  async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined): Promise<T> {
    const until = Date.now() + 30_000;
    while (Date.now() < until) {
      const value = await probe();
      if (value !== undefined) return value;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  it('[A52] a candidate alternating between the instances hits one submission limit (20 a minute)', async () => {
    const { cookie } = await candidate('Grace', a());
    const submit = (instance: ApiInstance) =>
      call(instance, 'POST', '/api/attempt/tasks/0/submissions', {
        cookie,
        body: { language: 'javascript', code: 'function solve() { return 0; }', idempotencyKey: 'across-0001' },
      });
    const codes: number[] = [];
    for (let i = 0; i < 20; i++) codes.push((await submit(i % 2 === 0 ? a() : b())).status);
    expect(codes.every((c) => c === 200 || c === 202)).toBe(true);
    const limited = await submit(a());
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('API_ERR_RATE_LIMITED');
  });

  it('[A52] failed sign-ins to one account count across the instances', async () => {
    const signIn = (instance: ApiInstance) =>
      call(instance, 'POST', '/api/auth/login', { body: { email: ADMIN.email, password: 'wrong guess' } });
    // [A31] 10 failures per account and address, alternating instances; the 11th try is refused unchecked.
    for (let i = 0; i < 10; i++) expect((await signIn(i % 2 === 0 ? a() : b())).status).toBe(401);
    const refused = await signIn(b());
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
      /^too many failed sign-ins for this account from your address/,
    );
  });

  it('[A50] [A52] a verdict for a submission made through A reaches a live socket on B; its Redis channel goes when the socket does', async () => {
    const { cookie, attemptId } = await candidate('Katherine', a());
    const other = await candidate('Dorothy', a());
    const messages: { type: string; submissionId?: string; status?: string; verdict?: string }[] = [];
    const theirs: unknown[] = [];
    const open = (who: string, into: unknown[]) =>
      new Promise<WebSocket>((resolve, reject) => {
        const socket = new WebSocket(`${b().base.replace('http', 'ws')}/api/attempt/live`, {
          headers: { cookie: who },
        });
        socket.on('message', (data: Buffer) => into.push(JSON.parse(data.toString())));
        socket.once('open', () => resolve(socket));
        socket.once('error', reject);
      });
    const mine = await open(cookie, messages);
    const dorothys = await open(other.cookie, theirs);
    await waitFor('both attempt channels on Redis', async () =>
      (await liveChannels()).length === 2 ? true : undefined,
    );
    expect(await liveChannels()).toContain(`${prefix}:live:attempt:${attemptId}`);
    const submitted = await call(a(), 'POST', '/api/attempt/tasks/0/submissions', {
      cookie,
      body: {
        language: 'javascript',
        code: 'function solve(n) { return n.reduce((a, b) => a + b, 0); }',
        idempotencyKey: 'live-across-0001',
      },
    });
    const { id } = (await submitted.json()) as { id: string };
    const done = await waitFor('the verdict on B', () =>
      messages.find((m) => m.type === 'submission' && m.submissionId === id && m.status === 'done'),
    );
    expect(done.verdict).toBe('accepted');
    // Another attempt's socket hears nothing of it.
    expect(theirs.filter((m) => (m as { type: string }).type === 'submission')).toEqual([]);
    mine.close();
    dorothys.close();
    await waitFor('no live channel left', async () => ((await liveChannels()).length === 0 ? true : undefined));
  }, 60_000);

  it('[A9] [A52] a session signed out on A is refused on B at once', async () => {
    const { cookie } = await candidate('Mary', a());
    // B reads the session, and would trust it for 5 s were its cache its own.
    expect((await call(b(), 'GET', '/api/attempt', { cookie })).status).toBe(200);
    expect((await call(a(), 'POST', '/api/auth/logout', { cookie })).status).toBe(200);
    expect((await call(b(), 'GET', '/api/attempt', { cookie })).status).toBe(401);
  });
});
