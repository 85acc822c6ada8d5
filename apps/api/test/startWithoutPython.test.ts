import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// [A140] `pnpm start` and `pnpm worker` on a machine without bubblewrap (ASSAY_BWRAP names a program
// that is not there): each starts and says Python cannot be judged and what to install; the server
// serves. That their judge still judges JavaScript is judgeHost.test.ts's.

const SERVER_ENTRY = fileURLToPath(new URL('../src/server.ts', import.meta.url));
const WORKER_ENTRY = fileURLToPath(new URL('../src/worker.ts', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'assay-nopython-'));
const children: ChildProcess[] = [];

afterAll(async () => {
  for (const child of children) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts an entry point under tsx without bubblewrap, resolving with its output once `until` matches it. */
function startWithoutBwrap(entry: string, env: Record<string, string | undefined>, until: RegExp) {
  const started = spawn(process.execPath, ['--no-node-snapshot', '--import', import.meta.resolve('tsx'), entry], {
    env: {
      PATH: process.env.PATH,
      LOG_LEVEL: 'warn',
      JUDGE_CONCURRENCY: '1',
      ASSAY_BWRAP: '/nonexistent/bwrap',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(started);
  let output = '';
  return new Promise<string>((resolve, reject) => {
    started.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
      if (until.test(output)) resolve(output);
    });
    started.stderr?.on('data', (d: Buffer) => {
      output += d.toString();
    });
    started.once('exit', (code, signal) =>
      reject(new Error(`${entry} exited (${code ?? signal}) before it was ready:\n${output}`)),
    );
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('starting without bubblewrap', () => {
  it('[A140] pnpm start without bwrap starts, prints why Python is unavailable and what to install, and serves', async () => {
    const port = await freePort();
    const output = await startWithoutBwrap(
      SERVER_ENTRY,
      { PORT: String(port), DATA_DIR: join(dataDir, 'server'), ASSAY_ADMIN_PASSWORD: 'no python test password' },
      /Languages: .*\n/,
    );
    const line = output.split('\n').find((l) => l.includes('Languages:')) ?? '';
    expect(line).toContain('JavaScript and TypeScript work; Python 3 cannot be judged here:');
    expect(line).toContain('Bubblewrap (/nonexistent/bwrap) is not installed');
    expect(line).toContain('apt-get install bubblewrap');

    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
  }, 300_000);
});

describe.runIf(Boolean(process.env.REDIS_URL))('a worker without bubblewrap', () => {
  it('[A140] pnpm worker without bwrap starts and prints why Python is unavailable and what to install', async () => {
    const output = await startWithoutBwrap(
      WORKER_ENTRY,
      {
        REDIS_URL: process.env.REDIS_URL,
        REDIS_PREFIX: `assay-nopython-${process.pid}`,
        DATA_DIR: join(dataDir, 'worker'),
      },
      /languages: .*\n/,
    );
    expect(output).toContain('judge worker ready');
    const line = output.split('\n').find((l) => l.includes('languages:')) ?? '';
    expect(line).toContain('JavaScript and TypeScript work; Python 3 cannot be judged here:');
    expect(line).toContain('Bubblewrap (/nonexistent/bwrap) is not installed');
  }, 300_000);
});
