import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { PadRun } from '@assay/contracts';
import { programStarter } from '@assay/judge';
import { and, eq } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { padEvents, padRuns } from '../src/db/schema.ts';
import { type PadBusEvent, topics } from '../src/queue/EventBus.ts';
import { createJudgeTransport, type JudgeTransport } from '../src/queue/judgeTransport.ts';
import { reconcileQueued } from '../src/queue/reconcile.ts';
import { createPad, joinPad } from './padFixture.ts';
import { adminCookie, type TestApp, testApp } from './testApp.ts';
import { spawnWorker } from './workerProcess.ts';

let t: TestApp;
let admin = '';

beforeAll(async () => {
  t = await testApp();
  admin = await adminCookie(t.app);
});
afterAll(() => t?.close());

const SUM_JS =
  'function solve(nums) { let s = 0; for (const n of nums) s += n; console.log("summed", nums.length); return s; }';

/** Runs `code` in the pad as the holder of `cookie`, waits for the judge, and answers every `run` event heard. */
async function runAndWait(padId: string, cookie: string, payload: Record<string, unknown>) {
  const heard: PadRun[] = [];
  const off = t.app.events.subscribe(topics.pad(padId), (e: PadBusEvent) => {
    if (e.event.type === 'run') heard.push(e.event.run);
  });
  try {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/pads/${padId}/runs`,
      headers: { cookie },
      payload: { language: 'javascript', ...payload },
    });
    expect(response.statusCode, response.body).toBe(202);
    const queued = response.json() as PadRun;
    expect(queued.status).toBe('queued');
    await t.queue.idle();
    return { queued, heard, final: heard.at(-1) as PadRun };
  } finally {
    off();
  }
}

describe('runs in a problem pad', () => {
  it('[A107] a candidate’s run judges the samples; queued, running and done reach every participant', async () => {
    const pad = await createPad(t, admin, { problemVersionId: t.versionId });
    const { cookie, participant } = await joinPad(t, pad.candidateLink, 'Runa');
    const { queued, heard, final } = await runAndWait(pad.id, cookie, { code: SUM_JS });
    expect(heard.map((r) => r.status)).toEqual(['queued', 'running', 'done']);
    expect(heard.every((r) => r.id === queued.id && r.by === 'Runa' && r.participantId === participant.id)).toBe(true);
    expect(final.verdict).toBe('accepted');
    expect(final.tests.length).toBeGreaterThan(0);
    for (const test of final.tests) {
      expect(test).toMatchObject({ kind: 'sample', verdict: 'accepted' });
      expect(test.input).toMatch(/^nums = /);
      expect(test.actual).toBe(test.expected);
      expect(test.output).toContain('summed');
    }
    // Stored for the history and playback.
    const view = (await t.app.inject({ method: 'GET', url: `/api/pads/${pad.id}`, headers: { cookie: admin } })).json();
    expect(view.runs).toEqual([final]);
    const [event] = await t.db
      .select()
      .from(padEvents)
      .where(and(eq(padEvents.padId, pad.id), eq(padEvents.kind, 'run')));
    expect(event?.data).toEqual({ runId: queued.id, language: 'javascript', verdict: 'accepted' });
  });

  it('[A107] custom input runs beside the samples; a bad one is a 400 naming it', async () => {
    const pad = await createPad(t, admin, { problemVersionId: t.versionId });
    const { final } = await runAndWait(pad.id, admin, { code: SUM_JS, customInput: '[[[40, 2]]]' });
    const custom = final.tests.find((x) => x.kind === 'custom');
    expect(custom).toMatchObject({ verdict: 'accepted', actual: '42', input: 'nums = [40,2]' });
    for (const [input, message] of [
      ['not json', /not JSON/],
      ['[[1, 2]]', /has 2 arguments; the function takes 1/],
      ['[[["a"]]]', /custom input 1, nums\[0\]: expected number/],
    ] as const) {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/pads/${pad.id}/runs`,
        headers: { cookie: admin },
        payload: { language: 'javascript', code: SUM_JS, customInput: input },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.message).toMatch(message);
    }
  });

  it('[A107] a compile error is reported with its line, and runs no test', async () => {
    const pad = await createPad(t, admin, { problemVersionId: t.versionId });
    const { final } = await runAndWait(pad.id, admin, { code: 'function solve(nums) {\n  return nums.;\n}' });
    expect(final.verdict).toBe('compile_error');
    expect(final.compileError?.line).toBe(2);
    expect(final.tests).toEqual([]);
  });
});

describe('runs in a blank pad: the whole program ([J53])', () => {
  it('[A121] the starter program runs in JavaScript and TypeScript: console output and main’s returned value', async () => {
    for (const language of ['javascript', 'typescript'] as const) {
      const pad = await createPad(t, admin, { language });
      const { cookie } = await joinPad(t, pad.candidateLink);
      const { final } = await runAndWait(pad.id, cookie, { language, code: programStarter(language) });
      expect(final).toMatchObject({ status: 'done', verdict: 'accepted', language });
      expect(final.tests).toHaveLength(1);
      expect(final.tests[0]).toMatchObject({ kind: 'program', actual: '{"answer":42}' });
      expect(final.tests[0]?.output).toContain('Hello, world!');
      expect(final.tests[0]?.input).toBeUndefined();
    }
  });

  it('[A121] top-level code runs without main(); an exception is a runtime error with its message', async () => {
    const pad = await createPad(t, admin);
    const script = await runAndWait(pad.id, admin, {
      code: 'const xs = [1, 2, 3];\nconsole.log(xs.map((x) => x * 2).join(" "));',
    });
    expect(script.final.tests[0]).toMatchObject({ kind: 'program', verdict: 'accepted', actual: 'undefined' });
    expect(script.final.tests[0]?.output).toContain('2 4 6');
    const thrown = await runAndWait(pad.id, admin, { code: 'function main() { throw new TypeError("no way"); }' });
    expect(thrown.final.verdict).toBe('runtime_error');
    expect(thrown.final.tests[0]?.message).toContain('no way');
  });
});

describe('limits and recovery', () => {
  it('[A107] one run in flight per pad: a second Run while the first is judged is a 409 that says to wait', async () => {
    const pad = await createPad(t, admin);
    const slow = 'function main() { const end = Date.now() + 400; while (Date.now() < end) {} return 1; }';
    const first = await t.app.inject({
      method: 'POST',
      url: `/api/pads/${pad.id}/runs`,
      headers: { cookie: admin },
      payload: { language: 'javascript', code: slow },
    });
    expect(first.statusCode).toBe(202);
    const second = await t.app.inject({
      method: 'POST',
      url: `/api/pads/${pad.id}/runs`,
      headers: { cookie: admin },
      payload: { language: 'javascript', code: slow },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toMatch(/a run is in progress/);
    await t.queue.idle();
    const third = await runAndWait(pad.id, admin, { code: 'function main() { return 3; }' });
    expect(third.final.tests[0]?.actual).toBe('3');
  });

  it('[A107] a candidate cannot run in an ended pad; code over the limit is refused', async () => {
    const pad = await createPad(t, admin);
    const { cookie } = await joinPad(t, pad.candidateLink);
    const tooLong = await t.app.inject({
      method: 'POST',
      url: `/api/pads/${pad.id}/runs`,
      headers: { cookie },
      payload: { language: 'javascript', code: 'x'.repeat(100_001) },
    });
    expect(tooLong.statusCode).toBe(400);
    await t.app.inject({ method: 'POST', url: `/api/pads/${pad.id}/end`, headers: { cookie: admin } });
    const late = await t.app.inject({
      method: 'POST',
      url: `/api/pads/${pad.id}/runs`,
      headers: { cookie },
      payload: { language: 'javascript', code: 'function main() {}' },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toMatch(/this interview has ended/);
  });

  it('[A122] a run stuck queued (its job lost) is enqueued again by the reconciler and finishes', async () => {
    const pad = await createPad(t, admin);
    const [row] = await t.db
      .insert(padRuns)
      .values({
        padId: pad.id,
        byName: 'Lost',
        language: 'javascript',
        code: 'function main() { return "found"; }',
        createdAt: new Date(Date.now() - 60_000),
      })
      .returning();
    expect(await reconcileQueued(t.db, t.queue, new Date(), 30_000)).toBeGreaterThanOrEqual(1);
    await t.queue.idle();
    const [done] = await t.db
      .select()
      .from(padRuns)
      .where(eq(padRuns.id, row?.id as string));
    expect(done?.status).toBe('done');
    expect(done?.report?.tests[0]?.actual).toBe('"found"');
  });
});

// [A107] The real engines: a pad run goes through BullMQ to a separate worker process, and its `run`
// events come back over Redis. Runs when REDIS_URL and DATABASE_URL are set, as in CI.
const bullmq = Boolean(process.env.REDIS_URL && process.env.DATABASE_URL);

describe.runIf(bullmq)('pad runs on the BullMQ path', () => {
  const prefix = `assay-test-${randomBytes(4).toString('hex')}`;
  const redisUrl = process.env.REDIS_URL as string;
  let transport: JudgeTransport;
  let app: TestApp['app'];
  let worker: ChildProcess | undefined;
  const redis = new Redis(redisUrl);

  beforeAll(async () => {
    transport = await createJudgeTransport({ redisUrl, prefix, db: t.db, concurrency: 1 });
    app = await buildApp({
      config: loadConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: 'http://assay.test' }),
      db: t.db,
      queue: transport.queue,
      events: transport.events,
      now: () => new Date(),
    });
    const spawned = spawnWorker({ databaseUrl: t.databaseUrl as string, redisUrl, prefix });
    worker = spawned.child;
    await spawned.ready;
  });

  afterAll(async () => {
    worker?.kill('SIGKILL');
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await app?.close();
    await transport?.close();
  });

  it('[A107] a blank pad’s run is judged by the worker; queued, running and done arrive over Redis', async () => {
    const staff = await adminCookie(app);
    const pad = await createPad({ ...t, app } as TestApp, staff);
    const heard: PadRun[] = [];
    const off = app.events.subscribe(topics.pad(pad.id), (e: PadBusEvent) => {
      if (e.event.type === 'run') heard.push(e.event.run);
    });
    // Give the Redis SUBSCRIBE time to land.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const response = await app.inject({
      method: 'POST',
      url: `/api/pads/${pad.id}/runs`,
      headers: { cookie: staff },
      payload: { language: 'typescript', code: programStarter('typescript') },
    });
    expect(response.statusCode, response.body).toBe(202);
    const until = Date.now() + 30_000;
    while (heard.at(-1)?.status !== 'done' && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    off();
    expect(heard.map((r) => r.status)).toEqual(['queued', 'running', 'done']);
    expect(heard.at(-1)?.tests[0]).toMatchObject({ kind: 'program', actual: '{"answer":42}' });
    const [row] = await t.db.select().from(padRuns).where(eq(padRuns.id, response.json().id));
    expect(row?.status).toBe('done');
  });
});
