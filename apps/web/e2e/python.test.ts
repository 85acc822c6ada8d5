// Python in the browser (issue 13), in Debian's Chromium against a real Assay (API, database, the
// in-process judge with its Python sandbox, built web app): a candidate picks Python, sees its starter
// highlighted, runs the samples and custom input, submits and is accepted; a pad switched to Python runs
// its program and both participants see the run. Screenshots, light and dark, in
// apps/web/test-output/screenshots.
import { mkdirSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PadSummary } from '@assay/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { launchChromium } from './browser.ts';
import { signedInPage } from './consolePage.ts';
import { type AssayServer, startAssayServer } from './server.ts';

const PACKS = fileURLToPath(new URL('../../../packages/problems/packs/', import.meta.url));
const SHOTS = fileURLToPath(new URL('../test-output/screenshots/', import.meta.url));
const VIEWPORT = { width: 1440, height: 900 };

// What a candidate writes in Python: the counting formula, with numpy as ML candidates use it.
const SCHEDULER_PY = `from collections import Counter

import numpy as np


def leastInterval(tasks: list[str], n: int) -> int:
    counts = np.array(list(Counter(tasks).values()))
    top = int(counts.max())
    tied = int((counts == top).sum())
    print('distinct tasks:', len(counts))
    return max(len(tasks), (top - 1) * (n + 1) + tied)
`;

let server: AssayServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [server, browser] = await Promise.all([startAssayServer(), launchChromium()]);
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await server?.close();
});

async function newContext(): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    colorScheme: 'light',
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  contexts.push(context);
  return context;
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { cookie: server.adminCookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** The text of an editor, line by line in the order Monaco places them (its DOM order is not the text's). */
const screenCode = (page: Page, testId: string) =>
  page.evaluate((id) => {
    const lines = [...document.querySelectorAll(`[data-testid="${id}"] .view-line`)] as HTMLElement[];
    return lines
      .sort((a, b) => Number.parseFloat(a.style.top) - Number.parseFloat(b.style.top))
      .map((l) => (l.textContent ?? '').replaceAll('\u00a0', ' '))
      .join('\n');
  }, testId);

/**
 * Whether the editor colours Python: the token `def` and the function's name are drawn in different
 * colours, which only a tokenizer for Python does (plain text draws every word alike).
 */
const pythonColoured = (page: Page, testId: string, name: string) =>
  page.evaluate(
    async ({ id, fn }) => {
      // Monaco tokenizes in idle time and paints in animation frames: let a frame pass first.
      await new Promise((resolve) => {
        requestAnimationFrame(resolve);
        setTimeout(resolve, 200);
      });
      const spans = [...document.querySelectorAll(`[data-testid="${id}"] .view-line span span`)] as HTMLElement[];
      const colour = (text: string) => {
        // A token's span may carry the spaces before it.
        const span = spans.find((s) => s.textContent?.trim() === text);
        return span ? getComputedStyle(span).color : undefined;
      };
      const keyword = colour('def');
      const identifier = colour(fn);
      return keyword !== undefined && identifier !== undefined && keyword !== identifier;
    },
    { id: testId, fn: name },
  );

/** Replaces the editor's text by pasting (typing would fight Monaco's own indentation, as it does for a person). */
async function pasteCode(page: Page, testId: string, code: string) {
  await page.locator(`[data-testid="${testId}"] .view-lines`).click();
  await page.evaluate((text) => navigator.clipboard.writeText(text), code);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await expect.poll(() => screenCode(page, testId)).toContain((code.split('\n')[0] ?? '').trimEnd());
}

async function shotBothThemes(page: Page, name: string) {
  const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
  if ((await theme()) !== 'light') await page.getByRole('button', { name: 'Switch to light theme' }).click();
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  await page.waitForTimeout(300); // the colour transition
  await page.screenshot({ path: `${SHOTS}${name}-light.png` });
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SHOTS}${name}-dark.png` });
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
}

describe('Python in the browser', () => {
  it('[W61] [W62] [W64] a candidate picks Python, runs the samples and custom input, sees a syntax error on its line, submits and is accepted', async () => {
    const health = await call<{ languages: { python: { available: boolean; reason?: string } } }>('GET', '/api/health');
    expect(health.languages.python, 'this machine must judge Python (bubblewrap, python3-numpy)').toEqual({
      available: true,
    });
    const link = await server.createInvitation({ durationMinutes: 70, taskIds: ['classics/task-scheduler'] });
    const page = await (await newContext()).newPage();
    onTestFailed(async () => {
      await page.screenshot({ path: `${SHOTS}python-failed-candidate.png` }).catch(() => {});
    });

    await page.goto(link);
    await page.getByTestId('invitation').waitFor();
    await expect(page.getByTestId('invitation').innerText()).resolves.toMatch(/JavaScript, TypeScript, Python 3/);
    await page.getByTestId('consent').check();
    await page.getByTestId('continue').click();
    await page.locator('[data-testid=check-connection].check-ok').waitFor();
    await page.getByTestId('start').click();
    await page.locator('[data-testid=editor] .monaco-editor .view-lines').waitFor();

    // The menu offers Python, enabled: this server can judge it. Choosing it shows the typed Python starter.
    const python = page.locator('[data-testid=language] option[value=python]');
    await expect(python.textContent()).resolves.toBe('Python 3');
    await expect(python.isDisabled()).resolves.toBe(false);
    await expect(page.getByTestId('language-unavailable').count()).resolves.toBe(0);
    await page.getByTestId('language').selectOption('python');
    await expect
      .poll(() => screenCode(page, 'editor'))
      .toContain('def leastInterval(tasks: List[str], n: int) -> int:');
    // Monaco colours lines in the background: give it a moment.
    await expect.poll(() => pythonColoured(page, 'editor', 'leastInterval'), { timeout: 15_000 }).toBe(true);
    // The statement's signature line follows the language ([W14]).
    await expect(page.getByTestId('statement').innerText()).resolves.toContain(
      'def leastInterval(tasks: List[str], n: int) -> int',
    );

    // A syntax error is a compile error on its line of solution.py, marked in the editor.
    await pasteCode(page, 'editor', 'def leastInterval(tasks, n):\n    return (len(tasks)\n');
    await page.getByTestId('run').click();
    await expect
      .poll(() => page.locator('.callout-bad').first().innerText(), { timeout: 60_000 })
      .toMatch(/does not compile \(line 2/);
    await page.locator('[data-testid=editor] .squiggly-error').first().waitFor();

    // The answer: every sample, then every hidden test.
    await pasteCode(page, 'editor', SCHEDULER_PY);
    await page.getByTestId('run').click();
    const samples = page.getByTestId('run-results');
    await expect
      .poll(() => samples.locator('.badge:not(.badge-neutral)').allInnerTexts(), { timeout: 60_000 })
      .toEqual(['Accepted', 'Accepted', 'Accepted']);
    // What print wrote is kept for each test, marked "console".
    await expect(samples.locator('.badge-neutral').allInnerTexts()).resolves.toEqual(['console', 'console', 'console']);
    await shotBothThemes(page, 'python-workspace-run');

    await page.getByTestId('tab-custom').click();
    await page.getByTestId('custom-input').fill('[["A", "A", "A", "B"], 2]');
    await page.getByTestId('run').click();
    const custom = page.getByTestId('custom-results');
    await expect.poll(() => custom.innerText(), { timeout: 60_000 }).toMatch(/Custom test 1[\s\S]*Your answer\s*7/i);

    await page.getByTestId('submit').click();
    const result = page.getByTestId('submission-result');
    await result.waitFor({ timeout: 60_000 });
    const hidden = readdirSync(`${PACKS}classics/task-scheduler/tests/hidden`).length;
    await expect
      .poll(() => result.innerText(), { timeout: 60_000 })
      .toMatch(new RegExp(`Accepted[\\s\\S]*${hidden} / ${hidden} hidden tests passed[\\s\\S]*Score 100%`));
    await shotBothThemes(page, 'python-workspace-accepted');

    // What the server stored: a Python submission, accepted.
    const { attempt } = (await (await page.request.get(`${server.baseUrl}/api/attempt`)).json()) as {
      attempt: { id: string };
    };
    const detail = await call<{
      submissions: { mode: string; verdict: string | null }[];
      code: { language: string }[];
    }>('GET', `/api/admin/attempts/${attempt.id}`);
    expect(detail.submissions.filter((s) => s.mode === 'submit').map((s) => s.verdict)).toEqual(['accepted']);
    expect(detail.code.map((c) => c.language)).toContain('python');
  });

  it('[W61] [W62] [W65] a pad switched to Python brings the Python program; a run by the candidate shows to both', async () => {
    const created = await call<PadSummary>('POST', '/api/pads', { title: 'ML warm-up', language: 'javascript' });
    const token = new URL(created.candidateLink).pathname.split('/').pop() as string;

    const staffContext = await newContext();
    const [name, value] = server.adminCookie.split('=') as [string, string];
    await staffContext.addCookies([{ name, value, url: server.baseUrl }]);
    const interviewer = await staffContext.newPage();
    onTestFailed(async () => {
      await interviewer.screenshot({ path: `${SHOTS}python-failed-pad.png` }).catch(() => {});
    });
    await interviewer.goto(`${server.baseUrl}/pad/${created.id}`);
    await interviewer.locator('[data-testid="pad-editor"] .monaco-editor').waitFor();
    await expect.poll(() => screenCode(interviewer, 'pad-editor')).toContain('function main() {');

    // Untouched, the switch brings the blank pad's Python program, for everyone.
    const option = interviewer.locator('[data-testid=pad-language] option[value=python]');
    await expect(option.isDisabled()).resolves.toBe(false);
    await interviewer.getByTestId('pad-language').selectOption('python');
    await expect.poll(() => screenCode(interviewer, 'pad-editor')).toContain("print('Hello, world!')");
    await expect.poll(() => pythonColoured(interviewer, 'pad-editor', 'main'), { timeout: 15_000 }).toBe(true);

    const candidate = await (await newContext()).newPage();
    await candidate.goto(`${server.baseUrl}/`);
    const joined = await candidate.evaluate(async (t) => {
      const response = await fetch(`/api/pads/join/${t}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Cara Candidate' }),
      });
      return response.status;
    }, token);
    expect(joined).toBe(201);
    await candidate.goto(`${server.baseUrl}/pad/${created.id}`);
    await candidate.locator('[data-testid="pad-editor"] .monaco-editor').waitFor();
    await expect.poll(() => screenCode(candidate, 'pad-editor')).toContain("print('Hello, world!')");
    await expect(candidate.getByTestId('pad-language').inputValue()).resolves.toBe('python');
    await expect.poll(() => pythonColoured(candidate, 'pad-editor', 'main'), { timeout: 15_000 }).toBe(true);

    await candidate.getByTestId('pad-run').click();
    for (const page of [candidate, interviewer]) {
      const result = page.getByTestId('run-result');
      await result.waitFor({ timeout: 60_000 });
      await expect.poll(() => result.textContent(), { timeout: 60_000 }).toContain('Hello, world!');
      const text = (await result.textContent()) ?? '';
      expect(text).toContain('answer');
      expect(text).toContain('42');
      expect(await page.getByTestId('run-by').textContent()).toBe('Cara Candidate');
    }
    expect(await interviewer.getByTestId('run-result').getAttribute('data-run')).toBe(
      await candidate.getByTestId('run-result').getAttribute('data-run'),
    );
    // No JavaScript check left its error marks on the Python code (they arrive late, after the switch).
    await expect(interviewer.locator('[data-testid="pad-editor"] .squiggly-error').count()).resolves.toBe(0);
    await shotBothThemes(interviewer, 'python-pad-interviewer');
    await shotBothThemes(candidate, 'python-pad-candidate');
  });

  it('[W61] [W63] on a server without bubblewrap, Python is offered disabled with what to install; a Python run sent anyway is refused with the reason', async () => {
    const bare = await startAssayServer({ sandbox: { bwrapPath: '/nonexistent/bwrap' } });
    try {
      // Settings → Installation: the reason, as the server's probe said it.
      const admin = await signedInPage(browser, bare.baseUrl, bare.admin, '/admin/settings');
      contexts.push(admin.context());
      const reason = admin.getByTestId('unavailable-python');
      await expect(reason.innerText()).resolves.toMatch(
        /Python 3 — unavailable:.*Bubblewrap \(\/nonexistent\/bwrap\) is not installed/,
      );
      await admin.screenshot({
        path: `${SHOTS}python-unavailable-settings.png`,
        fullPage: true,
        animations: 'disabled',
      });

      // The builder: a new assessment starts without Python, which cannot be ticked; the reason is beside it.
      await admin.goto(`${bare.baseUrl}/admin/assessments/new`);
      const box = admin.getByRole('checkbox', { name: /Python 3/ });
      await expect.poll(() => box.isDisabled()).toBe(true);
      await expect(box.isChecked()).resolves.toBe(false);
      await expect(admin.getByRole('checkbox', { name: 'JavaScript' }).isChecked()).resolves.toBe(true);
      await expect(admin.getByTestId('language-unavailable').innerText()).resolves.toMatch(
        /Python 3 is unavailable on this server\. .*install them \(Debian\/Ubuntu: apt-get install bubblewrap/,
      );
      await admin.getByTestId('language-unavailable').scrollIntoViewIfNeeded();
      await admin.screenshot({ path: `${SHOTS}python-unavailable-builder.png`, animations: 'disabled' });

      // The create-pad dialog: Python listed, disabled, with the reason.
      await admin.goto(`${bare.baseUrl}/admin/pads`);
      await admin.getByTestId('new-pad').click();
      const dialog = admin.getByRole('dialog', { name: 'New pad' });
      const padPython = dialog.locator('[data-testid=pad-language] option[value=python]');
      // The server's availability arrives after the dialog opens: wait for it as a person would.
      await expect.poll(() => padPython.textContent()).toBe('Python 3 (unavailable)');
      await expect(padPython.isDisabled()).resolves.toBe(true);
      await expect(dialog.getByTestId('language-unavailable').innerText()).resolves.toMatch(/bubblewrap/);
      await admin.screenshot({ path: `${SHOTS}python-unavailable-create-pad.png`, animations: 'disabled' });

      // The candidate of an assessment that lists Python anyway: disabled in the menu, the reason in the toolbar.
      const link = await bare.createInvitation({ durationMinutes: 30, taskIds: ['classics/task-scheduler'] });
      const candidate = await (
        await browser.newContext({ viewport: VIEWPORT, colorScheme: 'dark' }).then((c) => {
          contexts.push(c);
          return c;
        })
      ).newPage();
      await candidate.goto(link);
      await candidate.getByTestId('consent').check();
      await candidate.getByTestId('continue').click();
      await candidate.locator('[data-testid=check-connection].check-ok').waitFor();
      await candidate.getByTestId('start').click();
      await candidate.locator('[data-testid=editor] .monaco-editor .view-lines').waitFor();
      const menuPython = candidate.locator('[data-testid=language] option[value=python]');
      await expect.poll(() => menuPython.isDisabled()).toBe(true);
      await expect(candidate.getByTestId('language-unavailable').innerText()).resolves.toMatch(/bubblewrap/);
      await candidate.screenshot({ path: `${SHOTS}python-unavailable-workspace-dark.png`, animations: 'disabled' });

      // [W63] A request in Python anyway (an old tab, a script) is refused once, with the reason.
      const refused = await candidate.evaluate(async () => {
        const response = await fetch('/api/attempt/tasks/0/runs', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ language: 'python', code: 'def leastInterval(tasks, n):\n    return 0\n' }),
        });
        return { status: response.status, body: await response.json() };
      });
      expect(refused.status).toBe(503);
      expect(refused.body.error.code).toBe('API_ERR_LANGUAGE_UNAVAILABLE');
    } finally {
      await bare.close();
    }
  });
});
