// Issue 11 §5, as one story in Chromium against a real Assay: an admin authors a problem from scratch,
// sees validation by the real judge fail and then pass, publishes it, builds an assessment with it and
// a built-in problem, bulk-invites from a CSV with one bad row; a candidate takes the assessment; the
// admin reviews the attempt (score, per-test verdicts, proctoring timeline, playback scrubbed to a
// moment showing the code as it was then). An interviewer is refused the team page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { openSection, saved, setEditor, signedInPage } from './consolePage.ts';
import { type AssayServer, startAssayServer } from './server.ts';

let server: AssayServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startAssayServer(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const SAMPLES = [
  { args: [[3, -1, 4]], expected: 2 },
  { args: [[]], expected: 0 },
  { args: [[-5, -2]], expected: 0 },
];
// No zero among them at first: a solution that counts `n >= 0` passes them all.
const HIDDEN = Array.from({ length: 15 }, (_, i) => ({
  args: [Array.from({ length: 4 + i * 5 }, (_, j) => (((j * 7 + i * 3) % 19) + 1) * (j % 3 === 0 ? -1 : 1))],
}));
const STATEMENT = `# Count Positives

Given an array of integers \`nums\`, return how many of them are strictly greater than zero.

## Examples

\`\`\`
Input: nums = [3,-1,4]
Output: 2
\`\`\`

\`\`\`
Input: nums = []
Output: 0
\`\`\`

\`\`\`
Input: nums = [-5,-2]
Output: 0
\`\`\`

## Constraints

- \`0 <= nums.length <= 1000\`; zero is not positive.

**Limits:** 200 ms of CPU time per test, 128 MB of memory.
`;
const REFERENCE_JS =
  '// @idiomatic\nfunction countPositives(nums) {\nlet count = 0;\nfor (const n of nums) if (n > 0) count++;\nreturn count;\n}\n';
const REFERENCE_TS = 'function countPositives(nums: number[]): number {\nreturn nums.filter((n) => n > 0).length;\n}\n';
const REFERENCE_PY =
  '# @idiomatic\nfrom typing import List\n\n\ndef countPositives(nums: List[int]) -> int:\n    return sum(1 for n in nums if n > 0)\n';
const NON_NEGATIVE = 'function countPositives(nums) {\nreturn nums.filter((n) => n >= 0).length;\n}\n';
const FIRST_DRAFT = 'function countPositives(nums) {\n  // TODO\n  return 0;\n}\n';
const FINAL = 'function countPositives(nums) {\n  return nums.filter((n) => n > 0).length;\n}\n';

async function pasteTests(page: Page, kind: 'sample' | 'hidden', tests: unknown[]) {
  await page.getByLabel('New tests are').selectOption(kind);
  await page.getByRole('button', { name: 'Paste JSON' }).click();
  await page.getByLabel('Tests as JSON').fill(JSON.stringify(tests));
  await page.getByRole('button', { name: `Add ${kind} tests` }).click();
}

async function validate(page: Page, outcome: RegExp) {
  await page.getByRole('button', { name: 'Validate', exact: true }).click();
  await page.getByTestId('validation-summary').getByText(outcome).waitFor({ timeout: 90_000 });
}

/** The candidate's editor shows `code` once its first line is on screen. */
async function typeCode(page: Page, code: string) {
  await page.locator('[data-testid=editor] .view-lines').click();
  await page.evaluate((text) => navigator.clipboard.writeText(text), code);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await page.waitForFunction(
    (line) => document.querySelector('[data-testid=editor] .view-lines')?.textContent?.includes(line),
    (code.split('\n')[1] ?? '').trim().replaceAll(' ', '\u00a0'),
  );
}

async function savedCode(page: Page): Promise<string | undefined> {
  const view = (await (await page.request.get(`${server.baseUrl}/api/attempt`)).json()) as {
    tasks: { code: { javascript?: string } }[];
  };
  return view.tasks[0]?.code.javascript;
}

describe('the staff console, end to end', () => {
  it('[W20] [W21] [W26] [W28] [W29] [W30] [W33] [W34] [W36] [W37] an admin authors, publishes, builds, invites; a candidate takes it; the admin reviews', async () => {
    const admin = await signedInPage(browser, server.baseUrl, server.admin, '/admin/problems');
    await admin.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });

    // 1. A new problem, written in the browser.
    await admin.getByRole('link', { name: 'New problem' }).click();
    await admin.waitForURL(/\/admin\/problems\/drafts\/[0-9a-f-]{36}$/);
    await admin.getByTestId('draft-editor').waitFor();
    await admin.getByLabel('Title').fill('Count Positives');
    await admin.getByRole('button', { name: 'From title' }).click();
    await admin.getByLabel('Difficulty').selectOption('easy');
    await admin.getByLabel('Tags').fill('arrays');
    await openSection(admin, 'Signature');
    await admin.getByLabel('Function name').fill('countPositives');
    await admin.getByLabel('Return type').fill('int');
    await openSection(admin, 'Checker & limits');
    await admin.getByLabel('CPU time per test (ms)').fill('200');
    await openSection(admin, 'Statement');
    await setEditor(admin, 'statement', STATEMENT);
    await openSection(admin, 'Tests');
    await pasteTests(admin, 'sample', SAMPLES);
    await pasteTests(admin, 'hidden', HIDDEN);
    await openSection(admin, 'Solutions');
    await admin.getByRole('button', { name: /^reference\.js/ }).click();
    await setEditor(admin, 'solution-0', REFERENCE_JS);
    await admin.getByRole('button', { name: /^reference\.ts/ }).click();
    await setEditor(admin, 'solution-1', REFERENCE_TS);
    await admin.getByRole('button', { name: /^reference\.py/ }).click();
    await setEditor(admin, 'solution-2', REFERENCE_PY);
    await admin.getByRole('button', { name: 'Add known-bad' }).click();
    await setEditor(admin, 'solution-3', NON_NEGATIVE);
    await admin.getByRole('button', { name: 'Add known-bad' }).click();
    await admin.getByLabel('Declared verdict').last().selectOption('time_limit');
    await setEditor(admin, 'solution-4', 'function countPositives(nums) {\nfor (;;) {}\n}\n');
    await saved(admin);
    await admin.getByRole('button', { name: 'Compute expected outputs' }).click();
    await openSection(admin, 'Tests');
    await expect
      .poll(() => admin.getByLabel('Expected of hidden-1', { exact: true }).inputValue(), { timeout: 30_000 })
      .toBe(String(HIDDEN[0]?.args[0]?.filter((n) => n > 0).length));
    await saved(admin);

    // 2. Validation fails: no test has a zero, so the `>= 0` solution is accepted. The page says so.
    await validate(admin, /Validation failed/);
    await expect(admin.getByTestId('validation-issues').textContent()).resolves.toMatch(
      /expected wrong_answer.*got accepted/,
    );
    await expect(admin.getByRole('button', { name: 'Publish' }).isDisabled()).resolves.toBe(true);

    // A hidden test with zeros, its expected output from the reference; now validation passes.
    await openSection(admin, 'Tests');
    await pasteTests(admin, 'hidden', [{ args: [[0, 0, 5, -1, 0]] }]);
    await admin.getByRole('button', { name: 'Compute expected outputs' }).click();
    await expect
      .poll(() => admin.getByLabel('Expected of hidden-16', { exact: true }).inputValue(), { timeout: 30_000 })
      .toBe('1');
    await saved(admin);
    await validate(admin, /Validation passed/);
    await admin.getByRole('button', { name: 'Publish' }).click();
    await admin.getByTestId('published').waitFor();

    // 3. An assessment with it and a built-in problem.
    await admin.getByRole('link', { name: 'Assessments', exact: true }).first().click();
    await admin.getByRole('link', { name: 'New assessment' }).click();
    await admin.getByTestId('assessment-builder').waitFor();
    await admin.getByLabel('Title').fill('Junior engineer screen');
    await admin.getByRole('button', { name: '+ Add task from library' }).click();
    const search = admin.getByLabel('Search the problem library');
    await search.fill('count positives');
    await admin.getByRole('button', { name: 'Add Count Positives' }).click();
    await search.fill('islands');
    await admin.getByRole('button', { name: 'Add Number of Islands' }).click();
    await admin.getByRole('button', { name: 'Done' }).click();
    await admin.getByRole('button', { name: 'Create assessment' }).click();
    await admin.getByTestId('assessment-detail').waitFor();
    const assessmentId = admin.url().split('/').at(-1) as string;

    // 4. Bulk invitations from a CSV with one bad row: the row is named, skipped, the others invited.
    await admin.getByRole('button', { name: 'Bulk invite (CSV)' }).click();
    const csv = 'name,email\nAda Lovelace,ada@example.com\nBad Row,not-an-email\nAlan Turing,alan@example.com\n';
    await admin
      .getByTestId('csv-file')
      .setInputFiles({ name: 'cohort.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    // The file is read into the page before the list is checked.
    await expect.poll(() => admin.getByTestId('csv-text').inputValue()).toContain('not-an-email');
    await admin.getByRole('button', { name: 'Check the list' }).click();
    await admin.getByTestId('csv-preview').waitFor();
    await expect(admin.getByTestId('csv-row-error').allTextContents()).resolves.toEqual([
      '"not-an-email" is not an email address',
    ]);
    await admin.getByRole('button', { name: 'Skip 1 bad row and invite 2' }).click();
    await admin.getByTestId('bulk-done').waitFor();
    await admin.getByRole('button', { name: 'Close' }).click();
    await expect(admin.getByTestId('invitation-row').count()).resolves.toBe(2);
    const listed = await admin.evaluate(
      async (url) => (await (await fetch(url)).json()).invitations as { link: string }[],
      `/api/admin/assessments/${assessmentId}/invitations?q=ada`,
    );
    const link = new URL(new URL(listed[0]?.link as string).pathname, server.baseUrl).href;

    // 5. Ada takes it: a first draft, two minutes later the answer pasted from outside, submitted, finished.
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
    const candidate = await context.newPage();
    await candidate.goto(link);
    await candidate.getByTestId('consent').check();
    await candidate.getByTestId('continue').click();
    await candidate.locator('[data-testid=check-connection].check-ok').waitFor();
    await candidate.getByTestId('start').click();
    await candidate.locator('[data-testid=editor] .monaco-editor .view-lines').waitFor();
    await typeCode(candidate, FIRST_DRAFT);
    await expect.poll(() => savedCode(candidate), { timeout: 15_000 }).toBe(FIRST_DRAFT);
    server.advance(2 * 60_000);
    await typeCode(candidate, FINAL);
    await expect.poll(() => savedCode(candidate), { timeout: 15_000 }).toBe(FINAL);
    await candidate.getByTestId('submit').click();
    await expect(candidate.getByTestId('submission-result').innerText()).resolves.toMatch(/Accepted/);
    await candidate.getByTestId('finish').click();
    await candidate.getByTestId('dialog-confirm').click();
    await candidate.getByTestId('finished').waitFor();
    await context.close();

    // 6. The admin reviews: the score, the submission's tests, the paste on the proctoring lane, and
    // playback at one minute showing the first draft, as it was then.
    await admin.goto(`${server.baseUrl}/admin/assessments/${assessmentId}/results`);
    const row = admin.locator('tr.results-item', { hasText: 'Ada Lovelace' });
    await row.waitFor();
    await row.click();
    await admin.getByTestId('attempt-review').waitFor();
    await expect(admin.getByTestId('review-score').textContent()).resolves.toBe('100');
    await expect(admin.getByTestId('event-list').textContent()).resolves.toMatch(/Pasted \d+ characters/);
    await admin
      .getByRole('button', { name: /^Submission of task 1/ })
      .first()
      .click();
    const tests = admin.locator('.submission-item.open .test-table tbody tr');
    await expect(tests.count()).resolves.toBe(19);
    await expect(admin.locator('.submission-item.open').textContent()).resolves.toMatch(/Accepted/);
    await admin.getByRole('tab', { name: 'Playback' }).click();
    await admin.locator('[data-testid=playback-editor] .view-lines').waitFor();
    await admin.getByLabel('Playback position').evaluate((input) => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, '60000');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await admin.waitForFunction(() =>
      document.querySelector('[data-testid=playback-where]')?.textContent?.startsWith('+1:00'),
    );
    await admin.waitForFunction(() =>
      document.querySelector('[data-testid=playback-editor] .view-lines')?.textContent?.includes('TODO'),
    );
    await admin.context().close();

    // 7. An interviewer reads results but is refused the team page.
    const added = await fetch(`${server.baseUrl}/api/admin/team`, {
      method: 'POST',
      headers: { cookie: server.adminCookie, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Ivy Interviewer',
        email: 'ivy@example.com',
        role: 'interviewer',
        password: 'interviewer password',
      }),
    });
    expect(added.status).toBe(201);
    const interviewer = await signedInPage(
      browser,
      server.baseUrl,
      { email: 'ivy@example.com', password: 'interviewer password' },
      '/admin/team',
    );
    await interviewer.getByTestId('not-allowed').waitFor();
    await interviewer.context().close();
  }, 300_000);
});
