// `pnpm bench api [candidates] [seconds] [pack/problem]`: simulated candidates autosave every 2 s and submit; prints
// submit→verdict latency and submissions/s for the in-process path and (with DATABASE_URL and
// REDIS_URL) the BullMQ path with two workers, beside the judge alone on the same submissions.
// With DATABASE_URL both paths use PostgreSQL; without it the in-process path uses PGlite. Candidates
// arrive over the first 2 s; submissions start from their second tick, so the numbers are steady state.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Judge } from '@assay/judge';
import { BUILTIN_PACKS_DIR, loadProblemOrThrow, scaffoldProblem } from '@assay/problems';
import { sql } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { rowsOf } from '../src/db/rowsOf.ts';
import { createJudgeTransport } from '../src/queue/judgeTransport.ts';
import { bootstrap } from '../src/services/bootstrap.ts';
import { importProblems } from '../src/services/importProblems.ts';
import { testDatabase } from '../test/testDatabase.ts';
import { spawnWorker } from '../test/workerProcess.ts';

const CANDIDATES = Number(process.argv[2] ?? 200);
const SECONDS = Number(process.argv[3] ?? 60);
const ADMIN = { email: 'bench@example.com', password: 'bench password 123' };
/**
 * `pack/problem` of a built-in problem to judge (its first accepted JavaScript solution) instead of the
 * scaffolded sum-it: real problems carry megabytes of hidden tests, which is what embedded mode's
 * autosave p99 of 3.4 s was measured under (issue 9).
 */
const PROBLEM = process.argv[4];

/** The problem's pack folder, its `pack/problem` reference, and the source every candidate submits. */
function benchProblem(): { packDir: string; ref: string; source: string } {
  if (PROBLEM) {
    const [packId, problemId] = PROBLEM.split('/') as [string, string];
    const problem = loadProblemOrThrow(join(BUILTIN_PACKS_DIR, packId, problemId), packId);
    const accepted = problem.solutions.find((s) => s.category === 'accepted' && s.language === 'javascript');
    if (!accepted) throw new Error(`${PROBLEM} has no accepted JavaScript solution`);
    return { packDir: join(BUILTIN_PACKS_DIR, packId), ref: PROBLEM, source: accepted.source };
  }
  const packDir = join(mkdtempSync(join(tmpdir(), 'assay-bench-')), 'bench');
  scaffoldProblem(packDir, 'sum-it');
  return {
    packDir,
    ref: 'bench/sum-it',
    source: 'function solve(nums) {\n  let s = 0;\n  for (const n of nums) s += n;\n  return s;\n}\n',
  };
}
const BENCH = benchProblem();
const SOURCE = BENCH.source;

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};

/** Busy and total CPU ticks of the whole machine (Linux), to show how loaded it was during a run. */
function cpuTicks(): { busy: number; total: number } | undefined {
  try {
    const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
    const total = fields.reduce((a, b) => a + b, 0);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return undefined;
  }
}

interface PathResult {
  /** Share of the machine's CPU in use while the candidates ran, when known. */
  busy: number | undefined;
  /** Submit → verdict on the candidate's WebSocket, as the client saw it. */
  latencies: number[];
  /** Autosave round trips, as the client saw them. */
  saves: number[];
  /** The judge's own time for each of those submissions (its report's judgeMs), in the same order. */
  judging: number[];
  /** The longest event-loop stall of the client and of the API process (in-process: the judge's parent too). */
  stallsMs: { client: number; server: number };
  submitted: number;
  seconds: number;
}

/**
 * `in-process`: the embedded judge as `pnpm start` runs it without REDIS_URL, in a JudgeHost process
 * ([A29]); `in-thread`: the same judge in the API's own thread, as before [A29], for comparison.
 */
type PathKind = 'in-process' | 'in-thread' | 'bullmq';

async function runPath(kind: PathKind): Promise<PathResult> {
  const pack = BENCH.packDir;
  // A database of its own, as a test file gets: PostgreSQL beside DATABASE_URL, else in-memory PGlite.
  const database = await testDatabase();
  const { versions } = await importProblems(database.db, [pack]);
  await bootstrap(database.db, {
    adminEmail: ADMIN.email,
    adminPassword: ADMIN.password,
    publicUrl: 'http://bench',
    versions,
  });
  const prefix = `assay-bench-${randomBytes(4).toString('hex')}`;
  const workers: ChildProcess[] = [];
  const redisUrl = kind === 'bullmq' ? (process.env.REDIS_URL as string) : undefined;
  if (redisUrl) {
    for (let i = 0; i < 2; i++) {
      const { child, ready } = spawnWorker({ databaseUrl: database.url, redisUrl, prefix });
      workers.push(child);
      await ready;
    }
  }
  // 'in-process' lets the transport start its JudgeHost ([A29]); 'in-thread' judges in this thread.
  const judge = kind === 'in-thread' ? new Judge({ concurrency: availableParallelism() }) : undefined;
  await judge?.warmUp();
  const {
    queue,
    events,
    redis,
    close: closeTransport,
  } = await createJudgeTransport({
    redisUrl,
    prefix,
    db: database.db,
    judge,
    concurrency: availableParallelism(),
  });
  const serverLag = monitorEventLoopDelay({ resolution: 5 });
  serverLag.enable();
  const app = await buildApp({
    // As `pnpm start` runs it: with Redis, limits and the session cache are shared there ([A52]).
    config: loadConfig({ LOG_LEVEL: 'silent', REDIS_PREFIX: prefix }),
    db: database.db,
    queue,
    events,
    redis,
    now: () => new Date(),
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

  const json = async (path: string, init: RequestInit & { cookie?: string } = {}) => {
    const response = await fetch(`${base}${path}`, {
      ...init,
      headers: {
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        ...(init.cookie ? { cookie: init.cookie } : {}),
      },
    });
    return {
      status: response.status,
      body: (await response.json()) as Record<string, unknown>,
      cookie: response.headers.get('set-cookie')?.split(';')[0],
    };
  };
  const admin = (await json('/api/auth/login', { method: 'POST', body: JSON.stringify(ADMIN) })).cookie as string;
  const { body: created } = await json('/api/admin/assessments', {
    method: 'POST',
    cookie: admin,
    body: JSON.stringify({
      title: 'Bench',
      durationMinutes: 120,
      tasks: [{ problemVersionId: versions.get(BENCH.ref) }],
    }),
  });
  const { body: invited } = await json(`/api/admin/assessments/${created.id}/invitations`, {
    method: 'POST',
    cookie: admin,
    body: JSON.stringify({
      candidates: Array.from({ length: CANDIDATES }, (_, i) => ({ name: `C${i}`, email: `c${i}@example.com` })),
    }),
  });
  const links = (invited.invitations as { link: string }[]).map((i) => i.link.split('/a/')[1] as string);

  // The simulated candidates run in a process of their own, so they do not share the server's event loop.
  const client = spawn(
    process.execPath,
    ['--import', import.meta.resolve('tsx'), fileURLToPath(new URL('./apiBenchClient.ts', import.meta.url))],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  client.stdin?.end(JSON.stringify({ base, tokens: links, seconds: SECONDS, source: SOURCE }));
  let output = '';
  client.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const started = performance.now();
  const ticksBefore = cpuTicks();
  await new Promise((resolve) => client.on('exit', resolve));
  const ticksAfter = cpuTicks();
  const busy =
    ticksBefore && ticksAfter
      ? (ticksAfter.busy - ticksBefore.busy) / (ticksAfter.total - ticksBefore.total)
      : undefined;
  const { verdicts, saves, submitted, lagMaxMs } = JSON.parse(output) as {
    verdicts: { id: string; ms: number }[];
    saves: number[];
    submitted: number;
    lagMaxMs: number;
  };
  const seconds = (performance.now() - started) / 1000;
  serverLag.disable();
  const judged = await database.db.execute(sql`
    SELECT id, (report->>'judgeMs')::float8 AS judge_ms FROM submissions WHERE status = 'done'`);
  const judgeMs = new Map(rowsOf<{ id: string; judge_ms: number }>(judged).map((r) => [r.id, Number(r.judge_ms)]));
  const latencies = verdicts.map((v) => v.ms);
  const judging = verdicts.map((v) => judgeMs.get(v.id) ?? Number.NaN);
  await app.close();
  await closeTransport();
  await judge?.close();
  for (const w of workers) w.kill('SIGTERM');
  if (kind === 'bullmq') {
    const redis = new Redis(process.env.REDIS_URL as string);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  }
  await database.close();
  return {
    busy,
    latencies,
    saves,
    judging,
    submitted,
    seconds,
    stallsMs: { client: lagMaxMs, server: serverLag.max / 1e6 },
  };
}

async function judgeAlone(count: number): Promise<number[]> {
  const problem = loadProblemOrThrow(join(BENCH.packDir, BENCH.ref.split('/')[1] as string)).spec;
  const judge = new Judge({ concurrency: availableParallelism() });
  await judge.warmUp();
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await judge.judge({ problem, submission: { language: 'javascript', source: SOURCE }, mode: 'submit' });
    times.push(performance.now() - t);
  }
  await judge.close();
  return times;
}

const fmt = (x: number) => `${x.toFixed(1)} ms`;
console.log(
  `api benchmark · ${CANDIDATES} candidates · ${SECONDS} s · node ${process.version} · ${availableParallelism()} cores\n`,
);
const alone = await judgeAlone(PROBLEM ? 20 : 300);
console.log(
  `judge alone (same submission, no queue, no HTTP):  p50 ${fmt(percentile(alone, 50))}  p99 ${fmt(percentile(alone, 99))}`,
);
const paths: PathKind[] =
  process.env.DATABASE_URL && process.env.REDIS_URL
    ? ['in-thread', 'in-process', 'bullmq']
    : ['in-thread', 'in-process'];
for (const kind of paths) {
  const result = await runPath(kind);
  const spread = (xs: number[]) =>
    `p50 ${fmt(percentile(xs, 50))}  p90 ${fmt(percentile(xs, 90))}  p99 ${fmt(percentile(xs, 99))}  max ${fmt(Math.max(...xs))}`;
  // The queue and HTTP overhead of a submission is the time it spent outside the judge: HTTP, the
  // database, the queue (waiting for a free judge included), the event bus and the WebSocket.
  const outside = result.latencies.map((ms, i) => ms - (result.judging[i] ?? Number.NaN));
  const p99Outside = percentile(outside, 99);
  const p99 = percentile(result.latencies, 99);
  const busy = result.busy === undefined ? '' : `, machine CPU ${Math.round(result.busy * 100)}% busy`;
  console.log(
    [
      `\n${{ bullmq: 'BullMQ, two workers', 'in-process': 'embedded judge host [A29]', 'in-thread': "judge in the API's thread (before [A29])" }[kind]} · ${result.latencies.length}/${result.submitted} verdicts · ${(result.submitted / result.seconds).toFixed(1)} submissions/s${busy}`,
      `  submit → verdict            ${spread(result.latencies)}`,
      `  autosave round trip         ${spread(result.saves)}`,
      `  the judge, inside the path  ${spread(result.judging)}`,
      `  outside the judge           ${spread(outside)}   target p99 ≤ 20 ms: ${p99Outside <= 20 ? 'ok' : 'MISSED'}`,
      `  longest event-loop stall    client ${fmt(result.stallsMs.client)}, API ${fmt(result.stallsMs.server)} (a stall delays every request in flight)`,
      `  vs the judge alone (idle)   p99 ${fmt(p99)} / ${fmt(percentile(alone, 99))} = ${(p99 / percentile(alone, 99)).toFixed(1)}×, ${fmt(p99 - percentile(alone, 99))} over`,
    ].join('\n'),
  );
}
if (!paths.includes('bullmq'))
  console.log('(set DATABASE_URL and REDIS_URL to measure the BullMQ path with two workers)');
process.exit(0);
