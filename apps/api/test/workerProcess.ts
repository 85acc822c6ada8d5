import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const WORKER_ENTRY = fileURLToPath(new URL('../src/worker.ts', import.meta.url));

/**
 * Starts a `pnpm worker` judge process (judging one submission at a time) for tests and benchmarks.
 * The child is returned at once, so the caller can always stop it; `ready` resolves when it says so.
 */
export function spawnWorker(options: { databaseUrl: string | undefined; redisUrl: string; prefix: string }) {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--no-node-snapshot', '--import', import.meta.resolve('tsx'), WORKER_ENTRY],
    {
      env: {
        ...process.env,
        DATABASE_URL: options.databaseUrl,
        REDIS_URL: options.redisUrl,
        REDIS_PREFIX: options.prefix,
        JUDGE_CONCURRENCY: '1',
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const ready = new Promise<ChildProcess>((resolve) =>
    child.stdout?.on('data', (d: Buffer) => d.toString().includes('ready') && resolve(child)),
  );
  return { child, ready };
}
