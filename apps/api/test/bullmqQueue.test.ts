import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Queue, UnrecoverableError, Worker } from 'bullmq';
import { eq } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { submissions } from '../src/db/schema.ts';
import { BullJudgeQueue, type JudgeJobData, QUEUE_NAME } from '../src/queue/BullJudgeQueue.ts';
import { type SubmissionEvent, topics } from '../src/queue/EventBus.ts';
import { createJudgeTransport, type JudgeTransport } from '../src/queue/judgeTransport.ts';
import { reconcileQueued } from '../src/queue/reconcile.ts';
import { redisConnection } from '../src/queue/redisConnection.ts';
import { tcpProxy } from './tcpProxy.ts';
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
  let transport: JudgeTransport;
  const workers: ChildProcess[] = [];
  const redis = new Redis(redisUrl);

  const startWorker = (via: { databaseUrl?: string; redisUrl?: string } = {}) => {
    const { child, ready } = spawnWorker({
      databaseUrl: via.databaseUrl ?? databaseUrl,
      redisUrl: via.redisUrl ?? redisUrl,
      prefix,
    });
    workers.push(child);
    return ready;
  };

  beforeAll(async () => {
    t = await testApp();
    databaseUrl = t.databaseUrl as string;
    transport = await createJudgeTransport({ redisUrl, prefix, db: t.db, concurrency: 1 });
    const { queue, events } = transport;
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
    await transport.close();
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

  async function startAs(name: string, assessment: Record<string, unknown> = {}) {
    const { tokens } = await inviteCandidates({ ...t, app } as TestApp, [name], assessment);
    const cookie = await candidateCookie(app, tokens[0] as string);
    await app.inject({ method: 'POST', url: '/api/attempt/start', headers: { cookie } });
    return cookie;
  }

  function judgeAs(cookie: string, code: string, kind: 'runs' | 'submissions' = 'submissions', position = 0) {
    return app.inject({
      method: 'POST',
      url: `/api/attempt/tasks/${position}/${kind}`,
      headers: { cookie },
      payload: { language: 'javascript', code, idempotencyKey: randomBytes(8).toString('hex') },
    });
  }

  async function submitAs(code: string) {
    return judgeAs(await startAs('Barbara'), code);
  }

  async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const value = await probe();
      if (value !== undefined) return value;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  const rowOf = async (id: string) => (await t.db.select().from(submissions).where(eq(submissions.id, id)))[0];
  const stopWorkers = () => {
    for (const w of workers.splice(0)) w.kill('SIGKILL');
  };

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

  const SLOW =
    'function solve(nums) { const end = Date.now() + 700; while (Date.now() < end) {} return nums.reduce((a, b) => a + b, 0); }';

  it('[A23] a job whose worker is killed mid-judge twice still ends in a verdict', async () => {
    stopWorkers();
    const id = (await submitAs(SLOW)).json().id as string;
    for (const tries of [1, 2]) {
      const worker = await startWorker();
      await waitFor(`claim ${tries}`, async () => ((await rowOf(id))?.tries === tries ? true : undefined), 60_000);
      worker.kill('SIGKILL');
    }
    await startWorker();
    const judged = await verdictOf(id, 90_000);
    expect(judged.verdict).toBe('accepted');
  }, 180_000);

  it("[A24] one attempt's flood does not hold up another attempt's run", async () => {
    stopWorkers();
    const tasks = [0, 1, 2, 3].map(() => ({ problemVersionId: t.versionId, points: 10 }));
    const flood = await startAs('Flood', { tasks });
    const trivial = await startAs('Trivial');
    const floodIds: string[] = [];
    for (const position of [0, 1, 2, 3]) {
      for (const kind of ['runs', 'submissions'] as const) {
        floodIds.push((await judgeAs(flood, `${SLOW} // ${kind} ${position}`, kind, position)).json().id);
      }
    }
    const trivialId = (
      await judgeAs(trivial, 'function solve(nums) { return nums.reduce((a, b) => a + b, 0); }', 'runs')
    ).json().id as string;
    await startWorker();
    const judgedTrivial = await verdictOf(trivialId, 60_000);
    const floodJudged = await Promise.all(floodIds.map((id) => verdictOf(id, 120_000)));
    const lastFlood = Math.max(...floodJudged.map((row) => row.judgedAt?.getTime() ?? 0));
    // The worker judges one job at a time: the trivial run goes before the flood has drained.
    expect(judgedTrivial.judgedAt?.getTime()).toBeLessThan(lastFlood);
  }, 180_000);

  it('[A22] a PostgreSQL outage while judging delays the job without spending its tries', async () => {
    stopWorkers();
    const proxy = await tcpProxy(databaseUrl);
    const jobs = new Queue<JudgeJobData>(QUEUE_NAME, { connection: redisConnection(redisUrl, true), prefix });
    try {
      await startWorker({ databaseUrl: proxy.url });
      proxy.cut();
      const id = (await submitAs('function solve(nums) { return nums.reduce((a, b) => a + b, 0); }')).json()
        .id as string;
      // Started several times while the database is away, and not one try spent.
      const job = await waitFor('the job to wait out the outage', async () => {
        const found = await jobs.getJob(id);
        return found && found.attemptsStarted >= 3 ? found : undefined;
      });
      expect(job.attemptsMade).toBe(0);
      expect(await job.getState()).not.toBe('failed');
      proxy.restore();
      expect((await verdictOf(id)).verdict).toBe('accepted');
    } finally {
      stopWorkers();
      await jobs.close();
      await proxy.close();
    }
  }, 90_000);

  it("[A25] with Redis away when the verdict is stored, the candidate's live channel still gets it", async () => {
    stopWorkers();
    const proxy = await tcpProxy(redisUrl);
    const heard: SubmissionEvent[] = [];
    let unsubscribe = () => {};
    try {
      await startWorker({ redisUrl: proxy.url });
      const id = (await submitAs(SLOW)).json().id as string;
      const claimed = await waitFor('the judge to claim it', async () => {
        const row = await rowOf(id);
        return row?.status === 'running' ? row : undefined;
      });
      // [A50] The candidate's live channel listens to the attempt's topic.
      unsubscribe = app.events.subscribe(topics.attempt(claimed.attemptId), (event) => {
        if (event.type === 'submission') heard.push(event);
      });
      proxy.cut();
      await verdictOf(id);
      await new Promise((r) => setTimeout(r, 1000));
      proxy.restore();
      const done = await waitFor('the verdict on the live channel', async () =>
        heard.find((e) => e.submissionId === id && e.status === 'done'),
      );
      expect(done.verdict).toBe('accepted');
    } finally {
      unsubscribe();
      stopWorkers();
      await proxy.close();
    }
  }, 90_000);

  it('[A21] the reconciler re-enqueues a stuck submission whose job already failed for good', async () => {
    stopWorkers();
    const id = (await submitAs('function solve(nums) { return nums.reduce((a, b) => a + b, 0); }')).json().id as string;
    // A job that failed for good without touching the submission (as after a database outage before [A22]).
    const failing = new Worker(
      QUEUE_NAME,
      async () => {
        throw new UnrecoverableError('failed for the test');
      },
      { connection: redisConnection(redisUrl, true), prefix },
    );
    const jobs = new Queue<JudgeJobData>(QUEUE_NAME, { connection: redisConnection(redisUrl, true), prefix });
    try {
      await waitFor('the job to fail', async () =>
        (await (await jobs.getJob(id))?.getState()) === 'failed' ? true : undefined,
      );
      await failing.close();
      expect((await rowOf(id))?.status).toBe('queued');
      const queue = new BullJudgeQueue(redisConnection(redisUrl, false), prefix);
      expect(await reconcileQueued(t.db, queue, new Date(), 0)).toBeGreaterThanOrEqual(1);
      await queue.close();
      await startWorker();
      expect((await verdictOf(id)).verdict).toBe('accepted');
    } finally {
      await failing.close();
      await jobs.close();
    }
  }, 60_000);
});
