import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { submissions } from '../src/db/schema.ts';
import { BullJudgeQueue } from '../src/queue/BullJudgeQueue.ts';
import { LocalEventBus, topics } from '../src/queue/EventBus.ts';
import { redisConnection } from '../src/queue/redisConnection.ts';
import { candidateCookie, inviteCandidates, type TestApp, testApp } from './testApp.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe('the live channel', () => {
  it('[A16] pushes the server time and each verdict as it lands', async () => {
    const { tokens } = await inviteCandidates(t, ['Alan']);
    const cookie = await candidateCookie(t.app, tokens[0] as string);
    await t.app.inject({ method: 'POST', url: '/api/attempt/start', headers: { cookie } });
    const messages: { type: string; status?: string; verdict?: string; serverTime?: string }[] = [];
    const ws = await t.app.injectWS(
      '/api/attempt/live',
      { headers: { cookie } },
      { onInit: (socket) => socket.on('message', (data: Buffer) => messages.push(JSON.parse(data.toString()))) },
    );
    const submitted = await t.app.inject({
      method: 'POST',
      url: '/api/attempt/tasks/0/submissions',
      headers: { cookie },
      payload: {
        language: 'javascript',
        code: 'function solve(n) { return n.reduce((a, b) => a + b, 0); }',
        idempotencyKey: 'live-0001',
      },
    });
    await t.queue.idle();
    await new Promise((r) => setTimeout(r, 50));
    ws.terminate();
    expect(messages[0]?.type).toBe('time');
    expect(Math.abs(new Date(messages[0]?.serverTime as string).getTime() - Date.now())).toBeLessThan(5000);
    const events = messages.filter((m) => m.type === 'submission');
    expect(events.map((e) => e.status)).toEqual(['running', 'done']);
    expect(events[1]).toMatchObject({ submissionId: submitted.json().id, verdict: 'accepted' });
  });

  it('[A16] refuses a socket without a candidate session', async () => {
    await expect(t.app.injectWS('/api/attempt/live')).rejects.toThrow();
  });
});

describe('outages', () => {
  it('[A15] with the queue unreachable the API answers 503, keeps the code and the submission, and judges it later', async () => {
    const dead = new BullJudgeQueue(redisConnection('redis://127.0.0.1:1', false), 'assay-dead');
    const app = await buildApp({
      config: loadConfig({ LOG_LEVEL: 'silent' }),
      db: t.db,
      queue: dead,
      events: new LocalEventBus(),
      now: () => new Date(),
    });
    try {
      const { tokens } = await inviteCandidates({ ...t, app }, ['Margaret']);
      const cookie = await candidateCookie(app, tokens[0] as string);
      await app.inject({ method: 'POST', url: '/api/attempt/start', headers: { cookie } });
      const code = 'function solve(n) { return n.reduce((a, b) => a + b, 0); }';
      const response = await app.inject({
        method: 'POST',
        url: '/api/attempt/tasks/0/submissions',
        headers: { cookie },
        payload: { language: 'javascript', code, idempotencyKey: 'outage-0001' },
      });
      expect(response.statusCode).toBe(503);
      expect(response.json().error.message).toMatch(/your code is saved and will be judged when it is back/);
      const view = (await app.inject({ method: 'GET', url: '/api/attempt', headers: { cookie } })).json();
      expect(view.tasks[0].code.javascript).toBe(code);
      const waiting = await t.db.select().from(submissions).where(eq(submissions.idempotencyKey, 'outage-0001'));
      expect(waiting.map((s) => s.status)).toEqual(['queued']);
      // Once a queue is back, the reconciler hands it over and the verdict lands.
      const { reconcileQueued } = await import('../src/queue/reconcile.ts');
      await reconcileQueued(t.db, t.queue, new Date(), 0);
      await t.queue.idle();
      const [judged] = await t.db.select().from(submissions).where(eq(submissions.idempotencyKey, 'outage-0001'));
      expect(judged?.verdict).toBe('accepted');
    } finally {
      await app.close();
      await dead.close().catch(() => undefined);
    }
  });
});

describe('the in-process queue', () => {
  it('[A15] a submission offered again while it is being judged is judged once', async () => {
    const { tokens, attemptIds } = await inviteCandidates(t, ['Hedy']);
    const cookie = await candidateCookie(t.app, tokens[0] as string);
    await t.app.inject({ method: 'POST', url: '/api/attempt/start', headers: { cookie } });
    const statuses: string[] = [];
    const unsubscribe = t.app.events.subscribe(topics.attempt(attemptIds[0] as string), (event) => {
      if (event.type === 'submission' && event.attemptId === attemptIds[0]) statuses.push(event.status);
    });
    const slow = 'function solve(n) { const end = Date.now() + 300; while (Date.now() < end) {} return 0; }';
    const submitted = await t.app.inject({
      method: 'POST',
      url: '/api/attempt/tasks/0/submissions',
      headers: { cookie },
      payload: { language: 'javascript', code: slow, idempotencyKey: 'twice-0001' },
    });
    const id = submitted.json().id as string;
    await t.queue.enqueue(id, attemptIds[0] as string);
    await t.queue.enqueue(id, attemptIds[0] as string);
    await t.queue.idle();
    unsubscribe();
    expect(statuses).toEqual(['running', 'done']);
  });
});
