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

// The authoring page's steps, shared by its own test and the console's end-to-end story.

/**
 * Replaces the text of the Monaco editor whose test id ends with `key` by pasting it (typing would fight
 * the editor's own bracket closing and indentation, as it does for a person).
 */
export async function setEditor(page: Page, key: string, text: string) {
  const editor = page.locator(`[data-testid$="-${key}"] .monaco-editor .view-lines`);
  await editor.waitFor();
  await editor.click();
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await page.waitForFunction(
    ([k, first]) =>
      document.querySelector(`[data-testid$="-${k}"] .view-lines`)?.textContent?.includes(first as string),
    // The cursor ends at the end of the paste, so the last line is the one surely on screen.
    [key, (text.trim().split('\n').pop() ?? '').replaceAll(' ', '\u00a0')],
  );
}

/** Opens a section (tab) of the authoring page by its label. */
export async function openSection(page: Page, label: string) {
  await page.getByRole('tab', { name: new RegExp(`^${label}`) }).click();
}

/** The authoring page's autosave indicator says everything is stored. */
export async function saved(page: Page) {
  await page.getByTestId('save-state').filter({ hasText: 'All changes saved' }).waitFor();
}
