import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attemptReviews, attempts, auditLog, invitations, submissions, users } from '../src/db/schema.ts';
import { hashPassword } from '../src/services/secrets.ts';
import { adminCookie, candidateCookie, cookieOf, inviteCandidates, type TestApp, testApp } from './testApp.ts';

// The console's results and review (issue 11 §4): the results table and charts ([A94]–[A96]), the
// reviewer's notes and decision ([A97]) and the code of snapshots and submissions ([A98]).

let t: TestApp;
let admin = '';
let interviewer = '';
const SUM = 'function solve(nums) {\n  return nums.reduce((a, b) => a + b, 0);\n}';

beforeAll(async () => {
  t = await testApp();
  admin = await adminCookie(t.app);
  await t.db.insert(users).values({
    email: 'reviewer@example.com',
    name: 'Rita Reviewer',
    role: 'interviewer',
    passwordHash: await hashPassword('reviewer password'),
  });
  interviewer = cookieOf(
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'reviewer@example.com', password: 'reviewer password' },
    }),
  );
});
afterAll(() => t.close());

const get = (url: string, cookie = admin) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const put = (url: string, payload: unknown, cookie = admin) =>
  t.app.inject({ method: 'PUT', url, headers: { cookie }, payload: payload as object });

/** An assessment of two tasks (100 + 50 points) whose only candidate saved, ran, submitted, pasted and finished. */
async function finishedAttempt() {
  const invited = await inviteCandidates(t, ['Ada']);
  const attemptId = invited.attemptIds[0] as string;
  const cookie = await candidateCookie(t.app, invited.tokens[0] as string);
  const send = (method: 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  await send('POST', '/api/attempt/start');
  const started = Date.now();
  await send('PUT', '/api/attempt/tasks/0/code', { language: 'javascript', code: 'function solve(nums) {' });
  t.advance(60_000);
  await send('PUT', '/api/attempt/tasks/0/code', { language: 'javascript', code: SUM });
  await send('POST', '/api/attempt/tasks/0/runs', { language: 'javascript', code: SUM });
  await t.queue.idle();
  const submitted = await send('POST', '/api/attempt/tasks/0/submissions', {
    language: 'javascript',
    code: SUM,
    idempotencyKey: 'results-ada-1',
  });
  await t.queue.idle();
  t.advance(2 * 60_000);
  await send('PUT', '/api/attempt/tasks/1/code', { language: 'javascript', code: 'function solve() { return -1; }' });
  const at = (ms: number) => new Date(started + ms).toISOString();
  await send('POST', '/api/attempt/events', {
    events: [
      { type: 'tab_hidden', at: at(70_000) },
      { type: 'tab_visible', at: at(75_000) },
      { type: 'paste', at: at(80_000), detail: { length: 120, fromOutside: true, into: 'editor' } },
      { type: 'paste', at: at(90_000), detail: { length: 12, fromOutside: false, into: 'editor' } },
      { type: 'copy', at: at(95_000), detail: { length: 12, from: 'editor' } },
    ],
  });
  await send('POST', '/api/attempt/finish');
  await t.queue.idle();
  return { assessmentId: invited.assessmentId, attemptId, submissionId: submitted.json().id as string };
}

describe('results of an assessment', () => {
  it('[A94] [A96] with no attempts: no rows and charts of zeros, never NaN', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/admin/assessments',
      headers: { cookie: admin },
      payload: {
        title: 'Empty',
        durationMinutes: 30,
        tasks: [
          { problemVersionId: t.versionId, points: 100 },
          { problemVersionId: t.versionId, points: 50 },
        ],
      },
    });
    const assessmentId = created.json().id as string;
    const res = await get(`/api/admin/assessments/${assessmentId}/results`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.rows).toEqual([]);
    expect(body.tasks.map((x: { points: number }) => x.points)).toEqual([100, 50]);
    expect(body.aggregates).toMatchObject({ started: 0, finished: 0, maxScore: 150 });
    expect(body.aggregates.scoreBuckets).toEqual(new Array(10).fill(0));
    expect(body.aggregates.tasks[0]).toEqual({
      position: 0,
      attempted: 0,
      passRate: 0,
      meanPoints: 0,
      medianMs: null,
      meanMs: null,
    });
    // 30 minutes in 2-minute buckets.
    expect(body.aggregates.activity).toEqual({
      bucketMinutes: 2,
      runs: new Array(15).fill(0),
      submissions: new Array(15).fill(0),
    });
  });

  it('[A94] [A95] [A96] one finished attempt: its row, flags, task times and the charts', async () => {
    const { assessmentId, attemptId } = await finishedAttempt();
    const body = (await get(`/api/admin/assessments/${assessmentId}/results`, interviewer)).json();
    expect(body.rows).toHaveLength(1);
    const row = body.rows[0];
    expect(row).toMatchObject({
      id: attemptId,
      name: 'Ada',
      email: 'ada@example.com',
      status: 'finished',
      finishReason: 'candidate',
      score: 100,
      earned: [100, 0],
      // Hers and the one the finish made of task 1's changed code.
      submissions: 2,
      decision: 'undecided',
    });
    // The tab switch and the paste from outside; not the paste from the editor, the copy or the return.
    expect(row.flags).toBe(2);
    // Task 0 from the start to its submission (60 s), task 1 from there to its save (120 s).
    expect(row.taskMs[0]).toBeGreaterThanOrEqual(60_000);
    expect(row.taskMs[0]).toBeLessThan(65_000);
    expect(row.taskMs[1]).toBeGreaterThanOrEqual(120_000);
    expect(row.taskMs[1]).toBeLessThan(125_000);
    expect(row.timeMs).toBeGreaterThanOrEqual(180_000);
    const { aggregates } = body;
    expect(aggregates).toMatchObject({ started: 1, finished: 1, maxScore: 150 });
    // 100 of 150 is in the 60–70 % bucket.
    expect(aggregates.scoreBuckets[6]).toBe(1);
    expect(aggregates.scoreBuckets.reduce((a: number, b: number) => a + b)).toBe(1);
    expect(aggregates.tasks[0]).toMatchObject({ attempted: 1, passRate: 1, meanPoints: 100 });
    expect(aggregates.tasks[1]).toMatchObject({ attempted: 1, passRate: 0, meanPoints: 0 });
    expect(aggregates.tasks[0].medianMs).toBe(row.taskMs[0]);
    // (Submissions are timed by the database's clock, which the test's `advance` does not move.)
    const sum = (values: number[]) => values.reduce((a, b) => a + b);
    expect(sum(aggregates.activity.runs)).toBe(1);
    // The finish submitted task 1's changed code too.
    expect(sum(aggregates.activity.submissions)).toBe(2);
  });

  it('[A94] [A96] 2,000 attempts come back in one response with consistent charts', async () => {
    const { assessmentId } = await inviteCandidates(t, ['Seed']);
    const n = 2000;
    const start = new Date(Date.now() - 3600_000);
    const made = await t.db
      .insert(invitations)
      .values(
        Array.from({ length: n }, (_, i) => ({
          assessmentId,
          candidateName: `Candidate ${i}`,
          candidateEmail: `c${i}@example.com`,
          tokenHash: `seed-${assessmentId}-${i}`,
          expiresAt: new Date(Date.now() + 86400_000),
        })),
      )
      .returning({ id: invitations.id });
    // Candidate i scored i % 151 of 150 points (all on task 0 up to 100).
    const seeded = await t.db
      .insert(attempts)
      .values(
        made.map((inv, i) => ({
          invitationId: inv.id,
          assessmentId,
          status: 'finished' as const,
          startedAt: start,
          finishedAt: new Date(start.getTime() + 20 * 60_000),
          finishReason: 'candidate' as const,
          score: i % 2 === 0 ? 100 : 25,
        })),
      )
      .returning({ id: attempts.id });
    await t.db.insert(submissions).values(
      seeded.map((a, i) => ({
        attemptId: a.id,
        position: 0,
        language: 'javascript' as const,
        code: SUM,
        mode: 'submit' as const,
        status: 'done' as const,
        verdict: i % 2 === 0 ? 'accepted' : 'wrong_answer',
        score: i % 2 === 0 ? 1 : 0.25,
        createdAt: new Date(start.getTime() + 10 * 60_000),
      })),
    );
    const began = performance.now();
    const res = await get(`/api/admin/assessments/${assessmentId}/results`);
    const ms = performance.now() - began;
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.rows).toHaveLength(n + 1);
    expect(body.aggregates.finished).toBe(n);
    expect(body.aggregates.scoreBuckets[6]).toBe(n / 2);
    expect(body.aggregates.scoreBuckets[1]).toBe(n / 2);
    expect(body.aggregates.tasks[0].passRate).toBe(0.5);
    expect(body.aggregates.tasks[0].meanPoints).toBeCloseTo(62.5);
    // Submissions at minute 10: the sixth 2-minute bucket.
    expect(body.aggregates.activity.submissions[5]).toBe(n);
    console.info(`results of ${n} attempts in ${Math.round(ms)} ms, ${Math.round(res.body.length / 1024)} KB`);
  });

  it('[A94] an unknown assessment is a 404; a malformed id a 400', async () => {
    const missing = await get('/api/admin/assessments/00000000-0000-4000-8000-000000000000/results');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toMatch(/assessment was not found/);
    expect((await get('/api/admin/assessments/nope/results')).statusCode).toBe(400);
  });

  it('[A94] the overview counts each assessment and finds a candidate by name or email', async () => {
    const { assessmentId } = await finishedAttempt();
    const body = (await get('/api/admin/results?q=ADA@example')).json();
    expect(body.recent.length).toBeGreaterThanOrEqual(1);
    expect(body.recent.every((r: { email: string }) => r.email === 'ada@example.com')).toBe(true);
    const entry = body.assessments.find((a: { id: string }) => a.id === assessmentId);
    expect(entry).toMatchObject({ invited: 1, started: 1, finished: 1, undecided: 1 });
    // `%` is matched as itself, not as a wildcard.
    expect((await get('/api/admin/results?q=%25')).json().recent).toEqual([]);
    expect((await get(`/api/admin/results?q=${'x'.repeat(201)}`)).statusCode).toBe(400);
  });
});

describe('attempt review', () => {
  it('[A98] playback gets the code of each history snapshot and each submission', async () => {
    const { attemptId, submissionId } = await finishedAttempt();
    const review = (await get(`/api/admin/attempts/${attemptId}`, interviewer)).json();
    const task0 = review.history.filter((h: { position: number }) => h.position === 0);
    // Two saves a minute apart are two snapshots.
    expect(task0).toHaveLength(2);
    const ids = review.history.map((h: { id: number }) => h.id).join(',');
    const res = await get(`/api/admin/attempts/${attemptId}/code?history=${ids}&submissions=${submissionId}`);
    expect(res.statusCode).toBe(200);
    const code = res.json();
    expect(
      code.history.filter((h: { position: number }) => h.position === 0).map((h: { code: string }) => h.code),
    ).toEqual(['function solve(nums) {', SUM]);
    expect(code.submissions).toEqual([{ id: submissionId, position: 0, language: 'javascript', code: SUM }]);
  });

  it("[A98] another attempt's snapshot is a 404; more than 50 ids or a malformed one a 400", async () => {
    const first = await finishedAttempt();
    const second = await finishedAttempt();
    const other = (await get(`/api/admin/attempts/${second.attemptId}`)).json().history[0].id;
    const foreign = await get(`/api/admin/attempts/${first.attemptId}/code?history=${other}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.message).toContain(`snapshot ${other}`);
    const many = Array.from({ length: 51 }, (_, i) => i + 1).join(',');
    const tooMany = await get(`/api/admin/attempts/${first.attemptId}/code?history=${many}`);
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.message).toMatch(/at most 50 snapshots/);
    expect((await get(`/api/admin/attempts/${first.attemptId}/code?history=abc`)).statusCode).toBe(400);
    const unknown = await get('/api/admin/attempts/00000000-0000-4000-8000-000000000000/code?history=1');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toMatch(/attempt was not found/);
    expect((await get(`/api/admin/attempts/${first.attemptId}/code?submissions=nope`)).statusCode).toBe(400);
  });

  it('[A97] an interviewer records notes and a decision: stored with who and when, audited, shown in results', async () => {
    const { assessmentId, attemptId } = await finishedAttempt();
    const saved = await put(
      `/api/admin/attempts/${attemptId}/review`,
      { decision: 'advance', notes: 'Clean solution; ask about complexity.' },
      interviewer,
    );
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      decision: 'advance',
      notes: 'Clean solution; ask about complexity.',
      reviewedBy: { name: 'Rita Reviewer' },
    });
    const review = (await get(`/api/admin/attempts/${attemptId}`)).json().review;
    expect(review).toEqual(saved.json());
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'attempt.review'), eq(auditLog.target, attemptId)));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.detail).toEqual({ decision: 'advance', notesBytes: 37 });
    const rows = (await get(`/api/admin/assessments/${assessmentId}/results`)).json().rows;
    expect(rows[0].decision).toBe('advance');
    // A second review replaces the first.
    await put(`/api/admin/attempts/${attemptId}/review`, { decision: 'reject', notes: '' });
    expect((await get(`/api/admin/attempts/${attemptId}`)).json().review).toMatchObject({
      decision: 'reject',
      notes: '',
      reviewedBy: { name: 'Administrator' },
    });
  });

  it('[A97] notes over 20 KiB, an unknown decision or attempt are refused and change nothing', async () => {
    const { attemptId } = await finishedAttempt();
    const url = `/api/admin/attempts/${attemptId}/review`;
    const big = await put(url, { decision: 'advance', notes: 'é'.repeat(10 * 1024 + 1) });
    expect(big.statusCode).toBe(400);
    expect(big.json().error.message).toMatch(/20 KiB/);
    const bad = await put(url, { decision: 'hire', notes: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/decision/);
    const unknown = await put('/api/admin/attempts/00000000-0000-4000-8000-000000000000/review', {
      decision: 'advance',
      notes: '',
    });
    expect(unknown.statusCode).toBe(404);
    expect(await t.db.select().from(attemptReviews).where(eq(attemptReviews.attemptId, attemptId))).toEqual([]);
    expect(
      await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'attempt.review'), eq(auditLog.target, attemptId))),
    ).toEqual([]);
  });
});
