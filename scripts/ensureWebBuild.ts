// `pnpm start` runs this before the server: it builds apps/web when apps/web/dist is missing or older
// than the app's sources, so one command always serves the current web app ([A18] in apps/api/SPEC.md).
// Browser tests and benches call ensureWebBuild() for the same reason.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WEB = join(ROOT, 'apps/web');
const BUILT = join(WEB, 'dist/index.html');
/** What a build is made from; package.json too, because a dependency bump changes the output. */
const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'];

function newestSource(): { path: string; mtimeMs: number } | undefined {
  let newest: { path: string; mtimeMs: number } | undefined;
  const consider = (path: string) => {
    const stat = statSync(path);
    if (stat.isFile() && (!newest || stat.mtimeMs > newest.mtimeMs)) newest = { path, mtimeMs: stat.mtimeMs };
  };
  for (const source of SOURCES) {
    const path = join(WEB, source);
    if (!existsSync(path)) continue;
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path, { recursive: true, encoding: 'utf8' })) consider(join(path, entry));
    } else consider(path);
  }
  return newest;
}

/** Why apps/web needs building, or undefined when dist is current (or there is no app to build yet). */
export function webBuildReason(): string | undefined {
  if (!existsSync(join(WEB, 'index.html'))) return undefined;
  if (!existsSync(BUILT)) return 'apps/web/dist is missing';
  const newest = newestSource();
  if (newest && newest.mtimeMs > statSync(BUILT).mtimeMs) return `${relative(ROOT, newest.path)} changed`;
  return undefined;
}

/** A web build that failed; the message carries the build's output. */
export class WebBuildFailed extends Error {
  override name = 'WebBuildFailed';
  readonly code = 'WEB_BUILD_FAILED';
}

let pending: Promise<boolean> | undefined;

/**
 * Builds apps/web (its `build` script) if it is missing or stale; resolves to whether it built. Calls
 * in one process share one build. Vite's output is shown only when the build fails.
 */
export function ensureWebBuild(log: (line: string) => void = (line) => process.stdout.write(`${line}\n`)) {
  pending ??= (async () => {
    const reason = webBuildReason();
    if (!reason) return false;
    log(`Building the web app (${reason}): pnpm --filter @assay/web build …`);
    const output: Buffer[] = [];
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn('pnpm', ['--filter', '@assay/web', 'build'], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        // What `pnpm start` serves is the production build, even when a test runner (NODE_ENV=test) asks
        // for it: Vite would otherwise bundle React's development build (StrictMode runs effects twice).
        env: { ...process.env, NODE_ENV: 'production' },
      });
      child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
      child.on('error', reject);
      child.on('close', resolve);
    });
    if (code !== 0) {
      throw new WebBuildFailed(
        `the web app did not build (exit ${code}); fix it and run pnpm start again:\n${Buffer.concat(output).toString()}`,
      );
    }
    return true;
  })();
  pending.catch(() => {
    pending = undefined;
  });
  return pending;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    await ensureWebBuild();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
