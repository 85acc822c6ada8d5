import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// [A140] `pnpm start` on a machine without bubblewrap (ASSAY_BWRAP names a program that is not there):
// the server starts, says Python cannot be judged and what to install, and serves. That its judge
// still judges JavaScript is judgeHost.test.ts's.

const SERVER_ENTRY = fileURLToPath(new URL('../src/server.ts', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'assay-nopython-'));
let child: ChildProcess | undefined;

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

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
    const started = spawn(
      process.execPath,
      ['--no-node-snapshot', '--import', import.meta.resolve('tsx'), SERVER_ENTRY],
      {
        env: {
          PATH: process.env.PATH,
          LOG_LEVEL: 'warn',
          PORT: String(port),
          DATA_DIR: dataDir,
          ASSAY_ADMIN_PASSWORD: 'no python test password',
          ASSAY_BWRAP: '/nonexistent/bwrap',
          JUDGE_CONCURRENCY: '1',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child = started;
    let output = '';
    await new Promise<void>((resolve, reject) => {
      started.stdout?.on('data', (d: Buffer) => {
        output += d.toString();
        if (/Languages: .*\n/.test(output)) resolve();
      });
      started.stderr?.on('data', (d: Buffer) => {
        output += d.toString();
      });
      started.once('exit', (code, signal) =>
        reject(new Error(`the server exited (${code ?? signal}) before it was ready:\n${output}`)),
      );
    });
    const line = output.split('\n').find((l) => l.includes('Languages:')) ?? '';
    expect(line).toContain('JavaScript and TypeScript work; Python 3 cannot be judged here:');
    expect(line).toContain('bubblewrap (/nonexistent/bwrap) is not installed');
    expect(line).toContain('apt-get install bubblewrap');

    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
  }, 120_000);
});
