// The assessment builder and invitations in Chromium against a real Assay ([W30]-[W33]): build an
// assessment from two library problems, reorder by drag, bulk invite from a CSV with a bad row, copy a
// link that opens for the candidate, preview; screenshots of every page in both themes.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { shotBothThemes as shotThemes, signedInPage } from './consolePage.ts';
import { type AssayServer, startAssayServer } from './server.ts';

let server: AssayServer;
let browser: Browser;
let page: Page;
let assessmentUrl = '';

beforeAll(async () => {
  [server, browser] = await Promise.all([startAssayServer(), launchChromium()]);
  page = await signedInPage(browser, server.baseUrl, server.admin, '/admin/assessments');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Full-page screenshots from the top: the navigation is sticky, and a page scrolled by the test would
 * be captured with it part-way down.
 */
async function shotBothThemes(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await shotThemes(page, name);
}

const taskTitles = () => page.getByTestId('task-row').locator('.task-row-title').allTextContents();

describe('assessments in the console', () => {
  it('[W30] [W31] builds an assessment from two library problems, reordered by drag, with inline validation', async () => {
    await page.getByTestId('assessment-list').waitFor();
    await page.getByRole('link', { name: 'New assessment' }).click();
    await page.getByTestId('assessment-builder').waitFor();

    // Saving an empty form says what is missing, field by field, and sends nothing.
    await page.getByRole('button', { name: 'Create assessment' }).click();
    await expect(page.getByText('Give the assessment a title.').isVisible()).resolves.toBe(true);
    await expect(page.getByText('Add at least one task from the library.').isVisible()).resolves.toBe(true);
    await shotBothThemes(page, 'assessment-builder-errors');

    await page.getByLabel('Title').fill('Platform engineer screen');
    await page.getByLabel('Description for candidates').fill('Two tasks on **graphs** and scheduling.');
    await page.getByRole('button', { name: '+ Add task from library' }).click();
    const search = page.getByLabel('Search the problem library');
    await page.getByTestId('problem-picker').locator('.picker-item').first().waitFor();
    await shotBothThemes(page, 'assessment-builder-picker');
    await search.fill('islands');
    await page.getByRole('button', { name: 'Add Number of Islands' }).click();
    await search.fill('scheduler');
    await page.getByRole('button', { name: /^Add Task Scheduler/ }).click();
    await page.getByRole('button', { name: 'Done' }).click();
    expect(await taskTitles()).toEqual(['Number of Islands', 'Task Scheduler']);

    // Drag the second task above the first; the keyboard buttons move it back and forth too.
    const rows = page.getByTestId('task-row');
    await rows.nth(1).dragTo(rows.nth(0));
    expect(await taskTitles()).toEqual(['Task Scheduler', 'Number of Islands']);
    await page.getByRole('button', { name: 'Move Task Scheduler down' }).click();
    expect(await taskTitles()).toEqual(['Number of Islands', 'Task Scheduler']);
    await page.getByRole('button', { name: 'Move Task Scheduler up' }).click();
    expect(await taskTitles()).toEqual(['Task Scheduler', 'Number of Islands']);
    await page.getByLabel('Points for Number of Islands').fill('150');
    await page.getByLabel('Duration (minutes)').fill('45');
    await shotBothThemes(page, 'assessment-builder');

    await page.getByRole('button', { name: 'Create assessment' }).click();
    await page.getByTestId('assessment-detail').waitFor();
    assessmentUrl = page.url();
    const summary = await page.getByTestId('task-summary').locator('.task-row-title').allTextContents();
    expect(summary).toEqual(['Task Scheduler', 'Number of Islands']);
    await expect(page.getByTestId('task-summary').textContent()).resolves.toContain('150 pts');
  });

  it('[W33] bulk invites from a CSV: the bad row is shown, fixed, then everyone is invited', async () => {
    await page.getByRole('button', { name: 'Bulk invite (CSV)' }).click();
    const csv = [
      'name,email',
      'Ada Lovelace,ada@example.com',
      '"Hopper, Grace",grace@example.com',
      'Alan Turing,alan-at-example.com',
    ].join('\r\n');
    await page
      .getByTestId('csv-file')
      .setInputFiles({ name: 'cohort.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    // The file is read in the page (asynchronously) into the editable text.
    await page.waitForFunction(() =>
      (document.querySelector('[data-testid=csv-text]') as HTMLTextAreaElement | null)?.value.includes('Hopper, Grace'),
    );
    await page.getByRole('button', { name: 'Check the list' }).click();
    await page.getByTestId('csv-preview').waitFor();
    await expect(page.getByTestId('csv-row-error').allTextContents()).resolves.toEqual([
      '"alan-at-example.com" is not an email address',
    ]);
    await expect(page.getByRole('button', { name: /^Invite \d/ }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Skip 1 bad row and invite 2' }).isVisible()).resolves.toBe(true);
    await shotBothThemes(page, 'assessment-csv-preview');

    // Nothing was created by the check.
    await expect(page.getByTestId('invitation-row').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Edit the list' }).click();
    await page.getByTestId('csv-text').fill(csv.replace('alan-at-example.com', 'alan@example.com'));
    await page.getByRole('button', { name: 'Check the list' }).click();
    await page.getByRole('button', { name: 'Invite 3 candidates' }).click();
    await page.getByTestId('bulk-done').waitFor();
    await page.getByTestId('invitation-row').nth(2).waitFor();
    await expect(page.getByTestId('invitation-status').allTextContents()).resolves.toEqual([
      'Invited',
      'Invited',
      'Invited',
    ]);
    await page.getByRole('button', { name: 'Close' }).click();
  });

  it('[W32] copies a candidate link that opens the invitation, and revokes another, whose link then says so', async () => {
    const ada = page.getByTestId('invitation-row').filter({ hasText: 'ada@example.com' });
    await ada.getByTestId('copy-link').click();
    await page.getByTestId('invitations-notice').getByText('Link for Ada Lovelace copied.').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/\/a\/[\w-]{20,}$/);
    await shotBothThemes(page, 'assessment-detail');

    const candidate = await browser.newPage();
    await candidate.goto(new URL(new URL(copied).pathname, server.baseUrl).href);
    await candidate.getByTestId('invitation').waitFor();
    await expect(candidate.getByRole('heading', { name: 'Platform engineer screen' }).isVisible()).resolves.toBe(true);
    // The description is Markdown, rendered for the candidate.
    await candidate.getByTestId('invitation').locator('strong', { hasText: 'graphs' }).waitFor();

    const listAlan = () =>
      page.evaluate(
        async (url) => (await (await fetch(url)).json()).invitations[0] as { status: string; link: string },
        `/api/admin/assessments/${assessmentUrl.split('/').at(-1)}/invitations?q=alan`,
      );
    const alanLink = (await listAlan()).link;
    const alan = page.getByTestId('invitation-row').filter({ hasText: 'alan@example.com' });
    await alan.getByRole('button', { name: 'More actions for Alan Turing' }).click();
    await page.getByRole('menuitem', { name: 'Revoke invitation…' }).click();
    await page.getByTestId('dialog-confirm').click();
    await alan.getByTestId('invitation-status').getByText('Revoked').waitFor();
    expect((await listAlan()).status).toBe('revoked');
    // The revoked link tells the candidate so, rather than opening anything.
    await candidate.goto(new URL(new URL(alanLink).pathname, server.baseUrl).href);
    await candidate.getByRole('heading', { name: 'This invitation was withdrawn' }).waitFor();
    await candidate.close();
  });

  it('[W33] previews the candidate view without starting anything', async () => {
    await page.getByRole('link', { name: 'Preview' }).click();
    await page.getByTestId('assessment-preview').waitFor();
    await expect(page.getByTestId('invitation').textContent()).resolves.toContain('Platform engineer screen');
    await page.getByTestId('invitation').locator('strong', { hasText: 'graphs' }).waitFor();
    await shotBothThemes(page, 'assessment-preview-intro');
    await page.getByRole('tab', { name: /Tasks/ }).click();
    await expect(page.getByTestId('statement').textContent()).resolves.toContain('Task Scheduler');
    await expect(page.getByTestId('starter-code').textContent()).resolves.toMatch(/function \w+/);
    await shotBothThemes(page, 'assessment-preview');
    await page.getByRole('button', { name: /Number of Islands/ }).click();
    await expect(page.getByTestId('statement').textContent()).resolves.toContain('Number of Islands');

    await page.goto(assessmentUrl);
    await page.getByTestId('invitation-row').nth(2).waitFor();
    // Still three invitations, none started: the preview created no attempt.
    await expect(page.getByTestId('invitation-status').allTextContents()).resolves.not.toContain('In progress');
    await expect(page.getByTestId('invitation-row').count()).resolves.toBe(3);
  });

  it('[W30] lists the assessment with its counts', async () => {
    await page.getByRole('link', { name: 'Assessments', exact: true }).first().click();
    await page.getByTestId('assessment-list').waitFor();
    const row = page.locator('tr', { hasText: 'Platform engineer screen' });
    await row.waitFor();
    await expect(row.locator('td.num').allTextContents()).resolves.toEqual(['2', '0', '0']);
    await page.getByLabel('Search assessments').fill('platform');
    await expect(page.locator('tbody tr').count()).resolves.toBe(1);
    await page.getByLabel('Search assessments').fill('');
    await shotBothThemes(page, 'assessment-list');
  });

  it('[W32] extra time given while the candidate works reaches their open page: it unlocks at the old deadline and counts on', async () => {
    const link = await server.createInvitation({
      durationMinutes: 1,
      taskIds: ['classics/task-scheduler'],
      proctoring: { fullscreen: false, recordEvents: false },
    });
    const candidate = await browser.newPage();
    await candidate.goto(link);
    await candidate.getByTestId('consent').check();
    await candidate.getByTestId('continue').click();
    await candidate.locator('[data-testid=check-connection].check-ok').waitFor();
    await candidate.getByTestId('start').click();
    await candidate.getByTestId('timer').waitFor();

    const admin = { cookie: server.adminCookie, 'content-type': 'application/json' };
    const { assessments } = await (await fetch(`${server.baseUrl}/api/admin/assessments`, { headers: admin })).json();
    const newest = assessments[0].id as string;
    const { invitations } = await (
      await fetch(`${server.baseUrl}/api/admin/assessments/${newest}/invitations`, { headers: admin })
    ).json();
    const extended = await fetch(`${server.baseUrl}/api/admin/invitations/${invitations[0].id}/extend`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ minutes: 5, reason: 'extra-time accommodation' }),
    });
    expect(extended.status).toBe(200);

    // Past the first deadline by the server's clock: the page reaches zero, then finds the new deadline.
    server.advance(61_000);
    await candidate.waitForFunction(
      () => /^[45]:\d\d$/.test(document.querySelector('[data-testid=timer]')?.textContent ?? ''),
      undefined,
      { timeout: 20_000 },
    );
    await expect(candidate.getByTestId('time-up').count()).resolves.toBe(0);
    await candidate.close();
  }, 60_000);
});
