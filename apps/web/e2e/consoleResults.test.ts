// Results, charts and attempt review in Chromium against a real Assay (issue 11 §4): an attempt seeded
// through the candidate's API (saves over time, runs, submissions, proctoring events with a paste), its
// review with playback and diff, a decision with a note, and a table of 10,000 attempts.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../api/src/db/schema.ts';
import { hashPassword } from '../../api/src/services/secrets.ts';
import { seedManyAttempts as seedMany, setSubmissionTime } from '../../api/test/seedResults.ts';
import { launchChromium } from './browser.ts';
import { shotBothThemes, signedInPage } from './consolePage.ts';
import { type AssayServer, startAssayServer } from './server.ts';

const SOLUTIONS = fileURLToPath(
  new URL('../../../packages/problems/packs/classics/number-of-islands/solutions/', import.meta.url),
);
const WRONG = readFileSync(`${SOLUTIONS}wrong_answer/diagonal-neighbours.js`, 'utf8');
const RIGHT = readFileSync(`${SOLUTIONS}accepted/bfs-shift-pairs.js`, 'utf8');
const FIRST_DRAFT = 'function numIslands(grid) {\n  // count the islands\n  return 0;\n}\n';

let server: AssayServer;
let browser: Browser;
let assessmentId = '';
let attemptId = '';
let emptyAssessmentId = '';
let bigAssessmentId = '';

/** The server's clock: the real one moved by what the test advanced. */
let offsetMs = 0;
const serverNow = () => new Date(Date.now() + offsetMs);
const advance = (ms: number) => {
  offsetMs += ms;
  server.advance(ms);
};

async function candidateSession(link: string) {
  const token = new URL(link).pathname.split('/a/')[1] as string;
  const session = await fetch(`${server.baseUrl}/api/invitations/${token}/session`, { method: 'POST' });
  const cookie = session.headers
    .getSetCookie()
    .find((c) => c.startsWith('assay_session='))
    ?.split(';')[0];
  if (!cookie) throw new Error(`no candidate session: ${session.status}`);
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${server.baseUrl}${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return call;
}

/**
 * A finished attempt as a candidate makes it: a first draft, a wrong answer run and submitted two
 * minutes later, a paste from outside, the right answer three minutes after that, and a tab switch.
 */
async function seedFinishedAttempt() {
  const link = await server.createInvitation({
    durationMinutes: 60,
    taskIds: ['classics/number-of-islands', 'classics/task-scheduler'],
    candidateName: 'Grace Hopper',
  });
  const call = await candidateSession(link);
  const started = await call<{ attempt: { id: string; startedAt: string } }>('POST', '/api/attempt/start');
  const id = started.attempt.id;
  const save = (position: number, code: string) =>
    call('PUT', `/api/attempt/tasks/${position}/code`, { language: 'javascript', code });
  // Submissions are timed by the database's clock, which `advance` does not move: set them to the server's.
  const judged = async (kind: 'runs' | 'submissions', body: Record<string, unknown>) => {
    const at = serverNow();
    const { id: submissionId } = await call<{ id: string }>('POST', `/api/attempt/tasks/0/${kind}`, {
      language: 'javascript',
      ...body,
    });
    for (let i = 0; i < 200; i++) {
      const s = await call<{ status: string }>('GET', `/api/attempt/submissions/${submissionId}`);
      if (s.status === 'done') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await setSubmissionTime(server.db, submissionId, at);
  };
  await save(0, FIRST_DRAFT);
  advance(2 * 60_000);
  await save(0, WRONG);
  await judged('runs', { code: WRONG });
  advance(20_000);
  await judged('submissions', { code: WRONG, idempotencyKey: 'e2e-results-wrong' });
  advance(60_000);
  const pasteAt = serverNow().toISOString();
  await call('POST', '/api/attempt/events', {
    events: [
      { type: 'tab_hidden', at: new Date(serverNow().getTime() - 30_000).toISOString() },
      { type: 'tab_visible', at: new Date(serverNow().getTime() - 20_000).toISOString() },
      { type: 'paste', at: pasteAt, detail: { length: RIGHT.length, fromOutside: true, into: 'editor' } },
    ],
  });
  advance(2 * 60_000);
  await save(0, RIGHT);
  await judged('submissions', { code: RIGHT, idempotencyKey: 'e2e-results-right' });
  advance(90_000);
  await save(1, 'function leastInterval(tasks, n) {\n  return -1;\n}\n');
  await call('POST', '/api/attempt/events', {
    events: [
      { type: 'window_blur', at: serverNow().toISOString() },
      { type: 'copy', at: serverNow().toISOString(), detail: { length: 14, from: 'editor' } },
    ],
  });
  advance(60_000);
  const finishedAt = serverNow();
  await call('POST', '/api/attempt/finish');
  const review = await adminCall<{ assessment: { id: string }; submissions: { id: string; automatic: boolean }[] }>(
    'GET',
    `/api/admin/attempts/${id}`,
  );
  for (const s of review.submissions.filter((s) => s.automatic)) await setSubmissionTime(server.db, s.id, finishedAt);
  return { attemptId: id, assessmentId: review.assessment.id };
}

async function adminCall<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { cookie: server.adminCookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A two-task assessment with 10,000 attempts seeded straight into the database. */
async function seedManyAttempts(n: number) {
  const { problems } = await adminCall<{ problems: { id: string; ref: string }[] }>('GET', '/api/admin/problems');
  const task = (ref: string) => problems.find((p) => p.ref === ref)?.id as string;
  const { id } = await adminCall<{ id: string }>('POST', '/api/admin/assessments', {
    title: 'Platform engineers, autumn intake',
    durationMinutes: 70,
    tasks: [
      { problemVersionId: task('classics/number-of-islands'), points: 100 },
      { problemVersionId: task('classics/task-scheduler'), points: 100 },
    ],
  });
  await seedMany(server.db, id, n);
  return id;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startAssayServer(), launchChromium()]);
  const began = Date.now();
  // Independent assessments: the judged attempt and the 10,000 seeded ones are made side by side.
  const [finished, many] = await Promise.all([seedFinishedAttempt(), seedManyAttempts(10_000)]);
  ({ attemptId, assessmentId } = finished);
  bigAssessmentId = many;
  const { problems } = await adminCall<{ problems: { id: string; ref: string }[] }>('GET', '/api/admin/problems');
  ({ id: emptyAssessmentId } = await adminCall<{ id: string }>('POST', '/api/admin/assessments', {
    title: 'Data scientists, spring intake',
    tasks: [{ problemVersionId: problems.find((p) => p.ref === 'ml-fundamentals/roc-auc')?.id }],
  }));
  console.info(`seeded in ${Date.now() - began} ms`);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const editorText = (page: Page, testId: string) =>
  page.evaluate(
    (id) => (document.querySelector(`[data-testid=${id}] .view-lines`) as HTMLElement | null)?.innerText ?? '',
    testId,
  );
const normalized = (text: string) => text.replaceAll('\u00a0', ' ').trim();

describe('results and review', () => {
  it('[W34] [W35] an assessment with no attempts says so in the table and every chart', async () => {
    const page = await signedInPage(
      browser,
      server.baseUrl,
      server.admin,
      `/admin/assessments/${emptyAssessmentId}/results`,
    );
    await page.getByTestId('assessment-results').waitFor();
    await expect(page.getByTestId('results-empty').textContent()).resolves.toMatch(/No one has been invited yet/);
    for (const chart of ['chart-scores', 'chart-tasks', 'chart-time', 'chart-activity'])
      await expect(page.getByTestId(chart).locator('.chart-empty').count()).resolves.toBe(1);
    await shotBothThemes(page, 'results-empty');
    await page.context().close();
  });

  it('[W34] [W35] one attempt: its row with score and breakdown, charts drawn, and the row opens the review', async () => {
    const page = await signedInPage(
      browser,
      server.baseUrl,
      server.admin,
      `/admin/assessments/${assessmentId}/results`,
    );
    await page.getByTestId('assessment-results').waitFor();
    const row = page.locator('tr.results-item');
    await expect(row.count()).resolves.toBe(1);
    await expect(row.textContent()).resolves.toContain('Grace Hopper');
    // Four charts, drawn by uPlot (a canvas each), none of them empty.
    await expect(page.locator('.uchart canvas').count()).resolves.toBe(4);
    await row.locator('.score-cell').hover();
    await expect(page.getByRole('tooltip').textContent()).resolves.toMatch(/Number of Islands/i);
    await page.mouse.move(0, 0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shotBothThemes(page, 'results-one');
    await expect(page.getByTestId('export-csv').getAttribute('href')).resolves.toBe(
      `/api/admin/assessments/${assessmentId}/results.csv`,
    );
    await row.click();
    await page.waitForURL(`${server.baseUrl}/admin/attempts/${attemptId}`);
    await page.getByTestId('attempt-review').waitFor();
    await page.context().close();
  });

  it('[W36] [W37] [W38] the review: score, timeline, tests of a submission, playback scrubbed to a moment, a diff, and a decision', async () => {
    const page = await signedInPage(browser, server.baseUrl, server.admin, `/admin/attempts/${attemptId}`);
    await page.getByTestId('attempt-review').waitFor();
    await expect(page.getByTestId('review-score').textContent()).resolves.toBe('100');
    // Every run and submission on the timeline, the proctoring events on the same axis.
    await expect(page.getByTestId('timeline').locator('.timeline-sub').count()).resolves.toBe(4);
    await expect(page.getByTestId('proctoring-lane').locator('.timeline-event').count()).resolves.toBe(5);
    await expect(page.getByTestId('event-list').textContent()).resolves.toMatch(
      new RegExp(`Pasted ${RIGHT.length.toLocaleString('en-US')} characters from outside the page`),
    );
    // The final code, then a submission opened from the timeline shows its tests.
    await page.locator('[data-testid=final-editor] .view-lines').waitFor();
    await expect(editorText(page, 'final-editor').then(normalized)).resolves.toContain('const queue = [[r, c]];');
    await page.getByRole('button', { name: /^Submission of task 1 at \+2:2\d/ }).click();
    await expect(page.locator('.submission-item.open .test-table tbody tr').count()).resolves.toBeGreaterThan(3);
    await expect(page.locator('.submission-item.open').textContent()).resolves.toMatch(/Wrong answer/i);
    await shotBothThemes(page, 'review');

    // Playback: at 1:00 the first draft was the code; at 2:50 the wrong answer (saved at 2:00, run, and
    // submitted at 2:20, which may share a 30 s history window with the save: [A42]); at the end the right one.
    await page.getByRole('tab', { name: 'Playback' }).click();
    await page.locator('[data-testid=playback-editor] .view-lines').waitFor();
    const scrub = (seconds: number) =>
      page.getByLabel('Playback position').evaluate((input, value) => {
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
        setter?.call(input, String(value));
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }, seconds * 1000);
    await scrub(60);
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=playback-where]')?.textContent?.startsWith('+1:00'),
    );
    // The label moves first; the editor shows that moment's code once its model is swapped.
    await expect
      .poll(() => editorText(page, 'playback-editor').then(normalized), { timeout: 10_000 })
      .toBe(normalized(FIRST_DRAFT));
    await scrub(170);
    await page.waitForFunction(() =>
      document
        .querySelector('[data-testid=playback-editor] .view-lines')
        ?.textContent?.replaceAll('\u00a0', ' ')
        .includes('touching at a corner'),
    );
    await expect(page.getByTestId('playback-where').textContent()).resolves.toMatch(/snapshot [23] of [34]/);
    // The next marker after 2:50 is the paste, a minute after the submission (and its judging).
    await page.getByRole('button', { name: 'Marker ▶' }).click();
    await expect(page.getByTestId('playback-where').textContent()).resolves.toMatch(/^\+3:[2-3]\d/);
    await shotBothThemes(page, 'playback');
    // Play at 32× reaches the end and shows the final code.
    await page.getByLabel('Playback speed').selectOption('32');
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid=playback-editor] .view-lines')?.textContent?.includes('queue.shift()'),
      undefined,
      { timeout: 15_000 },
    );

    // The diff between the two submissions.
    await page.getByRole('tab', { name: 'Compare submissions' }).click();
    await page.getByTestId('submission-diff').locator('.editor.original .view-lines').waitFor();
    // Each side from its top (the editor draws only the lines in its view): the wrong and the right answer.
    const side = (which: string) =>
      page
        .getByTestId('submission-diff')
        .locator(`.editor.${which} .view-lines:not(.line-delete):not(.line-insert)`)
        .textContent();
    await expect.poll(() => side('original'), { timeout: 15_000 }).toContain('corner');
    await expect.poll(() => side('modified'), { timeout: 15_000 }).toContain('Breadth-first');
    // Monaco computes the diff after it paints both sides: wait for the inserted lines it marks.
    await page
      .locator('[data-testid=submission-diff] .line-insert, [data-testid=submission-diff] .char-insert')
      .first()
      .waitFor();

    // A decision with a note, kept across a reload.
    await page.getByLabel('Advance').check();
    await page
      .getByLabel('Notes')
      .fill('Found the BFS after one wrong answer; pasted the final version from outside: ask about it.');
    await page.getByRole('button', { name: 'Save review' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid=review-status]')?.textContent === 'Saved.');
    await page.reload();
    await page.getByTestId('attempt-review').waitFor();
    await expect(page.getByLabel('Notes').inputValue()).resolves.toMatch(/^Found the BFS/);
    await expect(page.getByTestId('review-status').textContent()).resolves.toMatch(/Last saved by/);
    await expect(page.locator('.page-header [data-decision]').getAttribute('data-decision')).resolves.toBe('advance');
    await page.context().close();
  });

  it('[W38] an interviewer reviews too: changes the decision, and the results table shows it', async () => {
    const interviewer = { email: 'interviewer@example.com', password: 'interviewer password 1' };
    await server.db.insert(users).values({
      email: interviewer.email,
      name: 'Ivy Interviewer',
      role: 'interviewer',
      passwordHash: await hashPassword(interviewer.password),
    });
    const page = await signedInPage(browser, server.baseUrl, interviewer, `/admin/attempts/${attemptId}`);
    await page.getByTestId('attempt-review').waitFor();
    await page.getByLabel('Reject').check();
    await page.getByRole('button', { name: 'Save review' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid=review-status]')?.textContent === 'Saved.');
    await page.getByRole('link', { name: 'E2E assessment 1' }).click();
    await page.getByTestId('assessment-results').waitFor();
    await expect(page.locator('tr.results-item [data-decision]').getAttribute('data-decision')).resolves.toBe('reject');
    await page.context().close();
  });

  it('[W34] 10,000 attempts: the table renders, sorts, filters, searches and scrolls', async () => {
    const page = await signedInPage(browser, server.baseUrl, server.admin, '/admin/results');
    await page.getByTestId('results-overview').waitFor();
    await shotBothThemes(page, 'results-overview');
    const asked = Date.now();
    await adminCall('GET', `/api/admin/assessments/${bigAssessmentId}/results`);
    console.info(`10,000 attempts: the API answered in ${Date.now() - asked} ms`);
    const began = Date.now();
    await page.goto(`${server.baseUrl}/admin/assessments/${bigAssessmentId}/results`);
    await page.locator('tr.results-item').first().waitFor();
    console.info(`10,000 attempts: first render ${Date.now() - began} ms after navigation`);
    await expect(page.getByTestId('results-count').textContent()).resolves.toBe('10,000 attempts');
    // Virtualized: only the rows in view (and a few around) are in the page.
    await expect(page.locator('tr.results-item').count()).resolves.toBeLessThan(60);
    await page.getByTestId('results-body').evaluate((body) => {
      body.scrollTop = body.scrollHeight;
    });
    await page.waitForFunction(() =>
      [...document.querySelectorAll('tr.results-item')].some((r) => r.textContent?.includes('Candidate 10000')),
    );
    // Sorted by score, highest first.
    await page.getByTestId('results-body').evaluate((body) => {
      body.scrollTop = 0;
    });
    while ((await page.locator('th.col-score').getAttribute('aria-sort')) !== 'descending')
      await page.locator('th.col-score button').click();
    const top = await page.locator('tr.results-item[aria-rowindex="2"] .score-cell strong').textContent();
    expect(Number(top)).toBe(200);
    await page.getByLabel('Decision').selectOption('advance');
    await expect(page.getByTestId('results-count').textContent()).resolves.toMatch(/^\d[\d,]* of 10,000 attempts$/);
    await page.getByLabel('Decision').selectOption('');
    await page.getByLabel('Search candidates').fill('candidate4242@');
    await expect(page.getByTestId('results-count').textContent()).resolves.toBe('1 of 10,000 attempts');
    await page.getByLabel('Search candidates').fill('');
    await expect(page.locator('.uchart canvas').count()).resolves.toBe(4);
    // Typing in the search scrolled the window to it: screenshot the page from its top.
    await page.evaluate(() => window.scrollTo(0, 0));
    await shotBothThemes(page, 'results-many');
    await page.context().close();
  });
});
