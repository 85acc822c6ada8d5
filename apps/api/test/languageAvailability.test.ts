// issue 13: a server without Python's sandbox says so, refuses Python work with the reason, and stores a
// clear result for Python work that reaches its judge anyway; JavaScript and TypeScript are unaffected.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { padRuns, submissions, taskCode } from '../src/db/schema.ts';
import { createPad, joinPad } from './padFixture.ts';
import { adminCookie, candidateCookie, inviteCandidates, type TestApp, testApp } from './testApp.ts';

/** bubblewrap where no machine has it: Python is unavailable, whatever this machine has installed. */
const NO_BWRAP = { bwrapPath: '/nonexistent/bwrap' };
const PY_SUM = 'def solve(nums: list[int]) -> int:\n    return sum(nums)\n';
const JS_SUM = 'function solve(nums) {\n  return nums.reduce((a, b) => a + b, 0);\n}\n';

let t: TestApp;
let admin = '';
beforeAll(async () => {
  t = await testApp({ sandbox: NO_BWRAP });
  admin = await adminCookie(t.app);
});
afterAll(() => t?.close());

async function startCandidate(app: TestApp) {
  const { tokens, attemptIds } = await inviteCandidates(app, ['Ada'], { languages: ['javascript', 'python'] });
  const cookie = await candidateCookie(app.app, tokens[0] as string);
  await app.app.inject({ method: 'POST', url: '/api/attempt/start', headers: { cookie } });
  return { cookie, attemptId: attemptIds[0] as string };
}

describe('availability is reported', () => {
  it('[A130] /api/health names each language: Python unavailable with what to install, JavaScript and TypeScript available', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    const { languages } = health.json();
    expect(languages.javascript).toEqual({ available: true });
    expect(languages.typescript).toEqual({ available: true });
    expect(languages.python.available).toBe(false);
    expect(languages.python.reason).toMatch(/Bubblewrap \(\/nonexistent\/bwrap\) is not installed; install them/);
  });

  it('[A130] the console settings show the same, with the reason', async () => {
    const settings = await t.app.inject({ method: 'GET', url: '/api/admin/settings', headers: { cookie: admin } });
    const python = settings.json().judge.languages.find((l: { id: string }) => l.id === 'python');
    expect(python).toMatchObject({ label: 'Python 3', runner: 'python', available: false });
    expect(python.reason).toMatch(/Bubblewrap .* is not installed/);
  });
});

describe('Python work is refused while unavailable', () => {
  it('[A131] a run and a submission in Python are a 503 with the reason; nothing is saved or queued; JavaScript still runs', async () => {
    const { cookie, attemptId } = await startCandidate(t);
    for (const [kind, body] of [
      ['runs', { language: 'python', code: PY_SUM }],
      ['submissions', { language: 'python', code: PY_SUM, idempotencyKey: 'py-submit-0001' }],
    ] as const) {
      const refused = await t.app.inject({
        method: 'POST',
        url: `/api/attempt/tasks/0/${kind}`,
        headers: { cookie },
        payload: body,
      });
      expect(refused.statusCode).toBe(503);
      expect(refused.json().error.code).toBe('API_ERR_LANGUAGE_UNAVAILABLE');
      expect(refused.json().error.message).toMatch(
        /^Python 3 cannot be run on this server right now\. Bubblewrap .* not installed; install them .* and restart\. Until then, choose another language$/,
      );
    }
    expect(await t.db.select().from(submissions).where(eq(submissions.attemptId, attemptId))).toEqual([]);
    expect(await t.db.select().from(taskCode).where(eq(taskCode.attemptId, attemptId))).toEqual([]);

    const js = await t.app.inject({
      method: 'POST',
      url: '/api/attempt/tasks/0/runs',
      headers: { cookie },
      payload: { language: 'javascript', code: JS_SUM },
    });
    expect(js.statusCode).toBe(202);
    await t.queue.idle();
    const [judged] = await t.db.select().from(submissions).where(eq(submissions.id, js.json().id));
    expect(judged?.verdict).toBe('accepted');
  });

  it('[A131] a pad cannot be made in, switched to or run in Python; a JavaScript pad is unaffected', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/pads',
      headers: { cookie: admin },
      payload: { title: 'ML pairing', language: 'python' },
    });
    expect(created.statusCode).toBe(503);
    expect(created.json().error.code).toBe('API_ERR_LANGUAGE_UNAVAILABLE');

    const pad = await createPad(t, admin);
    const { cookie } = await joinPad(t, pad.candidateLink);
    const switched = await t.app.inject({
      method: 'PUT',
      url: `/api/pads/${pad.id}/language`,
      headers: { cookie },
      payload: { language: 'python' },
    });
    expect(switched.statusCode).toBe(503);
    expect(switched.json().error.message).toMatch(/Bubblewrap .* not installed/);
    const ran = await t.app.inject({
      method: 'POST',
      url: `/api/pads/${pad.id}/runs`,
      headers: { cookie },
      payload: { language: 'python', code: 'print(1)' },
    });
    expect(ran.statusCode).toBe(503);
    expect(await t.db.select().from(padRuns).where(eq(padRuns.padId, pad.id))).toEqual([]);
    const view = await t.app.inject({ method: 'GET', url: `/api/pads/${pad.id}`, headers: { cookie } });
    expect(view.json().pad.language).toBe('javascript');

    const js = await t.app.inject({
      method: 'POST',
      url: `/api/pads/${pad.id}/runs`,
      headers: { cookie },
      payload: { language: 'javascript', code: 'function main() { return 42; }' },
    });
    expect(js.statusCode).toBe(202);
  });
});

describe('Python work that reaches a judge without Python', () => {
  it('[A132] the last saved Python code submitted at the deadline ends as internal_error with the reason, judged once', async () => {
    const { cookie, attemptId } = await startCandidate(t);
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/attempt/tasks/0/code',
      headers: { cookie },
      payload: { language: 'python', code: PY_SUM },
    });
    expect(saved.statusCode).toBe(200);
    t.advance(31 * 60_000);
    // A write after the deadline is refused, and finishes the attempt: its last saved code is submitted.
    const late = await t.app.inject({
      method: 'PUT',
      url: '/api/attempt/tasks/0/code',
      headers: { cookie },
      payload: { language: 'python', code: 'late' },
    });
    expect(late.statusCode).toBe(409);
    await t.queue.idle();
    const [row] = await t.db.select().from(submissions).where(eq(submissions.attemptId, attemptId));
    expect(row).toMatchObject({
      automatic: true,
      language: 'python',
      status: 'done',
      verdict: 'internal_error',
      tries: 1,
    });
    expect(row?.report?.message).toMatch(
      /^Python 3 cannot be judged on this server: Bubblewrap .* not installed.*This does not count against you/,
    );
  });

  it('[A132] a pad run in Python on a worker without Python stores the reason as its result, once', async () => {
    // The API believes Python works (its own machine has it); the judge's machine does not.
    const lying = await testApp({
      sandbox: NO_BWRAP,
      languages: { javascript: { available: true }, typescript: { available: true }, python: { available: true } },
    });
    try {
      const staff = await adminCookie(lying.app);
      const pad = await createPad(lying, staff, { language: 'python' });
      const ran = await lying.app.inject({
        method: 'POST',
        url: `/api/pads/${pad.id}/runs`,
        headers: { cookie: staff },
        payload: { language: 'python', code: 'def main():\n    return 1\n' },
      });
      expect(ran.statusCode).toBe(202);
      await lying.queue.idle();
      const [run] = await lying.db.select().from(padRuns).where(eq(padRuns.padId, pad.id));
      expect(run).toMatchObject({ status: 'done', tries: 1 });
      expect(run?.report?.verdict).toBe('internal_error');
      expect(run?.report?.message).toMatch(/^Python 3 cannot be judged on this server: .*bubblewrap/);
    } finally {
      await lying.close();
    }
  });
});
