// [A60] The production image's recipe, played out in a temporary copy of the repository: a full install
// and `pnpm build` (the Dockerfile's build stage), then a production-only install and no TypeScript
// sources (its runtime stage), then the compiled server started the way the image starts it. Slow (a
// build and two installs from pnpm's store), so it runs only when asked: `pnpm test:production`.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const RUN = process.env.ASSAY_PRODUCTION_TEST === '1';

/** The image's start command and environment, read from the Dockerfile (its last CMD and ENV NODE_OPTIONS). */
function imageStart(): { argv: string[]; nodeOptions: string } {
  const dockerfile = readFileSync(join(REPO, 'Dockerfile'), 'utf8');
  const cmd = [...dockerfile.matchAll(/^CMD (\[.*\])$/gm)].at(-1)?.[1];
  const nodeOptions = /^ENV .*\bNODE_OPTIONS=(\S+)/m.exec(dockerfile)?.[1];
  if (!cmd || !nodeOptions) throw new Error('the Dockerfile has no CMD [...] or ENV NODE_OPTIONS=...');
  const [node, ...argv] = JSON.parse(cmd) as string[];
  expect(node).toBe('node');
  return { argv, nodeOptions };
}

/** The worker's command in docker-compose.yml. */
function workerCommand(): string[] {
  const compose = readFileSync(join(REPO, 'docker-compose.yml'), 'utf8');
  const worker = compose.slice(compose.indexOf('\n  worker:'));
  const command = /command: (\[.*\])/.exec(worker)?.[1];
  if (!command) throw new Error('docker-compose.yml has no worker command');
  return JSON.parse(command) as string[];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function pnpm(cwd: string, ...args: string[]): void {
  execFileSync('pnpm', args, {
    cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, CI: 'true', NODE_OPTIONS: '' },
  });
}

describe.skipIf(!RUN)('[A60] the production image', () => {
  let dir: string;
  let server: ChildProcess | undefined;
  let output = '';
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'assay-production-'));
    // The build context: the repository's files without installs, builds or local data (.dockerignore).
    const tracked = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: REPO })
      .toString()
      .split('\0')
      .filter((path) => path && existsSync(join(REPO, path)));
    for (const path of tracked) cpSync(join(REPO, path), join(dir, path));
    // Build stage.
    pnpm(dir, 'install', '--frozen-lockfile', '--offline');
    pnpm(dir, 'run', 'build:server');
    // Runtime stage: production dependencies and compiled code only.
    pnpm(dir, 'install', '--prod', '--frozen-lockfile', '--offline');
    execFileSync('sh', ['-c', 'rm -rf apps/*/src packages/*/src'], { cwd: dir });

    const { argv, nodeOptions } = imageStart();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, argv, {
      cwd: dir,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        NODE_OPTIONS: nodeOptions,
        HOST: '127.0.0.1',
        PORT: String(port),
        PUBLIC_URL: base,
        DATA_DIR: join(dir, '.data'),
        ASSAY_ADMIN_PASSWORD: 'production-test-password',
        JUDGE_CONCURRENCY: '1',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
    });
    server.stderr?.on('data', (d: Buffer) => {
      output += d.toString();
    });
    const deadline = Date.now() + 150_000;
    while (!output.includes('Candidate link')) {
      if (server.exitCode !== null) throw new Error(`the compiled server exited:\n${output}`);
      if (Date.now() > deadline) throw new Error(`the compiled server did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 400_000);

  afterAll(() => {
    server?.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('holds no TypeScript toolchain: tsx, typescript, vite and vitest do not resolve', () => {
    const probe = `for (const name of ['tsx', 'typescript', 'vite', 'vitest']) {
      try { import.meta.resolve(name); console.log(name); } catch {}
    }`;
    for (const cwd of ['.', 'apps/api', 'packages/judge', 'packages/problems']) {
      const found = execFileSync(process.execPath, ['--input-type=module', '-e', probe], {
        cwd: join(dir, cwd),
      }).toString();
      expect(found.trim(), `resolvable from ${cwd}`).toBe('');
    }
  });

  it('answers /api/health from the compiled server', async () => {
    const response = await fetch(`${base}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, database: 'up' });
  });

  it("starts docker-compose's worker from compiled code (it stops at its missing REDIS_URL, past every import)", () => {
    const [node, ...argv] = workerCommand();
    expect(node).toBe('node');
    let stderr = '';
    try {
      execFileSync(process.execPath, argv, {
        cwd: dir,
        env: { PATH: process.env.PATH, NODE_OPTIONS: imageStart().nodeOptions, DATA_DIR: join(dir, '.data') },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      stderr = String((error as { stderr?: Buffer }).stderr);
    }
    expect(stderr).toContain('REDIS_URL');
  });

  it('judges a JavaScript run in compiled sandbox children', async () => {
    const link = /Candidate link:\s+(\S+)/.exec(output)?.[1];
    expect(link).toBeDefined();
    const token = link?.split('/a/')[1] ?? '';
    const session = await fetch(`${base}/api/invitations/${token}/session`, { method: 'POST' });
    expect(session.status).toBe(200);
    const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const headers = { cookie, 'content-type': 'application/json' };
    const started = await fetch(`${base}/api/attempt/start`, { method: 'POST', headers: { cookie } });
    expect(started.status).toBe(200);
    const view = (await started.json()) as { tasks: { position: number; starter: Record<string, string> }[] };
    const task = view.tasks[0];
    expect(task).toBeDefined();
    const run = await fetch(`${base}/api/attempt/tasks/${task?.position}/runs`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ language: 'javascript', code: task?.starter.javascript ?? '' }),
    });
    expect(run.status).toBe(202);
    const { id } = (await run.json()) as { id: string };
    let submission: { status: string; report: { total: number; tests: unknown[]; message?: string } | null } = {
      status: 'queued',
      report: null,
    };
    const deadline = Date.now() + 30_000;
    while (submission.status !== 'done' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      submission = (await (
        await fetch(`${base}/api/attempt/submissions/${id}`, { headers: { cookie } })
      ).json()) as typeof submission;
    }
    expect(submission.status).toBe('done');
    expect(submission.report?.tests.length).toBeGreaterThan(0);
    expect(submission.report?.message).toBeUndefined();
  });
});
