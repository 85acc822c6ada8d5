// The live interview pad end to end ([W45]–[W54]), in Debian's Chromium against a real Assay (API with
// its pad socket, database, in-process judge, built web app): an interviewer and a candidate type at
// once and converge, see each other's named cursors, share a run; the interviewer's notes never reach
// the candidate's browser (asserted on its WebSocket frames); a second interviewer sees both cursors;
// the end makes the candidate's editor read-only. Screenshots in apps/web/test-output/screenshots.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeFrame } from '@assay/collab';
import { PAD_DOC, PAD_FRAME, type PadSummary } from '@assay/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { padEvents, padUpdates } from '../../api/src/db/schema.ts';
import { launchChromium } from './browser.ts';
import { type AssayServer, startAssayServer } from './server.ts';

const SHOTS = fileURLToPath(new URL('../test-output/screenshots/', import.meta.url));
const VIEWPORT = { width: 1440, height: 900 };
const SECRET = 'NOTE-7f3a: hesitant on recursion';

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

async function call<T>(method: string, path: string, body?: unknown, cookie = server.adminCookie): Promise<T> {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** A member of staff's session cookie value, signed in through the API. */
async function signIn(email: string, password: string): Promise<string> {
  const response = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith('assay_session='));
  if (!session) throw new Error(`${email} could not sign in: ${response.status}`);
  return session.split(';')[0]?.split('=').slice(1).join('=') as string;
}

async function staffPage(sessionCookie: string, padId: string): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT, colorScheme: 'light' });
  contexts.push(context);
  await context.addCookies([{ name: 'assay_session', value: sessionCookie, url: server.baseUrl }]);
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/pad/${padId}`);
  return page;
}

const editor = (page: Page, id = 'pad-editor') => page.locator(`[data-testid="${id}"] .monaco-editor`);

/** The code on screen, line by line in the order Monaco places them (its DOM order is not the text's). */
const screenCode = (page: Page, id = 'pad-editor') =>
  page.evaluate((testId) => {
    const lines = [...document.querySelectorAll(`[data-testid="${testId}"] .view-line`)] as HTMLElement[];
    return lines
      .sort((a, b) => Number.parseFloat(a.style.top) - Number.parseFloat(b.style.top))
      .map((l) => (l.textContent ?? '').replaceAll('\u00a0', ' '))
      .join('\n');
  }, id);

const synced = (page: Page) =>
  page.locator('[data-testid="connection-state"]').filter({ hasText: 'All changes saved' }).waitFor();

/** The name label of every remote caret in the code editor, read from the ::after the page's CSS draws. */
const cursorNames = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="pad-editor"] .yRemoteSelectionHead')]
      .map((head) => getComputedStyle(head, '::after').content.replace(/^"|"$/g, ''))
      .sort(),
  );

async function shotBothThemes(page: Page, name: string) {
  const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
  if ((await theme()) !== 'light') await page.getByRole('button', { name: 'Switch to light theme' }).click();
  await page.screenshot({ path: `${SHOTS}${name}-light.png` });
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  await page.screenshot({ path: `${SHOTS}${name}-dark.png` });
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
}

/** Types on a line of its own at the end (or the start) of the document. */
async function typeAtEnd(page: Page, text: string, where: 'start' | 'end' = 'end') {
  await editor(page).locator('.view-lines').click();
  if (where === 'end') {
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type(text, { delay: 15 });
  } else {
    await page.keyboard.press('ControlOrMeta+Home');
    await page.keyboard.type(text, { delay: 15 });
    await page.keyboard.press('Enter');
  }
}

describe('live interview pad', () => {
  it('[W45] [W46] [W47] [W49] [W50] [W51] [W53] [W54] two interviewers and a candidate co-edit, see named cursors, share runs; notes never reach the candidate; the end locks the candidate', async () => {
    const { problems } = await call<{ problems: { id: string; ref: string }[] }>('GET', '/api/admin/problems');
    const problem = problems.find((p) => p.ref === 'classics/number-of-islands');
    expect(problem).toBeDefined();
    const created = await call<PadSummary>('POST', '/api/pads', {
      title: 'Islands with Cara',
      language: 'javascript',
      problemVersionId: problem?.id,
    });
    const padId = created.id;
    const token = new URL(created.candidateLink).pathname.split('/').pop() as string;

    // The interviewer opens the pad first: the problem's starter is already there, from the server ([A123]).
    const interviewer = await staffPage(await signIn(server.admin.email, server.admin.password), padId);
    await editor(interviewer).waitFor();
    await synced(interviewer);
    await expect.poll(() => screenCode(interviewer)).toContain('numIslands');
    await interviewer.getByTestId('statement').getByRole('heading', { level: 1 }).waitFor();

    // The candidate joins by the link's token from its own browser; every frame its socket receives is kept.
    const candidateContext = await browser.newContext({
      viewport: VIEWPORT,
      colorScheme: 'light',
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    contexts.push(candidateContext);
    const candidate = await candidateContext.newPage();
    const frames: Buffer[] = [];
    candidate.on('websocket', (ws) => {
      if (!ws.url().includes(`/api/pads/${padId}/socket`)) return;
      ws.on('framereceived', ({ payload }) => {
        frames.push(typeof payload === 'string' ? Buffer.from(payload) : payload);
      });
    });
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
    await candidate.goto(`${server.baseUrl}/pad/${padId}`);
    await editor(candidate).waitFor();
    await synced(candidate);
    expect(await candidate.getByTestId('pad').getAttribute('data-role')).toBe('candidate');
    await expect.poll(() => screenCode(candidate)).toContain('numIslands');
    // [W51] The candidate's page has no notes at all.
    expect(await candidate.getByTestId('notes-toggle').count()).toBe(0);
    expect(await candidate.getByTestId('notes-panel').count()).toBe(0);

    // [W47] Each lists the other, present.
    await expect
      .poll(() => candidate.locator('[data-testid="participants"] li[data-presence="active"]').count())
      .toBeGreaterThanOrEqual(2);
    await expect
      .poll(() => interviewer.locator('[data-testid="participants"] li[data-presence="active"]').count())
      .toBeGreaterThanOrEqual(2);

    // [W45] Both type at once (in two places: at one place their keystrokes would interleave, as they
    // do for people), then converge to the same text holding both lines.
    await Promise.all([
      typeAtEnd(interviewer, '// interviewer: try a BFS too'),
      typeAtEnd(candidate, '// candidate: DFS first', 'start'),
    ]);
    let seen: string[] = [];
    onTestFailed(async () => {
      console.log('code on screen (interviewer, candidate):', JSON.stringify(seen, null, 1));
      await interviewer.screenshot({ path: `${SHOTS}pad-failed-interviewer.png` }).catch(() => {});
      await candidate.screenshot({ path: `${SHOTS}pad-failed-candidate.png` }).catch(() => {});
    });
    await expect
      .poll(
        async () => {
          seen = await Promise.all([screenCode(interviewer), screenCode(candidate)]);
          const [a = '', b] = seen;
          return a === b && a.includes('// interviewer: try a BFS too') && a.includes('// candidate: DFS first');
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    await Promise.all([synced(interviewer), synced(candidate)]);

    // [W50] A paste from outside the pad, then one of text copied from the pad's own editor: both stored
    // with origin paste, and as paste events saying where the text came from.
    const pasted = 'const grid = [];';
    await candidate.evaluate((t) => navigator.clipboard.writeText(t), pasted);
    // Below the candidate's own comment line (Enter inside the JSDoc under it would add " * ").
    await candidate.keyboard.press('ArrowUp');
    await candidate.keyboard.press('End');
    await candidate.keyboard.press('Enter');
    await candidate.keyboard.press('ControlOrMeta+V');
    await expect.poll(() => screenCode(candidate)).toContain(pasted);
    await candidate.keyboard.press('Shift+Home');
    await candidate.keyboard.press('ControlOrMeta+C');
    await candidate.keyboard.press('End');
    await candidate.keyboard.press('Enter');
    await candidate.keyboard.press('ControlOrMeta+V');
    await expect.poll(async () => (await screenCode(candidate)).split(pasted).length - 1).toBe(2);
    await synced(candidate);
    await expect
      .poll(async () =>
        (await server.db.select().from(padEvents))
          .filter((e) => e.padId === padId && e.kind === 'paste')
          .map((e) => e.data),
      )
      .toEqual([
        { chars: pasted.length, fromOutside: true },
        { chars: pasted.length, fromOutside: false },
      ]);
    const pasteUpdates = (
      await server.db.select({ padId: padUpdates.padId, origin: padUpdates.origin }).from(padUpdates)
    ).filter((u) => u.padId === padId && u.origin === 'paste');
    expect(pasteUpdates.length).toBeGreaterThanOrEqual(2);

    // [W46] Each sees the other's caret with their name.
    await expect.poll(() => cursorNames(interviewer)).toEqual(['Cara Candidate']);
    const adminName = (await interviewer
      .locator('[data-testid="participants"] li')
      .first()
      .getAttribute('data-name')) as string;
    await expect.poll(() => cursorNames(candidate)).toEqual([adminName]);
    // [W46] The name is hidden once the caret rests (it would cover the line above), and shown on hover.
    const labelOpacity = () =>
      interviewer.evaluate(() => {
        const head = document.querySelector('[data-testid="pad-editor"] .yRemoteSelectionHead');
        return head ? getComputedStyle(head, '::after').opacity : 'none';
      });
    const hoverCaret = async () => {
      const box = await interviewer.locator('[data-testid="pad-editor"] .yRemoteSelectionHead').first().boundingBox();
      if (!box) throw new Error('no remote caret');
      await interviewer.mouse.move(box.x + 1, box.y + box.height / 2);
      await expect.poll(labelOpacity).toBe('1');
    };
    await interviewer.mouse.move(5, 400);
    await expect.poll(labelOpacity, { timeout: 5000 }).toBe('0');
    await hoverCaret();
    await interviewer.screenshot({ path: `${SHOTS}pad-cursor-label-light.png` });
    await interviewer.getByRole('button', { name: 'Switch to dark theme' }).click();
    await interviewer.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await hoverCaret();
    await interviewer.screenshot({ path: `${SHOTS}pad-cursor-label-dark.png` });
    await interviewer.getByRole('button', { name: 'Switch to light theme' }).click();
    await interviewer.waitForFunction(() => document.documentElement.dataset.theme === 'light');

    // [W47] The candidate's tab goes to the background: the interviewer sees them away, then back.
    const setHidden = (hidden: boolean) =>
      candidate.evaluate((h) => {
        Object.defineProperty(document, 'hidden', { value: h, configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      }, hidden);
    const candidatePresence = () =>
      interviewer.locator('[data-testid="participants"] li[data-name="Cara Candidate"]').getAttribute('data-presence');
    await setHidden(true);
    await expect.poll(candidatePresence).toBe('away');
    await setHidden(false);
    await expect.poll(candidatePresence).toBe('active');

    // [W51] The interviewer writes private notes.
    await interviewer.getByTestId('pad-notes').locator('.view-lines').click();
    await interviewer.keyboard.type(SECRET, { delay: 5 });
    await expect.poll(() => screenCode(interviewer, 'pad-notes')).toContain(SECRET);
    await synced(interviewer);

    // [W53] A second interviewer sees both cursors, and the notes.
    const ines = await call<{ member: { id: string } }>('POST', '/api/admin/team', {
      name: 'Ines Interviewer',
      email: 'ines.pad@example.com',
      role: 'interviewer',
      password: 'correct horse battery',
    });
    expect(ines.member.id).toBeTruthy();
    const second = await staffPage(await signIn('ines.pad@example.com', 'correct horse battery'), padId);
    await editor(second).waitFor();
    await synced(second);
    // The two carets move once more so the newcomer surely has their positions.
    await interviewer.keyboard.press('ArrowLeft');
    await candidate.keyboard.press('ArrowLeft');
    await expect.poll(() => cursorNames(second)).toEqual([adminName, 'Cara Candidate'].sort());
    await expect.poll(() => screenCode(second, 'pad-notes')).toContain(SECRET);

    // [W49] A run by the candidate shows in every page, with the candidate's name.
    await candidate.getByTestId('pad-run').click();
    for (const page of [candidate, interviewer, second]) {
      await page.getByTestId('run-result').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('run-by').textContent()).toBe('Cara Candidate');
    }
    const runId = await candidate.getByTestId('run-result').getAttribute('data-run');
    expect(await interviewer.getByTestId('run-result').getAttribute('data-run')).toBe(runId);

    await shotBothThemes(interviewer, 'pad-interviewer');
    await shotBothThemes(candidate, 'pad-candidate');

    // [W51] Not one frame the candidate's socket received is of the notes document, or holds their text.
    expect(frames.length).toBeGreaterThan(5);
    const secretBytes = Buffer.from('NOTE-7f3a');
    for (const payload of frames) {
      expect(payload.includes(secretBytes)).toBe(false);
      const frame = decodeFrame(new Uint8Array(payload.buffer, payload.byteOffset, payload.byteLength));
      if (frame.type === PAD_FRAME.SYNC || frame.type === PAD_FRAME.UPDATE || frame.type === PAD_FRAME.ACK)
        expect(frame.doc).toBe(PAD_DOC.CODE);
    }
    expect(await candidate.content()).not.toContain('NOTE-7f3a');

    // [W54] The interviewer ends; the candidate's editor is read-only from then on.
    await interviewer.getByTestId('end-pad').click();
    await interviewer.getByRole('dialog', { name: 'End the interview?' }).getByTestId('dialog-confirm').click();
    await candidate.getByTestId('ended-banner').waitFor();
    await interviewer.getByTestId('ended-banner').waitFor();
    expect(await candidate.getByTestId('pad-status').textContent()).toBe('Ended');
    const before = await screenCode(candidate);
    await editor(candidate).locator('.view-lines').click();
    await candidate.keyboard.type('// after the end');
    await candidate.waitForTimeout(300);
    expect(await screenCode(candidate)).toBe(before);
    expect(await screenCode(interviewer)).not.toContain('// after the end');
    expect(await candidate.getByTestId('pad-run').isDisabled()).toBe(true);
    // Monaco's "Cannot edit in read-only editor" note fades by itself; the shot is of the page after it.
    await candidate.keyboard.press('Escape');
    await candidate.mouse.move(5, 5);
    await candidate.waitForTimeout(2500);
    await shotBothThemes(candidate, 'pad-ended');
  });

  it('[W48] [W49] a blank pad starts with the program starter, follows a language switch while untouched, keeps written code, and runs the whole program', async () => {
    const created = await call<PadSummary>('POST', '/api/pads', { title: 'Warm-up', language: 'typescript' });
    // Two staff tabs open the new pad at the same instant: the starter, seeded by the server ([A123]), is there once.
    const session = await signIn(server.admin.email, server.admin.password);
    const [page, second] = await Promise.all([staffPage(session, created.id), staffPage(session, created.id)]);
    onTestFailed(async () => {
      console.log(
        'run panel:',
        await page
          .getByTestId('run-panel')
          .textContent()
          .catch(() => '?'),
      );
      await page.screenshot({ path: `${SHOTS}pad-failed-blank.png` }).catch(() => {});
    });
    await editor(page).waitFor();
    await synced(page);
    await expect.poll(() => screenCode(page)).toContain('function main(): unknown');
    await editor(second).waitFor();
    await synced(second);
    await expect.poll(() => screenCode(second)).toContain('function main(): unknown');
    for (const tab of [page, second])
      expect((await screenCode(tab)).split('function main(): unknown').length - 1, 'starter copies').toBe(1);
    await second.close();
    expect(await page.getByTestId('run-panel').textContent()).toContain('what main() returns');

    // Untouched: the switch brings the JavaScript starter, for everyone.
    await page.getByTestId('pad-language').selectOption('javascript');
    await expect.poll(() => screenCode(page)).toContain('function main() {');
    await synced(page);
    const view = await call<{ pad: { language: string } }>('GET', `/api/pads/${created.id}`);
    expect(view.pad.language).toBe('javascript');

    // Written code is not replaced by a switch.
    await typeAtEnd(page, "console.log('top level', 6 * 7);");
    await synced(page);
    await page.getByTestId('pad-language').selectOption('typescript');
    await expect
      .poll(() => call<{ pad: { language: string } }>('GET', `/api/pads/${created.id}`))
      .toMatchObject({
        pad: { language: 'typescript' },
      });
    expect(await screenCode(page)).toContain("console.log('top level', 6 * 7);");

    await page.getByTestId('pad-run').click();
    const result = page.getByTestId('run-result');
    await result.waitFor({ timeout: 60_000 });
    const text = (await result.textContent()) ?? '';
    expect(text).toContain('Hello, world!');
    expect(text).toContain('top level 42');
    expect(text).toContain('answer');
    await shotBothThemes(page, 'pad-blank-run');
  });

  it('[W45] a browser that has not joined is told how to get in, not shown a broken page', async () => {
    const created = await call<PadSummary>('POST', '/api/pads', { title: 'Blank pad', language: 'typescript' });
    const context = await browser.newContext({ viewport: VIEWPORT });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/pad/${created.id}`);
    const refused = page.getByTestId('pad-refused');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('open the link your interviewer sent you');
    expect(await refused.getByRole('link', { name: 'sign in' }).getAttribute('href')).toBe(
      `/login?next=${encodeURIComponent(`/pad/${created.id}`)}`,
    );
  });
});
