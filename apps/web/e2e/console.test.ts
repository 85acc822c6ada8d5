// The staff console's shell in Chromium against a real Assay: sign-in, deep links, navigation, sign-out.
import type { Browser } from 'playwright-core';
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

describe('staff console shell', () => {
  it('[W20] signs in with a clear error for a wrong password, keeps a deep link through sign-in and a reload, and signs out', async () => {
    const context = await browser.newContext({ viewport: CONSOLE_VIEWPORT });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/`);
    await page.getByTestId('landing').waitFor();
    await page.getByRole('link', { name: 'Staff sign in' }).click();
    await page.getByTestId('login').waitFor();

    await page.getByLabel('Email').fill(server.admin.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('login-error').textContent()).resolves.toMatch(/email or password/i);

    // A deep link opened while signed out comes back after sign-in.
    await page.goto(`${server.baseUrl}/admin/team`);
    await page.waitForURL(/\/login\?next=%2Fadmin%2Fteam/);
    await page.getByLabel('Email').fill(server.admin.email);
    await page.getByLabel('Password').fill(server.admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.baseUrl}/admin/team`);
    await page.reload();
    await expect(page.getByRole('link', { name: 'Team' }).getAttribute('aria-current')).resolves.toBe('page');

    // `/` sends a signed-in member of staff to the console.
    await page.goto(`${server.baseUrl}/`);
    await page.waitForURL(/\/admin\/assessments$/);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByTestId('login').waitFor();
    await page.goto(`${server.baseUrl}/admin/assessments`);
    await page.waitForURL(/\/login\?next=/);
    await context.close();
  });

  it('[W20] shows the navigation and a not-found page inside the console, in both themes', async () => {
    const page = await signedInPage(browser, server.baseUrl, server.admin, '/admin/nowhere');
    await page.getByTestId('not-found').waitFor();
    await shotBothThemes(page, 'shell-not-found');
    await page.context().close();
  });
});
