// A pad's playback in Chromium against a real Assay ([W55]–[W62]): a pad seeded as the server stores it
// (two participants typing concurrently with real Y.Docs, one row per update), then scrubbed, stepped,
// played at 32× and jumped to its paste; at every stop the editor must show the code Yjs had then.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPlaybackPad } from '../../api/test/padPlaybackFixture.ts';
import { launchChromium } from './browser.ts';
import { shotBothThemes, signedInPage } from './consolePage.ts';
import { type AssayServer, startAssayServer } from './server.ts';

let server: AssayServer;
let browser: Browser;
let page: Page;
let pad: Awaited<ReturnType<typeof seedPlaybackPad>>;

beforeAll(async () => {
  server = await startAssayServer();
  browser = await launchChromium();
  pad = await seedPlaybackPad(server.db, { ended: true, staffEmail: server.admin.email });
  page = await signedInPage(browser, server.baseUrl, server.admin, `/admin/pads/${pad.padId}/playback`);
  page.on('pageerror', (error) => console.error('page error:', error));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The code Yjs had at session time `t`: the last stored update at or before it. */
const truthAt = (t: number) => pad.history.filter((h) => h.t <= t).at(-1)?.text ?? '';
const playhead = async () => Number(await page.getByTestId('pb-tracks').getAttribute('aria-valuenow'));
const normal = (text: string) => text.replaceAll('\u00a0', ' ').replace(/\s+$/, '');

/** Waits until the editor shows the code of the playhead's moment, and answers that moment. */
async function expectEditorAtPlayhead(): Promise<number> {
  const t = await playhead();
  const expected = normal(truthAt(t));
  await page
    .waitForFunction(
      (want) =>
        (document.querySelector('[data-testid=pb-editor] .view-lines') as HTMLElement | null)?.innerText
          .replaceAll('\u00a0', ' ')
          .replace(/\s+$/, '') === want,
      expected,
      { timeout: 5000 },
    )
    .catch(() => {});
  const shown = normal((await page.locator('[data-testid=pb-editor] .view-lines').innerText()) ?? '');
  expect(shown, `the code at ${t} ms`).toBe(expected);
  return t;
}

describe('[W55] pad playback in the browser', () => {
  it('[W59] scrubbing to a point shows the code of that moment; ←/→ step one edit', async () => {
    await page.getByTestId('pad-playback').waitFor();
    await page.locator('[data-testid=pb-editor] .monaco-editor .view-lines').waitFor();
    // It opens at the end: the final code.
    expect(await playhead()).toBe(pad.endAt);
    await expectEditorAtPlayhead();

    const track = page.getByTestId('pb-tracks');
    const box = await track.boundingBox();
    if (!box) throw new Error('the timeline is not on screen');
    for (const fraction of [0.3, 0.55, 0.12]) {
      await page.mouse.click(box.x + box.width * fraction, box.y + box.height / 2);
      const t = await expectEditorAtPlayhead();
      expect(Math.abs(t - fraction * pad.endAt)).toBeLessThan(pad.endAt / 50);
    }
    // Dragging moves the playhead with the pointer.
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    const dragged = await expectEditorAtPlayhead();
    expect(Math.abs(dragged - 0.4 * pad.endAt)).toBeLessThan(pad.endAt / 50);

    await track.focus();
    const before = normal(truthAt(dragged));
    await page.keyboard.press('ArrowRight');
    const next = await expectEditorAtPlayhead();
    expect(next).toBeGreaterThan(dragged);
    expect(normal(truthAt(next))).not.toBe(before);
    await page.keyboard.press('ArrowLeft');
    expect(await expectEditorAtPlayhead()).toBeLessThanOrEqual(dragged);
    await shotBothThemes(page, 'pad-playback');
  });

  it('[W57] play at 32× moves the playhead and the code with it', async () => {
    await page.getByTestId('pb-tracks').focus();
    await page.keyboard.press('Home');
    expect(await playhead()).toBe(0);
    await page.getByTestId('pb-speed').selectOption('32');
    const began = Date.now();
    await page.getByTestId('pb-play').click();
    await page.waitForTimeout(1500);
    await page.getByTestId('pb-play').click();
    const elapsed = Date.now() - began;
    const t = await playhead();
    // At 32× the playhead runs 32 ms of session a millisecond: the browser's frames may lag behind that,
    // never run ahead of it (the seeded session has no idle gap for "skip idle" to jump).
    expect(t).toBeGreaterThan(10_000);
    expect(t).toBeLessThanOrEqual(32 * elapsed);
    await expectEditorAtPlayhead();
  });

  it('[W56] a paste marker jumps to the paste; a run shows its output', async () => {
    await page.getByTestId('pb-marker-paste').click();
    expect(await playhead()).toBe(pad.pasteAt);
    await expectEditorAtPlayhead();
    await page.getByTestId('pb-run').first().click();
    await expect.poll(() => page.getByTestId('pb-run-output').innerText()).toContain('hi');
    expect(await playhead()).toBe(pad.runAt);
    await expect.poll(() => page.getByTestId('pb-notes').innerText()).toBe('Strong start. Tested edge cases.');
  });
});
