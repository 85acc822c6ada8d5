import { randomBytes } from 'node:crypto';
import type { Judge, JudgeReport, JudgeRequest } from '@assay/judge';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { jsonbText, NUL_STAND_IN } from '../src/db/jsonb.ts';
import { openDatabase } from '../src/db/openDatabase.ts';
import { attempts, submissions } from '../src/db/schema.ts';
import { type LiveEvent, LocalEventBus, type SubmissionEvent, type Topic } from '../src/queue/EventBus.ts';
import { InProcessQueue, type JudgeQueue } from '../src/queue/JudgeQueue.ts';
import { GAVE_UP_MESSAGE, MAX_TRIES } from '../src/queue/processSubmission.ts';
import { reconcileQueued } from '../src/queue/reconcile.ts';
import { sweepDeadlines } from '../src/services/attemptDeadlines.ts';
import { SWEEP_BATCH } from '../src/services/finishAttempts.ts';
import { tcpProxy } from './tcpProxy.ts';
import { candidateCookie, inviteCandidates, type TestApp, testApp } from './testApp.ts';

// Issue 9 §2 and §5: whatever the judge or the database does, a submission ends in a verdict, its task
// is released and its candidate is told; one attempt cannot starve another; finishing is atomic.

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const SUM = 'function solve(nums) { return nums.reduce((a, b) => a + b, 0); }';

/** A stand-in judge: `behave` decides each call's outcome; every call is recorded in order. */
function fakeJudge(behave: (request: JudgeRequest) => Promise<JudgeReport>) {
  const calls: string[] = [];
  const judge = {
    judge: async (request: JudgeRequest) => {
      calls.push(request.submission.source);
      return behave(request);
    },
    close: async () => {},
  } as unknown as Judge;
  return { judge, calls };
}

const accepted = (request: JudgeRequest): JudgeReport => ({
  mode: request.mode,
  verdict: 'accepted',
  score: 1,
  passed: 1,
  total: 1,
  tests: [],
  judgeMs: 1,
});

/** The test app's database behind an app whose queue judges with `judge`. */
async function appWith(judge: Judge, options: { concurrency?: number } = {}) {
  const heard: SubmissionEvent[] = [];
  // Hears every attempt's events: the bus itself delivers by topic ([A50]).
  const events = new (class extends LocalEventBus {
    override publish<E extends LiveEvent>(topic: Topic<E>, event: E) {
      if (event.type === 'submission') heard.push(event);
      return super.publish(topic, event);
    }
  })();
  const queue = new InProcessQueue({ db: t.db, judge, events }, options.concurrency ?? 2, () => {});
  const app = await buildApp({
    config: { ...loadConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: 'http://assay.test' }), webDist: undefined },
    db: t.db,
    queue,
    events,
    now: () => new Date(),
  });
  return {
    app,
    queue,
    heard,
    close: async () => {
      await app.close();
      await queue.close();
    },
  };
}

async function startAs(app: TestApp['app'], name: string, assessment: Record<string, unknown> = {}) {
  const { tokens, attemptIds } = await inviteCandidates({ ...t, app }, [name], assessment);
  const cookie = await candidateCookie(app, tokens[0] as string);
  await app.inject({ method: 'POST', url: '/api/attempt/start', headers: { cookie } });
  return { cookie, attemptId: attemptIds[0] as string };
}

function judgeRequest(app: TestApp['app'], cookie: string, kind: 'runs' | 'submissions', position = 0, code = SUM) {
  return app.inject({
    method: 'POST',
    url: `/api/attempt/tasks/${position}/${kind}`,
    headers: { cookie },
    payload: { language: 'javascript', code, idempotencyKey: randomBytes(8).toString('hex') },
  });
}

async function row(id: string) {
  const [found] = await t.db.select().from(submissions).where(eq(submissions.id, id));
  if (!found) throw new Error(`no submission ${id}`);
  return found;
}

describe('NUL characters', () => {
  it('[A20] jsonbText replaces every NUL, in keys and values, and leaves an escaped backslash alone', () => {
    const text = jsonbText({ 'k\u0000': 'a\u0000b', literal: '\\u0000', both: '\\\u0000' });
    expect(JSON.parse(text)).toEqual({
      [`k${NUL_STAND_IN}`]: `a${NUL_STAND_IN}b`,
      literal: '\\u0000',
      both: `\\${NUL_STAND_IN}`,
    });
  });

  it('[A20] console output with a NUL is stored (as ␀) and the task is free for the next run', async () => {
    const { cookie } = await startAs(t.app, 'Nul');
    const code = 'function solve(nums) { console.log("a\\u0000b"); return nums.reduce((a, b) => a + b, 0); }';
    const first = await judgeRequest(t.app, cookie, 'runs', 0, code);
    expect(first.statusCode).toBe(202);
    await t.queue.idle();
    const judged = await row(first.json().id);
    expect(judged.status).toBe('done');
    expect(judged.verdict).toBe('accepted');
    expect(JSON.stringify(judged.report)).toContain(`a${NUL_STAND_IN}b`);
    expect((await judgeRequest(t.app, cookie, 'runs', 0, code)).statusCode).toBe(202);
    await t.queue.idle();
  });
});

describe('a submission the judge cannot finish', () => {
  it('[A20] after the last try it ends as internal_error, its task is released and its candidate is told', async () => {
    const { judge, calls } = fakeJudge(async () => {
      throw new Error('the judge broke');
    });
    const own = await appWith(judge);
    try {
      const { cookie } = await startAs(own.app, 'Broken');
      const submitted = await judgeRequest(own.app, cookie, 'submissions');
      const id = submitted.json().id as string;
      await own.queue.idle();
      const judged = await row(id);
      expect(judged).toMatchObject({ status: 'done', verdict: 'internal_error', score: 0 });
      expect(judged.report?.message).toBe(GAVE_UP_MESSAGE);
      expect(calls.length).toBe(3);
      expect(own.heard.filter((e) => e.submissionId === id && e.status === 'done')).toEqual([
        expect.objectContaining({ verdict: 'internal_error' }),
      ]);
      // The task is free again: the next submission is accepted for judging.
      expect((await judgeRequest(own.app, cookie, 'submissions')).statusCode).toBe(202);
      await own.queue.idle();
    } finally {
      await own.close();
    }
  });

  it('[A20] a submission claimed MAX_TRIES times is not judged again: it ends as internal_error', async () => {
    const { cookie, attemptId } = await startAs(t.app, 'Killer');
    const submitted = await judgeRequest(t.app, cookie, 'submissions');
    const id = submitted.json().id as string;
    await t.queue.idle();
    // As if every judge that claimed it so far had died on it.
    await t.db
      .update(submissions)
      .set({ status: 'running', tries: MAX_TRIES, verdict: null, score: null, report: null })
      .where(eq(submissions.id, id));
    const { judge, calls } = fakeJudge(async (request) => accepted(request));
    const own = await appWith(judge);
    try {
      await own.queue.requeue(id, attemptId);
      await own.queue.idle();
    } finally {
      await own.close();
    }
    expect((await row(id)).verdict).toBe('internal_error');
    expect(calls).toEqual([]);
  });

  it('[A21] the reconciler recovers a running submission whose judge vanished, and leaves a fresh one alone', async () => {
    const { judge } = fakeJudge(async (request) => accepted(request));
    const own = await appWith(judge);
    try {
      const stale = await startAs(own.app, 'Stale');
      const fresh = await startAs(own.app, 'Fresh');
      const ids: string[] = [];
      for (const who of [stale, fresh]) {
        const submitted = await judgeRequest(t.app, who.cookie, 'submissions');
        ids.push(submitted.json().id);
      }
      await t.queue.idle();
      const [staleId, freshId] = ids as [string, string];
      const reset = { status: 'running' as const, verdict: null, score: null, report: null, judgedAt: null, tries: 1 };
      await t.db
        .update(submissions)
        .set({ ...reset, claimedAt: new Date(Date.now() - 10 * 60_000) })
        .where(eq(submissions.id, staleId));
      await t.db
        .update(submissions)
        .set({ ...reset, claimedAt: new Date() })
        .where(eq(submissions.id, freshId));
      await reconcileQueued(t.db, own.queue, new Date(), 30_000);
      await own.queue.idle();
      expect((await row(staleId)).verdict).toBe('accepted');
      expect((await row(freshId)).status).toBe('running');
      await t.db.update(submissions).set({ status: 'done', verdict: 'accepted' }).where(eq(submissions.id, freshId));
    } finally {
      await own.close();
    }
  });
});

describe('fairness', () => {
  it("[A24] one attempt's flood does not hold up another attempt's run", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { judge, calls } = fakeJudge(async (request) => {
      await gate;
      return accepted(request);
    });
    const own = await appWith(judge, { concurrency: 1 });
    try {
      const tasks = [0, 1, 2, 3].map(() => ({ problemVersionId: t.versionId, points: 10 }));
      const flood = await startAs(own.app, 'Flood', { tasks });
      const trivial = await startAs(own.app, 'Trivial', { tasks });
      for (const position of [0, 1, 2, 3]) {
        for (const kind of ['runs', 'submissions'] as const) {
          const code = `${SUM} // flood ${kind} ${position}`;
          expect((await judgeRequest(own.app, flood.cookie, kind, position, code)).statusCode).toBe(202);
        }
      }
      expect((await judgeRequest(own.app, trivial.cookie, 'runs', 0, `${SUM} // trivial`)).statusCode).toBe(202);
      release();
      await own.queue.idle();
      expect(calls).toHaveLength(9);
      // Round robin: the trivial run is judged right after the flood's first job, not after all eight.
      expect(calls.findIndex((source) => source.includes('trivial'))).toBe(1);
    } finally {
      await own.close();
    }
  });
});

describe('finishing at the deadline', () => {
  it('[A28] finishing and the automatic submissions happen together or not at all', async () => {
    const { cookie, attemptId } = await startAs(t.app, 'Atomic');
    await t.app.inject({
      method: 'PUT',
      url: '/api/attempt/tasks/0/code',
      headers: { cookie },
      payload: { language: 'javascript', code: SUM },
    });
    await t.db
      .update(attempts)
      .set({ deadline: new Date(Date.now() - 1000) })
      .where(eq(attempts.id, attemptId));
    // The automatic submission fails to insert, as when the process dies between the two writes.
    await t.db.execute(sql`
      CREATE FUNCTION refuse_automatic() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.automatic THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$`);
    await t.db.execute(
      sql`CREATE TRIGGER refuse_automatic BEFORE INSERT ON submissions FOR EACH ROW EXECUTE FUNCTION refuse_automatic()`,
    );
    const deps = { db: t.db, queue: t.queue, now: () => new Date() };
    try {
      await expect(sweepDeadlines(deps)).rejects.toThrow();
    } finally {
      await t.db.execute(sql`DROP TRIGGER refuse_automatic ON submissions`);
      await t.db.execute(sql`DROP FUNCTION refuse_automatic()`);
    }
    const [unfinished] = await t.db.select().from(attempts).where(eq(attempts.id, attemptId));
    expect(unfinished?.status).toBe('in_progress');
    expect(await sweepDeadlines(deps)).toBeGreaterThanOrEqual(1);
    await t.queue.idle();
    const [finished] = await t.db.select().from(attempts).where(eq(attempts.id, attemptId));
    expect(finished).toMatchObject({ status: 'finished', finishReason: 'deadline', score: 100 });
    const automatic = await t.db.select().from(submissions).where(eq(submissions.attemptId, attemptId));
    expect(automatic.map((s) => [s.automatic, s.verdict])).toEqual([[true, 'accepted']]);
  });

  it('[A28] one sweep finishes a whole cohort, more than one batch, each with its automatic submission', async () => {
    const names = Array.from({ length: SWEEP_BATCH + 20 }, (_, i) => `Cohort ${i}`);
    const { attemptIds } = await inviteCandidates(t, names);
    const past = new Date(Date.now() - 1000);
    await t.db
      .update(attempts)
      .set({ status: 'in_progress', startedAt: new Date(past.getTime() - 60_000), deadline: past })
      .where(sql`${attempts.id} IN ${attemptIds}`);
    await t.db.execute(sql`
      INSERT INTO task_code (attempt_id, position, language, code)
      SELECT id, 0, 'javascript', ${SUM} FROM attempts WHERE id IN ${attemptIds}`);
    const { judge } = fakeJudge(async (request) => accepted(request));
    const own = await appWith(judge);
    try {
      const finished = await sweepDeadlines({ db: t.db, queue: own.queue, now: () => new Date() });
      expect(finished).toBe(names.length);
      await own.queue.idle();
    } finally {
      await own.close();
    }
    const rows = await t.db
      .select({ status: attempts.status, reason: attempts.finishReason, finishedAt: attempts.finishedAt })
      .from(attempts)
      .where(sql`${attempts.id} IN ${attemptIds}`);
    expect(rows.every((r) => r.status === 'finished' && r.reason === 'deadline')).toBe(true);
    expect(rows.every((r) => r.finishedAt?.getTime() === past.getTime())).toBe(true);
    const automatic = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(submissions)
      .where(sql`${submissions.attemptId} IN ${attemptIds} AND ${submissions.automatic}`);
    expect(Number(automatic[0]?.n)).toBe(names.length);
  });
});

describe.runIf(Boolean(process.env.DATABASE_URL))('a PostgreSQL outage while judging (in-process queue)', () => {
  it('[A22] the job waits for the database without spending a try, and is judged once it is back', async () => {
    const { cookie, attemptId } = await startAs(t.app, 'Outage');
    const proxy = await tcpProxy(t.databaseUrl as string);
    const viaProxy = await openDatabase({ url: proxy.url, dataDir: 'memory://' });
    const { judge, calls } = fakeJudge(async (request) => accepted(request));
    let outagesSeen = 0;
    const queue = new InProcessQueue({ db: viaProxy.db, judge, events: new LocalEventBus() }, 1, () => {
      outagesSeen++;
    });
    try {
      // Stored while the database is reachable (the API's own pool), judged by a process that lost it.
      const holding: JudgeQueue = {
        kind: 'in-process',
        enqueue: async () => {},
        requeue: async () => {},
        close: async () => {},
      };
      const api = await buildApp({
        config: { ...loadConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: 'http://assay.test' }), webDist: undefined },
        db: t.db,
        queue: holding,
        events: new LocalEventBus(),
        now: () => new Date(),
      });
      const submitted = await judgeRequest(api, cookie, 'submissions');
      await api.close();
      const id = submitted.json().id as string;
      proxy.cut();
      await queue.enqueue(id, attemptId);
      // More outages than the queue has tries: none of them may count.
      while (outagesSeen < 4) await new Promise((resolve) => setTimeout(resolve, 50));
      proxy.restore();
      await queue.idle();
      expect((await row(id)).verdict).toBe('accepted');
      expect((await row(id)).tries).toBe(1);
      expect(calls).toHaveLength(1);
    } finally {
      await queue.close();
      await viaProxy.close().catch(() => undefined);
      await proxy.close();
    }
  }, 60_000);
});
