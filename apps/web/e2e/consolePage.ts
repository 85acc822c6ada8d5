// What every console browser test does: sign in as a member of staff, and screenshot a page in both themes.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';

const SHOTS = fileURLToPath(new URL('../test-output/screenshots/', import.meta.url));

/** The console's screenshots' size: a laptop ([W20]). */
export const CONSOLE_VIEWPORT = { width: 1280, height: 800 };

/** A fresh browser profile signed in through `/login` as `who`, on the page `path`. */
export async function signedInPage(
  browser: Browser,
  baseUrl: string,
  who: { email: string; password: string },
  path = '/admin',
): Promise<Page> {
  const context = await browser.newContext({ viewport: CONSOLE_VIEWPORT, colorScheme: 'light' });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login?next=${encodeURIComponent(path)}`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('console').waitFor();
  return page;
}

/**
 * Screenshots the page as it is in the light theme and again in the dark one
 * (`<name>-light.png`, `<name>-dark.png`), then puts the light theme back.
 */
export async function shotBothThemes(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
  if ((await theme()) !== 'light') await page.getByRole('button', { name: /Light$/ }).click();
  await page.screenshot({ path: `${SHOTS}console-${name}-light.png`, fullPage: true, animations: 'disabled' });
  await page.getByRole('button', { name: /Dark$/ }).click();
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  await page.screenshot({ path: `${SHOTS}console-${name}-dark.png`, fullPage: true, animations: 'disabled' });
  await page.getByRole('button', { name: /Light$/ }).click();
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
}
