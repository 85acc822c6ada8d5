// The problem library in Chromium against a real Assay: search and filters, the candidate's-eye preview
// with starter code per language, deep links, and a pack import refused with its issues.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinPackProblems, validPackDir, zipOf } from '../../api/test/packFixture.ts';
import { launchChromium } from './browser.ts';
import { shotBothThemes, signedInPage } from './consolePage.ts';
import { type AssayServer, startAssayServer } from './server.ts';

let server: AssayServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startAssayServer(), launchChromium()]);
  page = await signedInPage(browser, server.baseUrl, server.admin, '/admin/problems');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const rows = () => page.getByTestId('library-row');
const titles = async () => (await page.locator('.library-title').allTextContents()).map((t) => t.trim());

describe('problem library', () => {
  it('[W24] search and filters narrow the table, live in the address and survive a reload', async () => {
    await page.getByTestId('library-table').waitFor();
    const all = await rows().count();
    expect(all).toBeGreaterThanOrEqual(18);
    await expect(page.getByTestId('library-count').textContent()).resolves.toMatch(
      /\d+ problems, \d+ versions in 3 packs/,
    );
    await shotBothThemes(page, 'problems-library');

    await page.getByLabel('Search problems').fill('islands');
    await expect.poll(titles).toEqual(['Number of Islands']);
    await page.getByLabel('Search problems').fill('');
    await expect.poll(() => rows().count()).toBe(all);

    const ml = builtinPackProblems('ml-fundamentals');
    await page.getByLabel('Pack', { exact: true }).selectOption('ml-fundamentals');
    await expect.poll(() => rows().count()).toBe(ml.length);
    // Issue 14: a topic is a tag, so the library narrows the pack to one topic.
    await page.getByLabel('Tag').selectOption('ensembles');
    await expect.poll(titles).toEqual(
      ml
        .filter((p) => p.tags.includes('ensembles'))
        .map((p) => p.title)
        .sort((a, b) => a.localeCompare(b)),
    );
    await page.getByLabel('Tag').selectOption('');
    await page.getByLabel('Difficulty').selectOption('easy');
    await expect.poll(() => rows().count()).toBeLessThan(ml.length);
    const easy = await rows().count();
    expect(easy).toBeGreaterThan(0);
    for (const text of await page.locator('.library-row .difficulty-badge').allTextContents())
      expect(text).toBe('easy');
    expect(page.url()).toContain('pack=ml-fundamentals');
    expect(page.url()).toContain('difficulty=easy');
    await page.reload();
    await page.getByTestId('library-table').waitFor();
    expect(await rows().count()).toBe(easy);
    await expect(page.getByLabel('Difficulty').inputValue()).resolves.toBe('easy');

    await page.getByLabel('Search problems').fill('no such problem anywhere');
    await page.getByTestId('library-no-match').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => rows().count()).toBe(all);

    // Each pack with an archive exports it; the demo pack, published without one, says why not.
    const exportLink = page
      .getByTestId('pack-card')
      .filter({ hasText: 'classics' })
      .getByRole('link', { name: 'Export' });
    const exported = await page.request.get(
      new URL((await exportLink.getAttribute('href')) as string, server.baseUrl).href,
    );
    expect(exported.status()).toBe(200);
    expect(exported.headers()['content-type']).toBe('application/zip');
    await expect(page.getByTestId('pack-card').filter({ hasText: 'demo' }).textContent()).resolves.toContain(
      'Published in the browser',
    );

    // Sorting by title, then reversed.
    await page.getByRole('button', { name: /^Problem/ }).click();
    const descending = await titles();
    expect(descending).toEqual([...descending].sort((a, b) => b.localeCompare(a)));
  });

  it('[W25] the preview shows the statement, signature and starter code per language; a deep link reloads', async () => {
    await page.goto(`${server.baseUrl}/admin/problems?q=islands`);
    await page.getByRole('link', { name: 'Number of Islands' }).click();
    await page.waitForURL(/\/admin\/problems\/[0-9a-f-]{36}$/);
    const statement = page.getByTestId('statement');
    await expect(statement.locator('h1').textContent()).resolves.toBe('Number of Islands');
    await expect(statement.textContent()).resolves.toContain('Input: grid =');
    await expect(page.getByTestId('signature').textContent()).resolves.toBe('function numIslands(grid)');
    const lines = page.getByTestId('starter-editor').locator('.view-lines');
    // Monaco draws spaces as no-break spaces.
    const editorText = async () => ((await lines.textContent()) ?? '').replace(/\u00a0/g, ' ');
    await expect.poll(editorText).toContain('function numIslands(grid)');
    await expect(page.getByTestId('samples').locator('tbody tr').count()).resolves.toBeGreaterThanOrEqual(3);
    await expect(page.getByTestId('staff-facts').textContent()).resolves.toMatch(/\d+ hidden/);

    await page.getByRole('tab', { name: 'TypeScript' }).click();
    await expect(page.getByTestId('signature').textContent()).resolves.toBe(
      'function numIslands(grid: string[]): number',
    );
    await expect.poll(editorText).toContain('grid: string[]');
    await shotBothThemes(page, 'problems-preview');

    const url = page.url();
    await page.reload();
    await page.getByTestId('statement').waitFor();
    expect(page.url()).toBe(url);
    await expect(page.getByRole('link', { name: 'New version' }).getAttribute('href')).resolves.toBe(
      `/admin/problems/drafts/new?from=${url.split('/').pop()}`,
    );

    await page.goto(`${server.baseUrl}/admin/problems/not-a-version`);
    await page.getByTestId('problem-not-found').waitFor();
  });

  it('[W25] a pack that fails validation is refused with every issue listed by problem and file; fixed, it imports', async () => {
    const pack = validPackDir('team-pack');
    const dir = join(pack, 'sum-it');
    writeFileSync(
      join(dir, 'solutions', 'accepted', 'reference.js'),
      '// @idiomatic\nfunction solve(nums) {\n  return nums.length;\n}\n',
    );
    writeFileSync(
      join(dir, 'statement.md'),
      readFileSync(join(dir, 'statement.md'), 'utf8').replace('**Limits:** 300 ms', '**Limits:** 2 s'),
    );
    await page.goto(`${server.baseUrl}/admin/problems`);
    await page.getByRole('button', { name: 'Import pack' }).click();
    await page.getByLabel('Pack archive').setInputFiles({
      name: 'team-pack.zip',
      mimeType: 'application/zip',
      buffer: zipOf(pack),
    });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const errors = page.getByTestId('pack-import-errors');
    await errors.waitFor({ timeout: 60_000 });
    const text = await errors.textContent();
    expect(text).toContain('The pack was not imported');
    expect(text).toContain('team-pack/sum-it/solutions/accepted/reference.js');
    expect(text).toContain('team-pack/sum-it/statement.md');
    await shotBothThemes(page, 'problems-import-errors');
    await expect(page.getByTestId('library-table').textContent()).resolves.not.toContain('team-pack');

    // The same pack, fixed, imports: its problem joins the library.
    await page.getByLabel('Pack archive').setInputFiles({
      name: 'team-pack.zip',
      mimeType: 'application/zip',
      buffer: zipOf(validPackDir('team-pack', 'sum-it', 'Team Sum')),
    });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const outcome = page.locator('[data-testid="pack-import-done"], [data-testid="pack-import-errors"]');
    await outcome.waitFor({ timeout: 90_000 });
    expect(await outcome.textContent()).toContain('Imported pack team-pack: 1 new version of 1 problem');
    // The library reloads after the import; on a busy machine that can take a few seconds.
    await expect.poll(titles, { timeout: 15_000 }).toContain('Team Sum');
  });
});
