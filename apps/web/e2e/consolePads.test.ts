// The console's Pads page and the candidate's join page in Chromium against a real Assay ([W39]–[W44]).
// The pad page itself (`/pad/<id>`) is tested in pad.test.ts; here only the arrival there is checked.

import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { CONSOLE_VIEWPORT, shotBothThemes, signedInPage } from './consolePage.ts';
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

const shotPath = (name: string) => fileURLToPath(new URL(`../test-output/screenshots/${name}.png`, import.meta.url));

/** A candidate's own browser (no staff session), in the given colour scheme. */
async function candidatePage(scheme: 'light' | 'dark'): Promise<Page> {
  const context = await browser.newContext({ viewport: CONSOLE_VIEWPORT, colorScheme: scheme });
  return context.newPage();
}

describe('console pads and joining by link', () => {
  it('[W39] [W40] [W41] [W42] [W43] [W44] staff create a pad from a problem, list it and copy its link; the candidate joins by name; ended and bad links explained', async () => {
    const admin = await signedInPage(browser, server.baseUrl, server.admin, '/admin/pads');
    await admin.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
    await admin.getByTestId('pads-empty').waitFor();
    await shotBothThemes(admin, 'pads-empty');

    // [W40] The dialog: a missing title is said inline; a problem comes from the library.
    await admin.getByTestId('new-pad').click();
    const dialog = admin.getByRole('dialog', { name: 'New pad' });
    await dialog.getByTestId('pad-problem').waitFor();
    await dialog.getByRole('button', { name: 'Create pad' }).click();
    await expect(admin.getByTestId('create-pad-error').textContent()).resolves.toMatch(/Give the pad a title/);
    await dialog.getByLabel('Title').fill('Ada – backend pairing');
    const problems = await dialog.getByTestId('pad-problem').locator('option').allTextContents();
    expect(problems.length).toBeGreaterThan(3);
    const problem = problems.find((p) => /Two Sum/i.test(p)) ?? (problems[1] as string);
    await dialog.getByTestId('pad-problem').selectOption({ label: problem });
    await admin.screenshot({ path: shotPath('console-pads-create-light'), animations: 'disabled' });
    await dialog.getByRole('button', { name: 'Create pad' }).click();

    // A new pad opens at once.
    await admin.waitForURL(/\/pad\/[0-9a-f-]{36}$/);
    const padId = new URL(admin.url()).pathname.split('/').pop() as string;

    // [W41] Listed with its problem; the link copies.
    await admin.goto(`${server.baseUrl}/admin/pads`);
    const row = admin.locator(`[data-testid="pad-row"][data-pad-id="${padId}"]`);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('Ada – backend pairing');
    await expect(row.textContent()).resolves.toContain(problem.replace(/ \(.*$/, ''));
    await expect(row.textContent()).resolves.toContain('Open');
    await row.getByTestId('copy-pad-link').click();
    await row.getByRole('button', { name: 'Copied' }).waitFor();
    const copied = await admin.evaluate(() => navigator.clipboard.readText());
    // The link is on the server's PUBLIC_URL (http://assay.test here); this server listens elsewhere.
    expect(copied).toMatch(/^http:\/\/assay\.test\/pad\/join\/[A-Za-z0-9_-]{40,}$/);
    const link = `${server.baseUrl}${new URL(copied).pathname}`;
    await expect(row.getByRole('link', { name: 'Open pad' }).getAttribute('href')).resolves.toBe(`/pad/${padId}`);
    await shotBothThemes(admin, 'pads-list');

    // [W42] The candidate's join page: the title, a name, then the pad.
    for (const scheme of ['dark', 'light'] as const) {
      const look = await candidatePage(scheme);
      await look.goto(link);
      await expect(look.getByTestId('join-pad-title').textContent()).resolves.toBe('Ada – backend pairing');
      await look.screenshot({ path: shotPath(`pad-join-${scheme}`), animations: 'disabled' });
      await look.context().close();
    }
    const candidate = await candidatePage('light');
    await candidate.goto(link);
    await candidate.getByTestId('join-pad-submit').click();
    await expect(candidate.getByTestId('join-pad-message').textContent()).resolves.toMatch(/Type your name/);
    await candidate.getByTestId('join-pad-name').fill('Ada Lovelace');
    await candidate.getByTestId('join-pad-submit').click();
    await candidate.waitForURL(`${server.baseUrl}/pad/${padId}`);

    // The participant shows in the list, with the candidate's colour.
    await admin.reload();
    await expect(row.textContent()).resolves.toContain('Ada Lovelace');

    // [W43] Once ended: Playback in the list, and the link explains instead of asking for a name.
    const ended = await fetch(`${server.baseUrl}/api/pads/${padId}/end`, {
      method: 'POST',
      headers: { cookie: server.adminCookie, origin: server.baseUrl },
    });
    expect(ended.status).toBe(200);
    await admin.reload();
    await row.getByRole('link', { name: 'Playback' }).waitFor();
    await expect(row.getByRole('link', { name: 'Playback' }).getAttribute('href')).resolves.toBe(
      `/admin/pads/${padId}/playback`,
    );
    const late = await candidatePage('light');
    await late.goto(link);
    await expect(late.getByTestId('join-pad-ended').textContent()).resolves.toMatch(/This interview has ended/);
    await late.screenshot({ path: shotPath('pad-join-ended-light'), animations: 'disabled' });

    // [W44] A link that opens nothing says what to do.
    await late.goto(`${server.baseUrl}/pad/join/${'x'.repeat(43)}`);
    await expect(late.getByTestId('join-pad-error').textContent()).resolves.toMatch(/ask your interviewer/);
    await late.screenshot({ path: shotPath('pad-join-bad-link-light'), animations: 'disabled' });
    await late.context().close();
    await candidate.context().close();
  });
});
