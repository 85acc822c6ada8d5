// `pnpm bench web [runs]`: (a) builds the web app and weighs, gzipped, what index.html loads before
// the app runs against the Monaco code loaded later, and what the staff console's route adds; (b) serves it from a real Assay and times, in
// headless Chromium, how long a candidate waits for an editor that takes keystrokes: the whole flow
// from the invitation link, and a reload of the workspace once the attempt has started. Medians of
// `runs` (5) fresh invitations, each in a new browser context.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { launchChromium } from '../e2e/browser.ts';
import { startAssayServer } from '../e2e/server.ts';

const WEB = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(WEB, 'dist');
const RUNS = Number(process.argv[2] ?? 5);
const INITIAL_JS_TARGET_KB = 120;
const EDITOR_TARGET_MS = 1500;
const CONSOLE_TARGET_KB = 250;
const CONSOLE_ENTRY = 'src/console/ConsoleApp.tsx';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1).padStart(7)} KB`;
const gzipped = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const verdict = (ok: boolean) => (ok ? 'ok' : 'OVER');

/** The files index.html makes the browser fetch before the app runs: entry script, its preloads, styles. */
function initialFiles(html: string) {
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  const attr = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
  const file = (url: string) => join(DIST, url.replace(/^\//, ''));
  const js: string[] = [];
  const css: string[] = [];
  for (const tag of tags) {
    const src = attr(tag, 'src');
    const href = attr(tag, 'href');
    if (tag.startsWith('<script') && attr(tag, 'type') === 'module' && src) js.push(file(src));
    else if (attr(tag, 'rel') === 'modulepreload' && href) js.push(file(href));
    else if (attr(tag, 'rel') === 'stylesheet' && href && !/^https?:/.test(href)) css.push(file(href));
  }
  return { js, css };
}

async function weighBundle() {
  process.stdout.write('building apps/web (vite build) …\n');
  // Only errors: the sizes below say more than Vite's chunk warnings.
  await build({ root: WEB, logLevel: 'error', build: { manifest: true } });
  const manifest = JSON.parse(readFileSync(join(DIST, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  // The manifest is for this bench only: the server must not serve it.
  rmSync(join(DIST, '.vite'), { recursive: true, force: true });
  const { js, css } = initialFiles(readFileSync(join(DIST, 'index.html'), 'utf8'));
  if (js.length === 0) throw new Error('dist/index.html loads no module script: is this a Vite build of the app?');
  const all = readdirSync(DIST, { recursive: true, encoding: 'utf8' }).map((f) => join(DIST, f));
  const sized = (files: string[]) =>
    files.map((f) => ({ name: basename(f), gz: gzipped(f) })).sort((a, b) => b.gz - a.gz);
  const sum = (files: { gz: number }[]) => files.reduce((total, f) => total + f.gz, 0);
  const initialJs = sized(js);
  const lazyJs = sized(all.filter((f) => f.endsWith('.js') && !js.includes(f)));
  const workers = lazyJs.filter((f) => /worker/i.test(f.name));
  const chunks = lazyJs.filter((f) => !/worker/i.test(f.name));
  const lazyCss = sized(all.filter((f) => f.endsWith('.css') && !css.includes(f)));
  const other = sized(all.filter((f) => /\.(ttf|woff2?|svg|png|wasm)$/.test(f)));
  const initialKb = sum(initialJs) / 1024;
  const top = (files: { name: string; gz: number }[]) =>
    files
      .slice(0, 4)
      .map((f) => `${f.name} ${(f.gz / 1024).toFixed(1)} KB`)
      .join(', ');
  const lines = [
    '',
    'web bundle (apps/web/dist), gzip -9:',
    `  initial JS   ${kb(sum(initialJs))}  ${initialJs.length} file(s): ${top(initialJs)}   target ≤ ${INITIAL_JS_TARGET_KB} KB: ${verdict(initialKb <= INITIAL_JS_TARGET_KB)}`,
    `  initial CSS  ${kb(sum(sized(css)))}  ${css.length} file(s)`,
    `  lazy JS      ${kb(sum(chunks))}  ${chunks.length} chunk(s), largest: ${top(chunks)}`,
    `  workers      ${kb(sum(workers))}  ${workers.length} file(s): ${top(workers)}`,
    `  lazy CSS     ${kb(sum(lazyCss))}  ${lazyCss.length} file(s)`,
    `  fonts etc.   ${kb(sum(other))}  ${other.length} file(s): ${top(other)}`,
    '',
  ];
  // [W20] What opening the console downloads beyond the first screen: its chunk and what it imports
  // statically. Monaco, which console pages load on demand, is weighed apart.
  const consoleFiles = staticClosure(manifest, CONSOLE_ENTRY).map((f) => join(DIST, f));
  const consoleJs = sized(consoleFiles.filter((f) => f.endsWith('.js') && !js.includes(f)));
  const consoleCss = sized(consoleFiles.filter((f) => f.endsWith('.css') && !css.includes(f)));
  const withMonaco = consoleJs.filter((f) => /monaco|editor\.api|CodeEditor/i.test(f.name));
  const consoleKb = (sum(consoleJs) - sum(withMonaco)) / 1024;
  lines.push(
    'staff console route (/admin, /login), gzip -9, beyond the initial files:',
    `  console JS   ${kb(sum(consoleJs) - sum(withMonaco))}  ${consoleJs.length - withMonaco.length} file(s): ${top(consoleJs.filter((f) => !withMonaco.includes(f)))}   target ≤ ${CONSOLE_TARGET_KB} KB without Monaco: ${verdict(consoleKb <= CONSOLE_TARGET_KB)}`,
    `  console CSS  ${kb(sum(consoleCss))}  ${consoleCss.length} file(s)`,
    withMonaco.length > 0
      ? `  Monaco loaded with the console's first page (should be on demand): ${kb(sum(withMonaco))}`
      : '  Monaco: loaded on demand by the pages that show code, as for the candidate',
    `  candidate's first screen for comparison: ${kb(sum(initialJs))} JS`,
    '',
  );
  process.stdout.write(lines.join('\n'));
}

/** Vite's build manifest: source key → its output file and what it imports. */
type Manifest = Record<string, { file: string; css?: string[]; imports?: string[] }>;

/** The files loading `entry` brings in: its chunk, the chunks it imports statically, and their CSS. */
function staticClosure(manifest: Manifest, entry: string): string[] {
  if (!manifest[entry]) throw new Error(`the build manifest has no ${entry}: did the console move?`);
  const seen = new Set<string>();
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(key)) return;
    seen.add(key);
    files.add(chunk.file);
    for (const file of chunk.css ?? []) files.add(file);
    for (const next of chunk.imports ?? []) visit(next);
  };
  visit(entry);
  return [...files];
}

/** Runs one step of the candidate's flow, naming it if the UI does not behave as the bench expects. */
async function step<T>(name: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Waits until the editor takes a keystroke: a click into it, then `mark` typed and seen in the
 * rendered lines. An editor can be on screen before it accepts input, so typing repeats until it does.
 */
async function editable(page: Page, mark: string) {
  const editor = page.locator('[data-testid=editor] .monaco-editor').first();
  const deadline = performance.now() + 30_000;
  for (;;) {
    if (performance.now() > deadline) throw new Error(`typed ${mark} for 30 s and never saw it in .view-lines`);
    await editor.click();
    await page.keyboard.type(mark);
    const seen = await page
      .locator('[data-testid=editor] .view-lines', { hasText: mark })
      .first()
      .waitFor({ state: 'attached', timeout: 100 })
      .then(
        () => true,
        () => false,
      );
    if (seen) return;
  }
}

async function timeEditor() {
  const server = await startAssayServer();
  const browser = await launchChromium();
  const flow: number[] = [];
  const coldReload: number[] = [];
  const warmReload: number[] = [];
  try {
    for (let run = 1; run <= RUNS; run++) {
      const link = await server.createInvitation({ durationMinutes: 60 });
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      try {
        const page = await context.newPage();
        page.setDefaultTimeout(30_000);
        let start = performance.now();
        await step('open the invitation link', () => page.goto(link, { waitUntil: 'commit' }));
        await step('check [data-testid=consent]', () => page.check('[data-testid=consent]'));
        await step('click [data-testid=continue]', () => page.click('[data-testid=continue]'));
        await step('click [data-testid=start]', () => page.click('[data-testid=start]'));
        await step('type into [data-testid=editor] .monaco-editor', () => editable(page, '¤'));
        flow.push(performance.now() - start);

        // Cold: what a candidate waits for on a new machine or after a deploy. Warm: a plain reload.
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.clearBrowserCache');
        start = performance.now();
        await step('reload the workspace', () => page.reload({ waitUntil: 'commit' }));
        await step('type after a reload (cold cache)', () => editable(page, '§'));
        coldReload.push(performance.now() - start);

        start = performance.now();
        await step('reload the workspace', () => page.reload({ waitUntil: 'commit' }));
        await step('type after a reload (warm cache)', () => editable(page, '¶'));
        warmReload.push(performance.now() - start);
        process.stdout.write(
          `  run ${run}: flow ${flow.at(-1)?.toFixed(0)} ms, reload cold ${coldReload.at(-1)?.toFixed(0)} ms, warm ${warmReload.at(-1)?.toFixed(0)} ms\n`,
        );
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const line = (label: string, xs: number[], target: boolean) =>
    `  ${label.padEnd(44)} ${median(xs).toFixed(0).padStart(5)} ms${target ? `   target ≤ ${EDITOR_TARGET_MS} ms: ${verdict(median(xs) <= EDITOR_TARGET_MS)}` : ''}`;
  const lines = [
    '',
    `editor usable, median of ${RUNS} (headless Chromium, Assay on 127.0.0.1, navigation → typed character shown):`,
    line('invitation → consent → start → editable', flow, false),
    line('reload workspace → editable (cold cache)', coldReload, true),
    line('reload workspace → editable (warm cache)', warmReload, true),
    '',
  ];
  process.stdout.write(lines.join('\n'));
}

await weighBundle();
process.stdout.write(`\ntiming the editor (${RUNS} runs) …\n`);
await timeEditor();
