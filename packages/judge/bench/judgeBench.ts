// `pnpm bench judge`: the judge's speed, as medians and as ratios against baselines measured in the
// same run. Targets come from the judge issue: (a) ≤ 3 ms, (b) ≤ 1.15×, (c) ≥ 20×, (d) ≤ 50 ms; and
// from issue 13 for Python: (e) a one-test submission's overhead ≤ 100 ms p50, ≤ 300 ms p95.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Judge, type ProblemSpec, sandboxSettings } from '../src/index.ts';
import { IsolatedVmRunner } from '../src/runners/isolatedVm/IsolatedVmRunner.ts';
import { correctSum, sumJob } from '../test/helpers.ts';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2
    ? (s[(s.length - 1) / 2] as number)
    : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};
/** The nearest-rank percentile (p in 0..100). */
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] as number;
};
const fmt = (x: number, digits = 2) => x.toFixed(digits);
const line = (label: string, value: string, target: string, ok: boolean) =>
  console.log(`${label.padEnd(62)} ${value.padStart(12)}   target ${target.padEnd(9)} ${ok ? 'ok' : 'MISSED'}`);

const sumProblem: ProblemSpec = {
  id: 'bench-sum',
  signature: { functionName: 'solve', params: [{ name: 'nums', type: 'int[]' }], returnType: 'int' },
  limits: { cpuMs: 1000, memoryMb: 64 },
  checker: { type: 'exact' },
  tests: [{ id: 't', kind: 'hidden', args: [[1, 2, 3]], expected: 6 }],
};

async function fixedOverhead(): Promise<void> {
  const runner = new IsolatedVmRunner();
  const job = sumJob();
  const times: number[] = [];
  for (let i = 0; i < 220; i++) {
    const t = performance.now();
    await runner.run(job, () => {});
    if (i >= 20) times.push(performance.now() - t);
  }
  const judge = new Judge({ concurrency: 1 });
  const e2e: number[] = [];
  for (let i = 0; i < 120; i++) {
    const t = performance.now();
    await judge.judge({
      problem: sumProblem,
      submission: { language: 'javascript', source: correctSum },
      mode: 'submit',
    });
    if (i >= 20) e2e.push(performance.now() - t);
  }
  await judge.close();
  const a = median(times);
  line('(a) fixed overhead per submission: isolate+context+compile+dispose', `${fmt(a)} ms`, '≤ 3 ms', a <= 3);
  console.log(`    end to end through the child pool (IPC, validation, report): ${fmt(median(e2e))} ms`);
}

const heavySource = `function solve(n) {
  let count = 0;
  for (let i = 2; i < n; i++) { let prime = true; for (let d = 2; d * d <= i; d++) if (i % d === 0) { prime = false; break; } if (prime) count++; }
  return count;
}`;

async function cpuHeavy(): Promise<void> {
  const n = 3_000_000;
  const direct = new Function(`${heavySource}; return solve;`)() as (n: number) => number;
  const problem: ProblemSpec = {
    id: 'bench-primes',
    signature: { functionName: 'solve', params: [{ name: 'n', type: 'int' }], returnType: 'int' },
    limits: { cpuMs: 20_000, memoryMb: 64 },
    checker: { type: 'exact' },
    tests: [{ id: 't', kind: 'hidden', args: [n], expected: direct(n) }],
  };
  const judge = new Judge({ concurrency: 1 });
  const hostTimes: number[] = [];
  const judgedTimes: number[] = [];
  const judgedCpu: number[] = [];
  const hostCpu: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const cpu = process.cpuUsage();
    direct(n);
    const used = process.cpuUsage(cpu);
    hostTimes.push(performance.now() - t);
    hostCpu.push((used.user + used.system) / 1000);
    const report = await judge.judge({
      problem,
      submission: { language: 'javascript', source: heavySource },
      mode: 'submit',
    });
    if (report.verdict !== 'accepted') throw new Error(`heavy bench not accepted: ${report.verdict}`);
    judgedTimes.push(report.tests[0]?.wallMs ?? 0);
    judgedCpu.push(report.tests[0]?.cpuMs ?? 0);
  }
  await judge.close();
  const ratio = median(judgedTimes) / median(hostTimes);
  line(
    `(b) CPU-heavy test judged / called in the host (${fmt(median(judgedTimes), 0)} / ${fmt(median(hostTimes), 0)} ms)`,
    `${fmt(ratio)}×`,
    '≤ 1.15×',
    ratio <= 1.15,
  );
  // [J22] The CPU time the judge charged (the child process's), against the same call's CPU time in the
  // host: near 1× however busy the machine is, where wall times swing with the load.
  console.log(
    `    CPU time charged / the host call's CPU time (${fmt(median(judgedCpu), 0)} / ${fmt(median(hostCpu), 0)} ms): ${fmt(median(judgedCpu) / median(hostCpu))}×`,
  );
}

/** Submissions per second for `tests`-test submissions: ours with `cores` children, then one `node` per submission. */
async function throughput(tests: number): Promise<void> {
  const cores = availableParallelism();
  const problem: ProblemSpec = {
    ...sumProblem,
    id: `bench-throughput-${tests}`,
    tests: Array.from({ length: tests }, (_, i) => ({
      id: `t${i}`,
      kind: 'hidden' as const,
      args: [[i, i + 1]],
      expected: 2 * i + 1,
    })),
  };
  const judge = new Judge({ concurrency: cores });
  const submitOne = () =>
    judge.judge({ problem, submission: { language: 'javascript', source: correctSum }, mode: 'submit' });
  await Promise.all(Array.from({ length: cores * 2 }, submitOne));
  const total = 1200 / tests;
  let started = 0;
  const t = performance.now();
  await Promise.all(
    Array.from({ length: cores * 2 }, async () => {
      while (started++ < total) await submitOne();
    }),
  );
  const ours = total / ((performance.now() - t) / 1000);
  await judge.close();

  // The baseline runs the same tests, each in a fresh node:vm context, in one process per submission.
  const dir = mkdtempSync(join(tmpdir(), 'assay-bench-'));
  const script = join(dir, 'run.js');
  writeFileSync(
    script,
    `const vm = require('node:vm'); const src = require('node:fs').readFileSync(0, 'utf8'); let ok = 0;
     for (let i = 0; i < ${tests}; i++) { const f = vm.runInContext(src + ';solve', vm.createContext({}), { timeout: 1000 }); if (f([i, i + 1]) === 2 * i + 1) ok++; }
     process.stdout.write(String(ok));`,
  );
  const spawnOne = () =>
    new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [script], { stdio: ['pipe', 'pipe', 'inherit'] });
      child.stdin.end(correctSum);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`baseline exited ${code}`))));
    });
  const baselineTotal = 40;
  let spawned = 0;
  const b = performance.now();
  await Promise.all(
    Array.from({ length: cores }, async () => {
      while (spawned++ < baselineTotal) await spawnOne();
    }),
  );
  const baseline = baselineTotal / ((performance.now() - b) / 1000);
  const ratio = ours / baseline;
  line(
    `(c) ${tests}-test submissions/s, ${cores} children vs node per run (${fmt(ours, 0)} vs ${fmt(baseline, 1)})`,
    `${fmt(ratio, 1)}×`,
    '≥ 20×',
    ratio >= 20,
  );
}

async function killLatency(): Promise<void> {
  // [J22] The child stops a test at its CPU limit; the wall clock is only the supervisor's backstop
  // (10 × cpuMs + 1 s). Re-judges are off so each submission is one run.
  const problem: ProblemSpec = { ...sumProblem, limits: { cpuMs: 200, memoryMb: 64 } };
  const backstopMs = 200 * 10 + 1000;
  const judge = new Judge({ concurrency: 1, maxRejudges: 0 });
  const over: number[] = [];
  const overHard: number[] = [];
  for (let i = 0; i < 5; i++) {
    const loop = await judge.judge({
      problem,
      submission: { language: 'javascript', source: 'function solve() { for (;;) {} }' },
      mode: 'submit',
    });
    over.push((loop.tests[0]?.cpuMs ?? 0) - 200);
    const bigint = await judge.judge({
      problem,
      submission: {
        language: 'javascript',
        source: 'function solve() { return BigInt("1".repeat(1e7)).toString().length; }',
      },
      mode: 'submit',
    });
    overHard.push((bigint.tests[0]?.wallMs ?? 0) - backstopMs);
  }
  await judge.close();
  const d = median(over);
  line('(d) infinite loop: CPU time from the 200 ms limit to the stop', `${fmt(d)} ms`, '≤ 50 ms', d <= 50);
  console.log(
    `    uninterruptible BigInt parse, killed by the supervisor: ${fmt(median(overHard))} ms past the ${backstopMs} ms backstop`,
  );
}

const numpySum = 'import numpy as np\n\ndef solve(nums):\n    return int(np.sum(nums))\n';
const plainSum = 'def solve(nums):\n    return sum(nums)\n';

/**
 * The baseline for Python (issue 13): a plain interpreter per submission, no sandbox, that runs the
 * solution and its one test as the judge would (compile, call, serialise the answer) and exits.
 */
function plainPython(python3Path: string): (source: string) => Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'assay-bench-py-'));
  const script = join(dir, 'run.py');
  writeFileSync(
    script,
    [
      'import json, sys',
      'namespace = {"__name__": "__main__"}',
      'exec(compile(sys.stdin.read(), "solution.py", "exec"), namespace)',
      'sys.stdout.write(json.dumps(namespace["solve"]([1, 2, 3])))',
      '',
    ].join('\n'),
  );
  return (source) =>
    new Promise<number>((resolve, reject) => {
      const t = performance.now();
      const child = spawn(python3Path, [script], { stdio: ['pipe', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
      });
      child.stdin.end(source);
      child.on('exit', (code) =>
        code === 0 && out === '6'
          ? resolve(performance.now() - t)
          : reject(new Error(`plain python3 exited ${code}: ${out}`)),
      );
    });
}

/**
 * (e) Python beside JavaScript and beside a plain `python3` per submission: the end-to-end time of a
 * one-test submission whose own code costs microseconds, i.e. the judge's overhead (IPC, the warm
 * sandbox's fork, limits, checking, the report). The five kinds are interleaved so the ratios share
 * the machine's load.
 */
async function pythonOverhead(): Promise<void> {
  const settings = sandboxSettings();
  const judge = new Judge({ concurrency: 1 });
  const python = judge.availability.python;
  if (!python.available) {
    console.log(`(e) Python: not measured, ${python.reason}`);
    await judge.close();
    return;
  }
  await judge.warmUp();
  const judged = async (language: 'python' | 'javascript', source: string) => {
    const t = performance.now();
    const report = await judge.judge({ problem: sumProblem, submission: { language, source }, mode: 'submit' });
    if (report.verdict !== 'accepted') throw new Error(`${language} bench submission not accepted: ${report.verdict}`);
    return performance.now() - t;
  };
  const plain = plainPython(settings.python3Path);
  const times = {
    numpy: [] as number[],
    plain: [] as number[],
    js: [] as number[],
    baseNumpy: [] as number[],
    basePlain: [] as number[],
  };
  for (let i = 0; i < 110; i++) {
    const round = {
      numpy: await judged('python', numpySum),
      plain: await judged('python', plainSum),
      js: await judged('javascript', correctSum),
      baseNumpy: await plain(numpySum),
      basePlain: await plain(plainSum),
    };
    if (i < 10) continue;
    for (const [kind, ms] of Object.entries(round)) times[kind as keyof typeof times].push(ms);
  }
  await judge.close();
  const p50 = median(times.numpy);
  const p95 = percentile(times.numpy, 95);
  line('(e) Python one-test submission (imports numpy), end to end: p50', `${fmt(p50, 1)} ms`, '≤ 100 ms', p50 <= 100);
  line('                                                             p95', `${fmt(p95, 1)} ms`, '≤ 300 ms', p95 <= 300);
  console.log(
    `    without numpy in the solution: p50 ${fmt(median(times.plain), 1)} ms, p95 ${fmt(percentile(times.plain, 95), 1)} ms`,
  );
  console.log(
    `    beside JavaScript, same problem through the same judge: ${fmt(median(times.js), 1)} ms p50 → Python ${fmt(p50 / median(times.js), 1)}×`,
  );
  console.log(
    `    beside plain ${settings.python3Path} per submission, no sandbox: ${fmt(median(times.baseNumpy), 1)} ms p50 with numpy → ${fmt(p50 / median(times.baseNumpy))}×; ${fmt(median(times.basePlain), 1)} ms without → ${fmt(median(times.plain) / median(times.basePlain))}×`,
  );
}

const pythonPrimes =
  'def solve(n):\n    count = 0\n    for i in range(2, n):\n        d = 2\n        while d * d <= i:\n            if i % d == 0:\n                break\n            d += 1\n        else:\n            count += 1\n    return count\n';

/**
 * (f) A CPU-heavy Python test: the CPU time the judge charged against the same call's CPU time in a
 * plain interpreter (process_time around the call only), so the sandbox's seccomp filters, rlimits and
 * forked child are seen to cost the candidate's code nothing.
 */
async function pythonCpuHeavy(): Promise<void> {
  const settings = sandboxSettings();
  const judge = new Judge({ concurrency: 1 });
  if (!judge.availability.python.available) {
    await judge.close();
    return;
  }
  const n = 200_000;
  const dir = mkdtempSync(join(tmpdir(), 'assay-bench-py-'));
  const script = join(dir, 'heavy.py');
  writeFileSync(
    script,
    [
      'import json, sys, time',
      'namespace = {}',
      'exec(compile(sys.stdin.read(), "solution.py", "exec"), namespace)',
      't = time.process_time()',
      `answer = namespace["solve"](${n})`,
      'sys.stdout.write(json.dumps([answer, (time.process_time() - t) * 1000]))',
      '',
    ].join('\n'),
  );
  const plainRun = () =>
    new Promise<[number, number]>((resolve, reject) => {
      const child = spawn(settings.python3Path, [script], { stdio: ['pipe', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
      });
      child.stdin.end(pythonPrimes);
      child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`python3 exited ${code}`))));
    });
  const [expected] = await plainRun();
  const problem: ProblemSpec = {
    id: 'bench-py-primes',
    signature: { functionName: 'solve', params: [{ name: 'n', type: 'int' }], returnType: 'int' },
    limits: { cpuMs: 20_000, memoryMb: 256 },
    checker: { type: 'exact' },
    tests: [{ id: 't', kind: 'hidden', args: [n], expected }],
  };
  const judgedCpu: number[] = [];
  const plainCpu: number[] = [];
  for (let i = 0; i < 5; i++) {
    const report = await judge.judge({
      problem,
      submission: { language: 'python', source: pythonPrimes },
      mode: 'submit',
    });
    if (report.verdict !== 'accepted') throw new Error(`heavy Python bench not accepted: ${report.verdict}`);
    judgedCpu.push(report.tests[0]?.cpuMs ?? 0);
    plainCpu.push((await plainRun())[1]);
  }
  await judge.close();
  const ratio = median(judgedCpu) / median(plainCpu);
  console.log(
    `(f) CPU-heavy Python test: CPU time charged / plain ${settings.python3Path}'s (${fmt(median(judgedCpu), 0)} / ${fmt(median(plainCpu), 0)} ms): ${fmt(ratio)}×`,
  );
}

console.log(`judge benchmark · node ${process.version} · ${availableParallelism()} cores\n`);
await fixedOverhead();
await cpuHeavy();
await throughput(1);
await throughput(10);
await killLatency();
await pythonOverhead();
await pythonCpuHeavy();
