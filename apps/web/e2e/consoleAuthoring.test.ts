// Problem authoring in Chromium against a real Assay: an admin writes a problem from scratch in the
// browser, sees validation by the real judge fail and then pass, and publishes it ([W26]–[W29]).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { openSection, saved, setEditor, shotBothThemes, signedInPage } from './consolePage.ts';
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

/** The Python reference: validation asks for one in every language the judge offers. */
const REFERENCE_PY =
  '# @idiomatic\nfrom typing import List\n\n\ndef sumSquares(nums: List[int]) -> int:\n    return sum(n * n for n in nums)\n';
const STATEMENT = `# Sum of Squares

Given an array of integers \`nums\`, return the sum of their squares.

## Examples

\`\`\`
Input: nums = [1,2,3]
Output: 14
\`\`\`

\`\`\`
Input: nums = []
Output: 0
\`\`\`

## Constraints

- \`0 <= nums.length <= 1000\`

**Limits:** 200 ms of CPU time per test, 128 MB of memory.
`;

const HIDDEN = Array.from({ length: 10 }, (_, i) => ({
  args: [Array.from({ length: 3 + i * 7 }, (_, j) => ((j * 5 + i) % 21) - 10)],
}));

describe('problem authoring', () => {
  it('[W26] [W27] [W28] [W29] an admin writes a problem from scratch, sees validation fail then pass, and publishes it', async () => {
    const page = await signedInPage(browser, server.baseUrl, server.admin, '/admin/problems/drafts');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
    await page.getByText('No drafts yet.').waitFor();
    await shotBothThemes(page, 'authoring-drafts-empty');
    await page.getByRole('link', { name: 'New problem' }).click();
    await page.waitForURL(/\/admin\/problems\/drafts\/[0-9a-f-]{36}$/);
    await page.getByTestId('draft-editor').waitFor();

    // Details.
    await page.getByLabel('Title').fill('Sum of Squares');
    await page.getByRole('button', { name: 'From title' }).click();
    await page.getByLabel('Difficulty').selectOption('easy');
    await page.getByLabel('Tags').fill('arrays, math');
    await saved(page);
    await expect(page.getByText('custom/sum-of-squares').first().isVisible()).resolves.toBe(true);
    await shotBothThemes(page, 'authoring-details');

    // Signature: checked with the judge's grammar as it is typed.
    await openSection(page, 'Signature');
    await page.getByLabel('Function name').fill('sumSquares');
    await page.getByLabel('Parameter 1 type').fill('int[[');
    await expect(page.getByTestId('param-0-type-error').textContent()).resolves.toMatch(/invalid type "int\[\["/);
    await shotBothThemes(page, 'authoring-signature-error');
    await page.getByLabel('Parameter 1 type').fill('int[]');
    await page.getByLabel('Return type').fill('int');
    await expect(page.getByTestId('signature-preview').textContent()).resolves.toBe(
      'function sumSquares(nums: number[]): number',
    );

    // Checker and limits.
    await openSection(page, 'Checker & limits');
    await page.getByLabel('CPU time per test (ms)').fill('200');
    await shotBothThemes(page, 'authoring-checker');

    // Statement, with its live preview.
    await openSection(page, 'Statement');
    await setEditor(page, 'statement', STATEMENT);
    await page.getByTestId('statement-preview').getByRole('heading', { name: 'Sum of Squares' }).waitFor();
    await saved(page);
    await shotBothThemes(page, 'authoring-statement');

    // Tests: one added by hand (wrong at first: the check names the argument), two pasted, ten imported.
    await openSection(page, 'Tests');
    await page.getByLabel('New tests are').selectOption('sample');
    await page.getByRole('button', { name: 'Add test' }).click();
    await page.getByLabel('Arguments of sample-1', { exact: true }).fill('[["x"]]');
    await page.getByLabel('Expected of sample-1', { exact: true }).fill('14');
    await page
      .getByTestId('test-sample-1')
      .getByText('args[0] (nums)[0]: expected number but found the string "x"')
      .waitFor();
    await page.getByLabel('Arguments of sample-1', { exact: true }).fill('[[1,2,3]]');
    await page.getByRole('button', { name: 'Paste JSON' }).click();
    await page.getByLabel('Tests as JSON').fill('[{"args": [[]], "expected": 0}, {"args": [[-2, 5]], "expected": 29}]');
    await page.getByRole('button', { name: 'Add sample tests' }).click();
    await page.getByLabel('New tests are').selectOption('hidden');
    await page.getByLabel('Import files').setInputFiles({
      name: 'hidden.jsonl',
      mimeType: 'application/json',
      buffer: Buffer.from(HIDDEN.map((t) => JSON.stringify(t)).join('\n')),
    });
    await page.getByRole('tab', { name: /^All 13/ }).waitFor();
    // Five more from a generator, run in the judge's sandbox.
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    await page.locator('[data-testid$="-generator"] .monaco-editor .view-lines').waitFor();
    await shotBothThemes(page, 'authoring-generator');
    await page.getByRole('button', { name: 'Run and add hidden tests' }).click();
    await page.getByRole('tab', { name: /^All 18/ }).waitFor();
    await saved(page);
    await page
      .getByTestId('test-sample-1')
      .getByText(/expected number/)
      .waitFor({ state: 'detached' });
    await shotBothThemes(page, 'authoring-tests');

    // Solutions: references in every language and one known-bad, but no too-slow one yet.
    await openSection(page, 'Solutions');
    await page.getByRole('button', { name: /^reference\.js/ }).click();
    await setEditor(
      page,
      'solution-0',
      '// @idiomatic\nfunction sumSquares(nums) {\nlet total = 0;\nfor (const n of nums) total += n * n;\nreturn total;\n}\n',
    );
    await page.getByRole('button', { name: /^reference\.ts/ }).click();
    await setEditor(
      page,
      'solution-1',
      'function sumSquares(nums: number[]): number {\nreturn nums.reduce((s, n) => s + n * n, 0);\n}\n',
    );
    await page.getByRole('button', { name: /^reference\.py/ }).click();
    await setEditor(page, 'solution-2', REFERENCE_PY);
    await page.getByRole('button', { name: 'Add known-bad' }).click();
    await setEditor(page, 'solution-3', 'function sumSquares(nums) {\nreturn nums.reduce((s, n) => s + n, 0);\n}\n');
    await saved(page);
    await shotBothThemes(page, 'authoring-solutions');

    // Expected outputs of the hidden tests come from the reference.
    await page.getByRole('button', { name: 'Compute expected outputs' }).click();
    await openSection(page, 'Tests');
    await page.getByTestId('tests-table').waitFor();
    await expect
      .poll(() => page.getByLabel('Expected of hidden-1', { exact: true }).inputValue(), { timeout: 20_000 })
      .toBe(String(HIDDEN[0]?.args[0]?.reduce((s, n) => s + n * n, 0)));

    // Validation fails, and says which rule and where; Publish stays off with the reasons.
    await page.getByRole('button', { name: 'Validate', exact: true }).click();
    await page
      .getByTestId('validation-summary')
      .getByText(/Validation failed/)
      .waitFor({ timeout: 60_000 });
    const rules = await page.getByTestId('validation-issues').textContent();
    expect(rules).toMatch(/solutions\/time_limit.*needs at least one too-slow solution/);
    expect(rules).toMatch(/statement\.md.*sample sample-3 is not among the examples/);
    await expect(page.getByRole('button', { name: 'Publish' }).isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId('publish-blockers').textContent()).resolves.toMatch(/too-slow solution/);
    await shotBothThemes(page, 'authoring-validation-failed');

    // The statement tab offers the missing example, written as Validate asks.
    await openSection(page, 'Statement');
    await page.getByTestId('statement-fixes').waitFor();
    await shotBothThemes(page, 'authoring-statement-fix');
    await page.getByRole('button', { name: 'Insert the example' }).click();
    await page.getByTestId('statement-fixes').waitFor({ state: 'detached' });
    await page.getByTestId('statement-preview').getByText('Input: nums = [-2,5]').waitFor();

    // A too-slow solution, then validation passes with the whole grid.
    await openSection(page, 'Solutions');
    await page.getByRole('button', { name: 'Add known-bad' }).click();
    await page.getByLabel('Declared verdict').selectOption('time_limit');
    await setEditor(page, 'solution-4', 'function sumSquares(nums) {\nfor (;;) {}\n}\n');
    await saved(page);
    await page.getByRole('button', { name: 'Validate', exact: true }).click();
    await page.getByTestId('validation-summary').getByText('Validation passed').waitFor({ timeout: 60_000 });
    const grid = page.getByTestId('validation-grid');
    await expect(grid.locator('tbody tr').count()).resolves.toBe(5);
    await expect(grid.locator('thead th.grid-test').count()).resolves.toBe(18);
    await shotBothThemes(page, 'authoring-validation-grid');

    // Publish: a new version, listed in the library.
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByTestId('published').waitFor();
    const href = await page
      .getByTestId('published')
      .getByRole('link', { name: 'Open the version' })
      .getAttribute('href');
    const versionId = href?.split('/').pop();
    const response = await fetch(`${server.baseUrl}/api/admin/problems`, { headers: { cookie: server.adminCookie } });
    const { problems } = (await response.json()) as { problems: { id: string; ref: string; title: string }[] };
    expect(problems).toContainEqual(expect.objectContaining({ id: versionId, ref: 'custom/sum-of-squares' }));
    await shotBothThemes(page, 'authoring-published');

    await page.goto(`${server.baseUrl}/admin/problems/drafts`);
    await page.getByTestId('drafts-table').getByText('Sum of Squares').waitFor();
    await shotBothThemes(page, 'authoring-drafts');
    await page.context().close();
  }, 180_000);

  it('[W26] an interviewer may look at a draft but not change, validate or publish it', async () => {
    const interviewer = { email: 'ivy@example.com', password: 'interviewer password 1' };
    const admin = { cookie: server.adminCookie, 'content-type': 'application/json' };
    const added = await fetch(`${server.baseUrl}/api/admin/team`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ name: 'Ivy Interviewer', role: 'interviewer', ...interviewer }),
    });
    expect(added.status, await added.clone().text()).toBe(201);
    const { drafts } = (await (
      await fetch(`${server.baseUrl}/api/admin/problem-drafts`, { headers: admin })
    ).json()) as { drafts: { id: string }[] };
    const page = await signedInPage(browser, server.baseUrl, interviewer, `/admin/problems/drafts/${drafts[0]?.id}`);
    await page.getByTestId('read-only').waitFor();
    await expect(page.getByRole('button', { name: 'Validate', exact: true }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Publish' }).count()).resolves.toBe(0);
    await expect(page.getByLabel('Title').isDisabled()).resolves.toBe(true);
    await openSection(page, 'Tests');
    await expect(page.getByRole('button', { name: 'Paste JSON' }).count()).resolves.toBe(0);
    await expect(page.getByLabel('Arguments of sample-1', { exact: true }).isDisabled()).resolves.toBe(true);
    await shotBothThemes(page, 'authoring-interviewer');
    await page.context().close();
  });

  it('[W26] an admin deletes a draft after confirming, and it leaves the list', async () => {
    const page = await signedInPage(browser, server.baseUrl, server.admin, '/admin/problems/drafts/new');
    await page.waitForURL(/\/admin\/problems\/drafts\/[0-9a-f-]{36}$/);
    await page.getByLabel('Title').fill('Scratch problem');
    await saved(page);
    await page.getByRole('button', { name: 'Delete draft' }).click();
    await page.getByTestId('dialog-confirm').click();
    await page.waitForURL(/\/admin\/problems\/drafts$/);
    await page.getByTestId('drafts-table').waitFor();
    await expect(page.getByText('Scratch problem').count()).resolves.toBe(0);
    await page.context().close();
  });
});
