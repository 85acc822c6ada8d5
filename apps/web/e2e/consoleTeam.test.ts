// The team, audit log and settings pages in Chromium against a real Assay ([W21]–[W23]), and the
// sign-in and landing pages' screenshots.

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

const shotPath = (name: string) =>
  fileURLToPath(new URL(`../test-output/screenshots/console-${name}.png`, import.meta.url));
const row = (page: Page, email: string) => page.locator(`[data-testid="team-row"][data-email="${email}"]`);

describe('team, audit log and settings', () => {
  it('[W21] an admin adds an interviewer, who is refused the team page and, once deactivated, lands on sign-in', async () => {
    const admin = await signedInPage(browser, server.baseUrl, server.admin, '/admin/team');
    await admin.getByTestId('team-table').waitFor();

    // Add a member with a generated password, shown once.
    await admin.getByRole('button', { name: 'Add member' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Add a member' });
    await dialog.getByRole('button', { name: 'Add member' }).click();
    await expect(admin.getByTestId('add-member-error').textContent()).resolves.toMatch(/name/);
    await admin.screenshot({ path: shotPath('team-add-member-light') });
    await dialog.getByLabel('Name').fill('Ines Interviewer');
    await dialog.getByLabel('Email').fill('ines@example.com');
    await dialog.getByRole('button', { name: 'Add member' }).click();
    const password = (await admin.getByTestId('generated-password').textContent()) ?? '';
    expect(password.length).toBeGreaterThanOrEqual(12);
    // The theme switch sits behind the open dialog: this one is shot in the light theme only.
    await admin.screenshot({ path: shotPath('team-added-light') });
    await admin.getByRole('button', { name: 'Done' }).click();
    await expect(row(admin, 'ines@example.com').getByRole('combobox').inputValue()).resolves.toBe('interviewer');

    // The only admin cannot step down: refused inline, and the select keeps the role the admin has.
    const me = row(admin, server.admin.email);
    await me.getByRole('combobox').selectOption('interviewer');
    await expect(admin.getByTestId('team-error').textContent()).resolves.toMatch(
      /last active admin: make another member an admin first/,
    );
    await expect(me.getByRole('combobox').inputValue()).resolves.toBe('admin');
    await admin.getByRole('button', { name: 'Dismiss' }).click();

    // The same email again is refused inline, saying what to do.
    await admin.getByRole('button', { name: 'Add member' }).click();
    await dialog.getByLabel('Name').fill('Ines Again');
    await dialog.getByLabel('Email').fill('INES@example.com');
    await dialog.getByRole('button', { name: 'Add member' }).click();
    await expect(admin.getByTestId('add-member-error').textContent()).resolves.toMatch(/already exists/);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // The interviewer signs in elsewhere: Problems and Assessments, but no Team, and the link is refused.
    const interviewer = await signedInPage(
      browser,
      server.baseUrl,
      { email: 'ines@example.com', password },
      '/admin/assessments',
    );
    const nav = interviewer.getByRole('navigation', { name: 'Console' });
    await nav.getByRole('link', { name: 'Problems' }).waitFor();
    await nav.getByRole('link', { name: 'Assessments' }).waitFor();
    await expect(nav.getByRole('link', { name: 'Team' }).count()).resolves.toBe(0);
    await expect(nav.getByRole('link', { name: 'Audit log' }).count()).resolves.toBe(0);
    await interviewer.goto(`${server.baseUrl}/admin/team`);
    await interviewer.getByTestId('not-allowed').waitFor();
    await shotBothThemes(interviewer, 'team-not-allowed');
    await interviewer.goto(`${server.baseUrl}/admin/settings`);
    await interviewer.getByRole('heading', { name: 'Your account' }).waitFor();
    await expect(interviewer.getByTestId('installation').count()).resolves.toBe(0);

    // Deactivated (after a confirmation), the interviewer's next click lands on sign-in.
    await row(admin, 'ines@example.com').getByRole('button', { name: 'Deactivate' }).click();
    await admin.getByRole('dialog', { name: 'Deactivate Ines Interviewer?' }).waitFor();
    await admin.getByTestId('dialog-confirm').click();
    await row(admin, 'ines@example.com').getByText('Deactivated').waitFor();
    await shotBothThemes(admin, 'team');
    await nav.getByRole('link', { name: 'Problems' }).click();
    await interviewer.waitForURL(/\/login\?next=%2Fadmin%2Fproblems/);
    await interviewer.getByTestId('session-ended').waitFor();
    await interviewer.getByLabel('Email').fill('ines@example.com');
    await interviewer.getByLabel('Password').fill(password);
    await interviewer.getByRole('button', { name: 'Sign in' }).click();
    await expect(interviewer.getByTestId('login-error').textContent()).resolves.toMatch(/deactivated.*ask an admin/i);

    // Reactivated with a new password (the old one was shared too widely), the interviewer is back in.
    await row(admin, 'ines@example.com').getByRole('button', { name: 'Reset password' }).click();
    await admin.getByTestId('dialog-confirm').click();
    const fresh = (await admin.getByTestId('generated-password').textContent()) ?? '';
    expect(fresh).not.toBe(password);
    await admin.getByRole('button', { name: 'Done' }).click();
    await row(admin, 'ines@example.com').getByRole('button', { name: 'Reactivate' }).click();
    await row(admin, 'ines@example.com').getByText('Active').waitFor();
    await interviewer.getByLabel('Password').fill(password);
    await interviewer.getByRole('button', { name: 'Sign in' }).click();
    await expect(interviewer.getByTestId('login-error').textContent()).resolves.toMatch(/email or password is wrong/);
    await interviewer.getByLabel('Password').fill(fresh);
    await interviewer.getByRole('button', { name: 'Sign in' }).click();
    await interviewer.waitForURL(/\/admin\/problems$/);
    await interviewer.context().close();

    // [W22] The audit log, filtered by action, shows the deactivation with its actor.
    await admin.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Audit log' }).click();
    await admin.getByTestId('audit-table').waitFor();
    await admin.getByLabel('Action').selectOption('team.deactivate');
    await admin.waitForURL(/action=team\.deactivate/);
    await admin.locator('[data-testid="audit-row"]').first().waitFor();
    const actions = await admin
      .locator('[data-testid="audit-row"]')
      .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.action));
    expect(actions).toEqual(['team.deactivate']);
    const entry = admin.locator('[data-testid="audit-row"]').first();
    await expect(entry.textContent()).resolves.toMatch(/Deactivated a member.*Ines Interviewer/);
    await entry.getByRole('button', { name: 'Details' }).click();
    await admin.getByText('endedSessions').waitFor();
    // A reload keeps the filter (it lives in the address).
    await admin.reload();
    await admin.locator('[data-testid="audit-row"][data-action="team.deactivate"]').waitFor();
    await admin.getByRole('button', { name: 'Clear filters' }).click();
    await admin.locator('[data-testid="audit-row"][data-action="auth.sign_in"]').first().waitFor();
    await shotBothThemes(admin, 'audit');
    await admin.context().close();
  });

  it('[W22] "Load more" continues the log where its first page ended, without repeating an entry', async () => {
    const get = (path: string) => fetch(`${server.baseUrl}${path}`, { headers: { cookie: server.adminCookie } });
    const { assessments } = (await (await get('/api/admin/assessments')).json()) as { assessments: { id: string }[] };
    // Each export is an audit entry: more than a page of them.
    for (let i = 0; i < 55; i++) await get(`/api/admin/assessments/${assessments[0]?.id}/results.csv`);
    const page = await signedInPage(browser, server.baseUrl, server.admin, '/admin/audit?action=results.export');
    const rows = page.locator('[data-testid="audit-row"]');
    await rows.nth(49).waitFor();
    await expect(rows.count()).resolves.toBe(50);
    await page.getByRole('button', { name: 'Load more' }).click();
    await rows.nth(54).waitFor();
    await expect(rows.count()).resolves.toBe(55);
    await expect(page.getByRole('button', { name: 'Load more' }).count()).resolves.toBe(0);
    await page.context().close();
  });

  it('[W23] settings: the account and a password change for everyone, the installation for admins', async () => {
    const page = await signedInPage(browser, server.baseUrl, server.admin, '/admin/settings');
    await page.getByTestId('installation').getByText('JavaScript').waitFor();
    const form = page.getByTestId('password-form');
    await form.getByLabel('Current password').fill('not my password');
    await form.getByLabel(/^New password/).fill('short');
    await form.getByLabel('Repeat the new password').fill('short');
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByTestId('password-result').textContent()).resolves.toMatch(/at least 12/);
    await form.getByLabel(/^New password/).fill('a brand new password');
    await form.getByLabel('Repeat the new password').fill('a brand new password');
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByTestId('password-result').textContent()).resolves.toMatch(/current password is wrong/i);
    await shotBothThemes(page, 'settings');
    await page.context().close();
  });

  it('[W20] the sign-in page with an error and the landing page, in both themes', async () => {
    const context = await browser.newContext({ viewport: CONSOLE_VIEWPORT, colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/`);
    await page.getByTestId('landing').waitFor();
    await shotBothThemes(page, 'landing');
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel('Email').fill(server.admin.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('login-error').waitFor();
    await shotBothThemes(page, 'login-error');
    await context.close();
  });
});
