import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { submissions } from '../src/db/schema.ts';
import { BullJudgeQueue } from '../src/queue/BullJudgeQueue.ts';
import { RedisEventBus } from '../src/queue/EventBus.ts';
import { reconcileQueued } from '../src/queue/reconcile.ts';
import { redisConnection } from '../src/runtime.ts';
import { candidateCookie, inviteCandidates, type TestApp, testApp } from './testApp.ts';
import { spawnWorker } from './workerProcess.ts';

// The real engines ([A6], [A7], [A15]): runs when REDIS_URL and DATABASE_URL are set, as in CI.
const enabled = Boolean(process.env.REDIS_URL && process.env.DATABASE_URL);

describe.runIf(enabled)('the BullMQ path', () => {
  const prefix = `assay-test-${randomBytes(4).toString('hex')}`;
  const redisUrl = process.env.REDIS_URL as string;
  let t: TestApp;
  let app: TestApp['app'];
  let databaseUrl: string;
  const workers: ChildProcess[] = [];
  const redis = new Redis(redisUrl);

  const startWorker = () => {
    const { child, ready } = spawnWorker({ databaseUrl, redisUrl, prefix });
    workers.push(child);
    return ready;
  };

  beforeAll(async () => {
    t = await testApp();
    databaseUrl = t.databaseUrl as string;
    const queue = new BullJudgeQueue(redisConnection(redisUrl, false), prefix);
    const events = new RedisEventBus(redisConnection(redisUrl, false), redisConnection(redisUrl, true), prefix);
    app = await buildApp({
      config: loadConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: 'http://assay.test' }),
      db: t.db,
      queue,
      events,
      now: () => new Date(),
    });
  });

  afterAll(async () => {
    for (const w of workers) w.kill('SIGKILL');
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await app.close();
    await t.close();
  });

  async function verdictOf(id: string, timeoutMs = 30_000) {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const [row] = await t.db.select().from(submissions).where(eq(submissions.id, id));
      if (row?.status === 'done') return row;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`submission ${id} was not judged in ${timeoutMs} ms`);
  }

  async function submitAs(code: string) {
    const { tokens } = await inviteCandidates({ ...t, app } as TestApp, ['Barbara']);
    const cookie = await candidateCookie(app, tokens[0] as string);
    await app.inject({ method: 'POST', url: '/api/attempt/start', headers: { cookie } });
    const response = await app.inject({
      method: 'POST',
      url: '/api/attempt/tasks/0/submissions',
      headers: { cookie },
      payload: { language: 'javascript', code, idempotencyKey: randomBytes(8).toString('hex') },
    });
    return response;
  }

  it('[A6] a separate worker process judges what the API enqueues', async () => {
    await startWorker();
    const response = await submitAs('function solve(nums) { return nums.reduce((a, b) => a + b, 0); }');
    expect(response.statusCode).toBe(202);
    expect((await verdictOf(response.json().id)).verdict).toBe('accepted');
  });

  it('[A7] a worker killed with SIGKILL mid-job: the job is re-run and the verdict stored once', async () => {
    for (const w of workers.splice(0)) w.kill('SIGKILL');
    const worker = await startWorker();
    const slow =
      'function solve(nums) { const end = Date.now() + 700; while (Date.now() < end) {} return nums.reduce((a, b) => a + b, 0); }';
    const response = await submitAs(slow);
    const id = response.json().id as string;
    const until = Date.now() + 10_000;
    while (Date.now() < until) {
      const [row] = await t.db.select().from(submissions).where(eq(submissions.id, id));
      if (row?.status === 'running') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    worker.kill('SIGKILL');
    await startWorker();
    // BullMQ notices the stalled job once the dead worker's 10 s lock lapses, and runs it again.
    const judged = await verdictOf(id, 60_000);
    expect(judged.verdict).toBe('accepted');
    const rows = await t.db.select().from(submissions).where(eq(submissions.id, id));
    expect(rows).toHaveLength(1);
  }, 90_000);

  it('[A15] Redis flushed with jobs pending: the reconciler re-enqueues and nothing is lost', async () => {
    for (const w of workers.splice(0)) w.kill('SIGKILL');
    const response = await submitAs('function solve(nums) { return nums.reduce((a, b) => a + b, 0); }');
    const id = response.json().id as string;
    const keys = await redis.keys(`${prefix}:*`);
    await redis.del(...keys);
    await startWorker();
    await new Promise((r) => setTimeout(r, 500));
    const [waiting] = await t.db.select().from(submissions).where(eq(submissions.id, id));
    expect(waiting?.status).toBe('queued');
    const queue = new BullJudgeQueue(redisConnection(redisUrl, false), prefix);
    expect(await reconcileQueued(t.db, queue, new Date(), 0)).toBeGreaterThanOrEqual(1);
    await queue.close();
    expect((await verdictOf(id)).verdict).toBe('accepted');
  });
});
