import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attempts, codeHistory, taskCode } from '../src/db/schema.ts';
import { HISTORY_BYTES_PER_ATTEMPT, saveCode } from '../src/services/saveCode.ts';
import { candidateCookie, inviteCandidates, runCode, type TestApp, testApp } from './testApp.ts';

// What a candidate's attempt stores and what it shows back: hidden tests ([A12]), the attempt view
// ([A40]), proctoring events ([A41]), code history ([A42]), the admin's paged view ([A43]) and
// idempotency keys ([A44]).

let t: TestApp;
// One invitation per test, made up front: every invitation call signs the admin in, and sign-ins are
// rate limited ([A17]).
const NAMES = ['Eve', 'Reload', 'Keys', 'Busy', 'Early', 'Paster', 'Flood', 'Late', 'Admin', 'Pager'] as const;
const LONG_NAMES = ['Saver', 'Flooder', 'Coarse'] as const;
type Invited = { token: string; attemptId: string; admin: string };
const invited = new Map<string, Invited>();
beforeAll(async () => {
  t = await testApp();
  for (const [names, assessment] of [
    [NAMES, {}],
    [LONG_NAMES, { durationMinutes: 240 }],
  ] as const) {
    const made = await inviteCandidates(t, [...names], assessment);
    names.forEach((name, i) => {
      invited.set(name, {
        token: made.tokens[i] as string,
        attemptId: made.attemptIds[i] as string,
        admin: made.admin,
      });
    });
  }
});
afterAll(() => t.close());

function invitation(name: string): Invited {
  const found = invited.get(name);
  if (!found) throw new Error(`no invitation for ${name}`);
  return found;
}

async function startedCandidate(name: string) {
  const { token, admin, attemptId } = invitation(name);
  const cookie = await candidateCookie(t.app, token);
  await t.app.inject({ method: 'POST', url: '/api/attempt/start', headers: { cookie } });
  return { cookie, admin, attemptId };
}

const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

describe('hidden tests', () => {
  // The fixture problem's only hidden test sums an empty array: this prints and throws its input there only
  // (the marker is assembled at run time, so the saved code does not contain it).
  const LEAKY = [
    'function solve(nums) {',
    '  if (nums.length === 0) {',
    "    const tag = ['SECRET', 'INPUT'].join('-');",
    "    console.log(tag + ' ' + JSON.stringify(nums));",
    "    throw new Error(tag + ' ' + JSON.stringify(nums));",
    '  }',
    '  return nums.reduce((a, b) => a + b, 0);',
    '}',
  ].join('\n');

  it('[A12] a candidate sees a hidden test as a verdict and a time bucket, over HTTP and the live channel; staff see all', async () => {
    const { cookie, admin, attemptId } = await startedCandidate('Eve');
    const live: string[] = [];
    const ws = await t.app.injectWS(
      '/api/attempt/live',
      { headers: { cookie } },
      { onInit: (socket) => socket.on('message', (data: Buffer) => live.push(data.toString())) },
    );
    const submitted = await t.app.inject({
      method: 'POST',
      url: '/api/attempt/tasks/0/submissions',
      headers: { cookie },
      payload: { language: 'javascript', code: LEAKY, idempotencyKey: 'leak-0001' },
    });
    expect(submitted.statusCode).toBe(202);
    await t.queue.idle();
    await new Promise((r) => setTimeout(r, 50));
    ws.terminate();

    const id = submitted.json().id as string;
    const bodies = [
      (await get(`/api/attempt/submissions/${id}`, cookie)).body,
      (await get('/api/attempt/tasks/0/submissions', cookie)).body,
      (await get('/api/attempt', cookie)).body,
      ...live,
    ];
    for (const body of bodies) expect(body).not.toContain('SECRET-INPUT');

    const view = (await get(`/api/attempt/submissions/${id}`, cookie)).json();
    expect(view.verdict).toBe('runtime_error');
    const hidden = view.report.tests.filter((x: { kind: string }) => x.kind === 'hidden');
    expect(hidden).toEqual([
      {
        id: 'hidden 1',
        kind: 'hidden',
        verdict: 'runtime_error',
        timeBucket: '<25%',
        output: '',
        outputTruncated: false,
      },
    ]);
    // Sample tests are the candidate's to see in full.
    expect(view.report.tests.find((x: { kind: string }) => x.kind === 'sample')).toMatchObject({
      input: 'nums = [1,2,3]',
      cpuMs: expect.any(Number),
    });

    const detail = await get(`/api/admin/attempts/${attemptId}`, admin);
    const staffHidden = detail.json().submissions[0].report.tests.find((x: { kind: string }) => x.kind === 'hidden');
    expect(staffHidden).toMatchObject({
      id: 'empty',
      output: 'SECRET-INPUT []\n',
      message: expect.stringContaining('SECRET-INPUT []'),
      cpuMs: expect.any(Number),
      wallMs: expect.any(Number),
    });
  });

  it('[A12] the time bucket is the CPU time as a share of the time limit', async () => {
    const { timeBucket } = await import('../src/services/submissionView.ts');
    expect([0, 249, 250, 499, 500, 999, 1000, 5000].map((ms) => timeBucket(ms, 1000))).toEqual([
      '<25%',
      '<25%',
      '<50%',
      '<50%',
      '<100%',
      '<100%',
      '>100%',
      '>100%',
    ]);
  });
});

describe('the attempt view', () => {
  it("[A40] each task carries its limits and the candidate's latest run and submission, so a reload shows them", async () => {
    const { cookie } = await startedCandidate('Reload');
    const before = (await get('/api/attempt', cookie)).json();
    expect(before.tasks[0].limits).toEqual({ timeMs: 1000, memoryMb: 128 });
    expect(before.tasks[0].latest).toEqual({ run: null, submit: null });

    const code = 'function solve(nums) { return nums.reduce((a, b) => a + b, 0); }';
    const payload = { language: 'javascript', code };
    await t.app.inject({ method: 'POST', url: '/api/attempt/tasks/0/runs', headers: { cookie }, payload });
    await t.queue.idle();
    const run = await t.app.inject({ method: 'POST', url: '/api/attempt/tasks/0/runs', headers: { cookie }, payload });
    const submit = await t.app.inject({
      method: 'POST',
      url: '/api/attempt/tasks/0/submissions',
      headers: { cookie },
      payload: { ...payload, idempotencyKey: 'reload-0001' },
    });
    await t.queue.idle();

    const after = (await get('/api/attempt', cookie)).json();
    const { latest } = after.tasks[0];
    expect(latest.run).toMatchObject({ id: run.json().id, mode: 'run', status: 'done', verdict: 'accepted' });
    expect(latest.submit).toMatchObject({ id: submit.json().id, mode: 'submit', verdict: 'accepted', score: 1 });
    expect(latest.submit.report.tests.find((x: { kind: string }) => x.kind === 'hidden')).toEqual({
      id: 'hidden 1',
      kind: 'hidden',
      verdict: 'accepted',
      timeBucket: '<25%',
      output: '',
      outputTruncated: false,
    });
    expect(after.tasks[1].latest).toEqual({ run: null, submit: null });
  });
});

describe('idempotency keys', () => {
  it("[A44] a key is tied to its task: reusing task 0's key on task 1 is a 422 and saves nothing", async () => {
    const { cookie } = await startedCandidate('Keys');
    const submit = (position: number, code: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/attempt/tasks/${position}/submissions`,
        headers: { cookie },
        payload: { language: 'javascript', code, idempotencyKey: 'shared-key-0001' },
      });
    const first = await submit(0, 'function solve() { return 0; }');
    expect(first.statusCode).toBe(202);
    const reused = await submit(1, 'function solve() { return 1; }');
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error).toEqual({
      code: 'API_ERR_IDEMPOTENCY_KEY_REUSED',
      message: 'this idempotency key was already used for task 0: use a new key for each submission',
    });
    // The same key on its own task is still the first submission.
    const again = await submit(0, 'function solve() { return 0; }');
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    await t.queue.idle();
    const view = (await get('/api/attempt', cookie)).json();
    expect(view.tasks[1].code).toEqual({});
    expect(view.tasks[1].latest.submit).toBeNull();
  });

  it('[A10] a run refused because another is in flight saves nothing', async () => {
    const { cookie } = await startedCandidate('Busy');
    const slow = 'function solve(n) { const end = Date.now() + 300; while (Date.now() < end) {} return 0; }';
    const run = (code: string) => runCode(t, cookie, code);
    expect((await run(slow)).statusCode).toBe(202);
    expect((await run('function solve() { return 1; }')).statusCode).toBe(409);
    expect((await get('/api/attempt', cookie)).json().tasks[0].code.javascript).toBe(slow);
    await t.queue.idle();
  });
});

describe('proctoring events', () => {
  const send = (cookie: string, events: unknown[]) =>
    t.app.inject({ method: 'POST', url: '/api/attempt/events', headers: { cookie }, payload: { events } });
  const serverNow = async (cookie: string) => new Date((await get('/api/attempt', cookie)).json().serverTime);

  it('[A41] are taken only once the attempt started, and events timed outside it are dropped', async () => {
    const { token, admin, attemptId } = invitation('Early');
    const cookie = await candidateCookie(t.app, token);
    const early = await send(cookie, [{ type: 'tab_hidden', at: new Date().toISOString() }]);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('API_ERR_ATTEMPT_NOT_STARTED');

    await t.app.inject({ method: 'POST', url: '/api/attempt/start', headers: { cookie } });
    const now = await serverNow(cookie);
    const sent = await send(cookie, [
      { type: 'tab_hidden', at: '1970-01-01T00:00:00.000Z' },
      { type: 'tab_visible', at: '9999-12-31T00:00:00.000Z' },
      { type: 'window_blur', at: new Date(now.getTime() - 60 * 60_000).toISOString() },
      { type: 'window_focus', at: now.toISOString() },
    ]);
    expect(sent.json()).toEqual({ recorded: 1, dropped: 3 });
    const detail = (await get(`/api/admin/attempts/${attemptId}`, admin)).json();
    expect(detail.events.map((e: { type: string }) => e.type)).toEqual(['window_focus']);
  });

  it('[A41] each detail is checked and bounded; a batch is at most 200 events and 64 KB', async () => {
    const { cookie, admin, attemptId } = await startedCandidate('Paster');
    const at = (await serverNow(cookie)).toISOString();
    const kept = await send(cookie, [
      { type: 'paste', at, detail: { length: 12, fromOutside: true, into: 'editor', note: 'x'.repeat(2000) } },
      { type: 'tab_hidden', at, detail: { anything: 'y'.repeat(2000) } },
    ]);
    expect(kept.json()).toEqual({ recorded: 2, dropped: 0 });
    const detail = (await get(`/api/admin/attempts/${attemptId}`, admin)).json();
    expect(detail.events.map((e: { detail: object }) => e.detail)).toEqual([
      { length: 12, fromOutside: true, into: 'editor' },
      {},
    ]);

    const badDetail = await send(cookie, [{ type: 'copy', at, detail: { length: 'lots' } }]);
    expect(badDetail.statusCode).toBe(400);
    const tooMany = await send(
      cookie,
      Array.from({ length: 201 }, () => ({ type: 'window_blur', at })),
    );
    expect(tooMany.statusCode).toBe(400);
    const tooBig = await send(
      cookie,
      Array.from({ length: 10 }, () => ({ type: 'tab_hidden', at, detail: { padding: 'z'.repeat(8000) } })),
    );
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error).toEqual({
      code: 'API_ERR_PROCTOR_BATCH_TOO_LARGE',
      message: 'a batch of proctoring events is at most 64 KB: send fewer events per request',
    });
    const after = (await get(`/api/admin/attempts/${attemptId}`, admin)).json();
    expect(after.events).toHaveLength(2);
  });

  it('[A41] an attempt keeps at most 5000 events; past that the answer is 409', async () => {
    const { cookie } = await startedCandidate('Flood');
    const at = (await serverNow(cookie)).toISOString();
    const batch = (n: number) => Array.from({ length: n }, () => ({ type: 'window_blur', at }));
    for (let i = 0; i < 24; i++) expect((await send(cookie, batch(200))).statusCode).toBe(200);
    expect((await send(cookie, batch(150))).json()).toEqual({ recorded: 150, dropped: 0 });
    expect((await send(cookie, batch(100))).json()).toEqual({ recorded: 50, dropped: 50 });
    const full = await send(cookie, batch(1));
    expect(full.statusCode).toBe(409);
    expect(full.json().error).toEqual({
      code: 'API_ERR_PROCTOR_EVENTS_FULL',
      message: 'this attempt has recorded the most proctoring events it keeps (5000): stop sending them',
    });
  });

  it('[A41] after the attempt ends, events are taken for a short grace period only', async () => {
    const cookie = await candidateCookie(t.app, invitation('Late').token);
    await t.app.inject({ method: 'POST', url: '/api/attempt/start', headers: { cookie } });
    const finished = await t.app.inject({ method: 'POST', url: '/api/attempt/finish', headers: { cookie } });
    const finishedAt = new Date(finished.json().attempt.finishedAt);
    const post = (events: unknown[]) =>
      t.app.inject({ method: 'POST', url: '/api/attempt/events', headers: { cookie }, payload: { events } });
    const onTheWay = await post([
      { type: 'tab_hidden', at: new Date(finishedAt.getTime() - 1000).toISOString() },
      { type: 'tab_visible', at: new Date(finishedAt.getTime() + 10 * 60_000).toISOString() },
    ]);
    expect(onTheWay.json()).toEqual({ recorded: 1, dropped: 1 });
    t.advance(5 * 60_000);
    const late = await post([{ type: 'tab_hidden', at: finishedAt.toISOString() }]);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('API_ERR_ATTEMPT_FINISHED');
  });
});

describe('code history', () => {
  /** A started attempt of four hours, and the save service on a clock the test moves. */
  async function historyAttempt(name: string) {
    const { token, attemptId } = invitation(name);
    const cookie = await candidateCookie(t.app, token);
    const started = (await t.app.inject({ method: 'POST', url: '/api/attempt/start', headers: { cookie } })).json();
    let clock = new Date(started.attempt.startedAt).getTime();
    const deps = { db: t.db, queue: t.queue, now: () => new Date(clock) };
    const history = () =>
      t.db
        .select({ position: codeHistory.position, language: codeHistory.language, code: codeHistory.code })
        .from(codeHistory)
        .where(eq(codeHistory.attemptId, attemptId))
        .orderBy(asc(codeHistory.savedAt), asc(codeHistory.id));
    const heldBytes = async () =>
      (await t.db.select().from(attempts).where(eq(attempts.id, attemptId)))[0]?.historyBytes ?? -1;
    return {
      attemptId,
      history,
      heldBytes,
      save: (position: number, language: 'javascript' | 'typescript', code: string) =>
        saveCode(deps, attemptId, position, language, code),
      advance: (ms: number) => {
        clock += ms;
      },
      /** Moves the clock to the start of the next window of `ms`. */
      alignTo: (ms: number) => {
        clock = Math.ceil(clock / ms) * ms;
      },
    };
  }
  const big = (tag: string) => `// ${tag}\n${'x'.repeat(63 * 1024)}`;

  it('[A42] saves within a 30 s window keep one snapshot, the last: a minute of autosave is two', async () => {
    const a = await historyAttempt('Saver');
    // Align with a window's start, then save every half second for a minute, as a busy autosave would.
    a.alignTo(30_000);
    for (let i = 0; i < 120; i++) {
      await a.save(0, 'javascript', big(`save ${i}`));
      a.advance(500);
    }
    const kept = await a.history();
    expect(kept.map((h) => h.code.slice(0, 12))).toEqual(['// save 59\nx', '// save 119\n']);
    expect(await a.heldBytes()).toBe(kept.reduce((sum, h) => sum + Buffer.byteLength(h.code), 0));
  });

  it('[A42] an attempt keeps at most 8 MB of history, coarser past half, and never loses the latest code', async () => {
    const a = await historyAttempt('Flooder');
    const keys = [
      [0, 'javascript'],
      [0, 'typescript'],
      [1, 'javascript'],
      [1, 'typescript'],
    ] as const;
    let step = 0;
    // Each step saves 64 KB in four tasks and languages, each in a window of its own.
    while ((await a.heldBytes()) < HISTORY_BYTES_PER_ATTEMPT) {
      for (const [position, language] of keys) await a.save(position, language, big(`step ${step}`));
      a.advance(5 * 60_000);
      step++;
    }
    const full = await a.history();
    expect(step).toBeLessThan(40);
    // Past the cap a save replaces its task and language's latest snapshot: the history stops growing...
    await a.save(0, 'javascript', big('past the cap'));
    a.advance(5 * 60_000);
    await a.save(0, 'javascript', 'function solve() { return 42; }');
    const capped = await a.history();
    expect(capped).toHaveLength(full.length);
    expect(await a.heldBytes()).toBeLessThanOrEqual(HISTORY_BYTES_PER_ATTEMPT + 64 * 1024);
    // ...and still ends with the latest code, which is saved as always.
    expect(capped.filter((h) => h.position === 0 && h.language === 'javascript').at(-1)?.code).toBe(
      'function solve() { return 42; }',
    );
    const latest = await t.db.select().from(taskCode).where(eq(taskCode.attemptId, a.attemptId));
    expect(latest.find((c) => c.position === 0 && c.language === 'javascript')?.code).toBe(
      'function solve() { return 42; }',
    );
  });

  it('[A42] past half the cap, saves within a 5 min window keep one snapshot', async () => {
    const a = await historyAttempt('Coarse');
    a.alignTo(5 * 60_000);
    while ((await a.heldBytes()) < HISTORY_BYTES_PER_ATTEMPT / 2) {
      await a.save(1, 'javascript', big(`fill ${await a.heldBytes()}`));
      a.advance(30_000);
    }
    a.alignTo(5 * 60_000);
    const before = (await a.history()).length;
    for (let i = 0; i < 4; i++) {
      await a.save(0, 'javascript', `let minute = ${i};`);
      a.advance(60_000);
    }
    const after = await a.history();
    expect(after.length - before).toBe(1);
    expect(after.at(-1)?.code).toBe('let minute = 3;');
  });
});

describe("the admin's view of an attempt", () => {
  it('[A43] comes in pages: the first with the attempt, the rest by cursor, every row once and in order', async () => {
    const { cookie, admin, attemptId } = await startedCandidate('Pager');
    const start = (await get('/api/attempt', cookie)).json().serverTime as string;
    const at = (i: number) => new Date(new Date(start).getTime() + i).toISOString();
    // 250 events in two batches, sent out of order.
    const events = Array.from({ length: 250 }, (_, i) => ({ type: 'window_blur', at: at(i) }));
    for (const batch of [events.slice(125), events.slice(0, 125)]) {
      await t.app.inject({
        method: 'POST',
        url: '/api/attempt/events',
        headers: { cookie },
        payload: { events: batch },
      });
    }
    const detail = (await get(`/api/admin/attempts/${attemptId}`, admin)).json();
    expect(detail.events).toHaveLength(100);
    const seen: string[] = detail.events.map((e: { at: string }) => e.at);
    let next: string | null = detail.next.events;
    while (next) {
      const page = await get(`/api/admin/attempts/${attemptId}/events?cursor=${next}`, admin);
      expect(page.statusCode).toBe(200);
      seen.push(...page.json().items.map((e: { at: string }) => e.at));
      next = page.json().next;
    }
    expect(seen).toEqual(events.map((e) => e.at));

    // Submissions and history page the same way.
    for (let i = 0; i < 3; i++) {
      await t.app.inject({
        method: 'POST',
        url: '/api/attempt/tasks/1/submissions',
        headers: { cookie },
        payload: { language: 'javascript', code: `function solve() { return ${i}; }`, idempotencyKey: `pager-000${i}` },
      });
      await t.queue.idle();
    }
    const first = (await get(`/api/admin/attempts/${attemptId}/submissions?limit=2`, admin)).json();
    expect(first.items.map((s: { verdict: string }) => s.verdict)).toEqual(['wrong_answer', 'wrong_answer']);
    const second = (
      await get(`/api/admin/attempts/${attemptId}/submissions?limit=2&cursor=${first.next}`, admin)
    ).json();
    expect(second).toMatchObject({ items: [{ position: 1 }], next: null });
    const history = (await get(`/api/admin/attempts/${attemptId}/history`, admin)).json();
    expect(history).toEqual({
      items: [{ id: expect.any(Number), position: 1, language: 'javascript', savedAt: expect.any(String), bytes: 30 }],
      next: null,
    });
  });

  it('[A43] a cursor this list did not give out is a 400, and so is a page too large', async () => {
    const { admin, attemptId } = invitation('Pager');
    const other = invitation('Admin').attemptId;
    const detail = (await get(`/api/admin/attempts/${attemptId}`, admin)).json();
    const eventsCursor = detail.next.events as string;
    for (const url of [
      `/api/admin/attempts/${attemptId}/events?cursor=not-a-cursor`,
      `/api/admin/attempts/${attemptId}/history?cursor=${eventsCursor}`,
      `/api/admin/attempts/${other}/events?cursor=${eventsCursor}`,
    ]) {
      const bad = await get(url, admin);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('API_ERR_BAD_CURSOR');
    }
    const huge = await get(`/api/admin/attempts/${attemptId}/submissions?limit=5000`, admin);
    expect(huge.statusCode).toBe(400);
  });
});
