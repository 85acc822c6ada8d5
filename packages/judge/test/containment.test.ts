import { afterAll, describe, expect, it } from 'vitest';
import { ChildPool, Judge, type ProblemSpec, RUNNERS } from '../src/index.ts';
import { correctSum, createJudge, solveProblem, submit, sumJob, sumProblem } from './helpers.ts';

// What a hostile source may cost: only its own verdict ([J25]–[J29]).

const judge = createJudge();
afterAll(() => judge.close());

/** Default parameters nested `depth` deep: sucrase's TypeScript parser backtracks 2× per level. */
const nestedDefaults = (depth: number) =>
  `const x = ${'(a = '.repeat(depth)}1${') => 1'.repeat(depth)};\nfunction solve(nums: number[]): number { return 0; }`;

describe('source preparation', () => {
  it('[J27] a TypeScript source that makes the stripper backtrack is a compile error for its author only', async () => {
    const order: string[] = [];
    // 26 levels take minutes to strip; the child preparing it is stopped after 5 s.
    const hostile = submit(judge, sumProblem, nestedDefaults(26), 'typescript').then((report) => {
      order.push('hostile');
      return report;
    });
    const trivial = submit(judge, sumProblem, correctSum).then((report) => {
      order.push('trivial');
      return report;
    });
    const [hostileReport, trivialReport] = await Promise.all([hostile, trivial]);
    expect(order).toEqual(['trivial', 'hostile']);
    expect(trivialReport.verdict).toBe('accepted');
    expect(hostileReport.verdict).toBe('compile_error');
    expect(hostileReport.compileError?.message).toMatch(/preparing your code took longer than 5 s/);
    expect((await submit(judge, sumProblem, correctSum)).verdict).toBe('accepted');
  });
});

describe('report size', () => {
  it('[J26] an error thrown from a getter on the thrown object is capped like any message', async () => {
    const report = await submit(
      judge,
      sumProblem,
      'function solve() { throw { get message() { throw new Error("x".repeat(4 * 2 ** 20)); } }; }',
    );
    expect(report.verdict).toBe('runtime_error');
    for (const test of report.tests) expect(test.message?.length ?? 0).toBeLessThanOrEqual(4100);
    expect(JSON.stringify(report).length).toBeLessThan(64 * 1024);
  });

  it('[J26] a custom input’s answer over the answer limit is dropped with a note', async () => {
    const problem = solveProblem('range', ['int'], 'int[]', [3], [0, 1, 2]);
    const report = await judge.judge({
      problem,
      submission: {
        language: 'javascript',
        source: 'function solve(n) { return Array.from({ length: n }, (_, i) => i); }',
      },
      mode: 'run',
      customInputs: [[4], [100_000]],
    });
    const [small, large] = report.tests.filter((t) => t.kind === 'custom');
    expect(small).toMatchObject({ verdict: 'accepted', answer: [0, 1, 2, 3] });
    expect(large?.verdict).toBe('accepted');
    expect(large?.answer).toBeUndefined();
    expect(large?.trimmed).toBe(true);
    expect(large?.message).toMatch(/the answer is \d+ KB, over the 64 KB kept for a custom input/);
    expect(JSON.stringify(report).length).toBeLessThan(64 * 1024);
  });

  it('[J26] a whole report stays under the report limit and says it was trimmed', async () => {
    const many: ProblemSpec = {
      ...sumProblem,
      id: 'many',
      tests: Array.from({ length: 80 }, (_, i) => ({ id: `s${i}`, kind: 'sample' as const, args: [[i]], expected: i })),
    };
    // Each test: 16 KiB of console output and a 4000-character message with a deep stack.
    const source = `function deep(n) { if (n === 0) throw new Error("m".repeat(5000)); return deep(n - 1); }
      function solve() { console.log("o".repeat(20000)); deep(50); }`;
    const report = await submit(judge, many, source);
    expect(report.verdict).toBe('runtime_error');
    expect(report.tests).toHaveLength(80);
    expect(report.tests.every((t) => t.verdict === 'runtime_error')).toBe(true);
    expect(report.trimmed).toBe(true);
    expect(JSON.stringify(report).length).toBeLessThanOrEqual(1024 * 1024);
  });

  it('[J26] a compile error quoting a huge identifier is capped', async () => {
    const report = await submit(judge, sumProblem, `function solve() { return 1 ${'x'.repeat(60_000)}; }`);
    expect(report.verdict).toBe('compile_error');
    expect(report.compileError?.message.length).toBeLessThanOrEqual(4001);
  });
});

describe('interactive problems', () => {
  const probe: ProblemSpec = {
    id: 'probe',
    signature: { functionName: 'solve', params: [{ name: 'n', type: 'int' }], returnType: 'int' },
    limits: { cpuMs: 1000, memoryMb: 64 },
    checker: { type: 'exact' },
    interactive: {
      functions: ['knows'],
      source: `function createInteractor(data, args) {
        return {
          callBudget: 5,
          functions: { knows: (a, b) => { if (a >= args[0]) throw new Error('knows(): ' + a + ' is out of range'); return false; } },
        };
      }`,
    },
    tests: [{ id: 's', kind: 'sample', args: [2], expected: 0, data: {} }],
  };

  it('[J28] an error from a host function carries its message, never the host’s stack', async () => {
    const source = 'function solve(n) { try { knows(n, 0); } catch (e) { throw new Error("seen: " + e.stack); } }';
    const report = await submit(judge, probe, source);
    const message = report.tests[0]?.message ?? '';
    expect(message).toMatch(/knows\(\): 2 is out of range/);
    expect(message).not.toMatch(/file:|\/work\/|node_modules|IsolatedVmRunner|createInteractor|\.ts:/);
    const overBudget = await submit(
      judge,
      probe,
      'function solve(n) { let last = ""; for (let i = 0; i < 9; i++) try { knows(0, 1); } catch (e) { last = e.stack; } throw new Error(last); }',
    );
    expect(overBudget.tests[0]?.verdict).toBe('wrong_answer');
  });
});

describe('interactive time limits', () => {
  it('[J22] an interactive test is stopped at its CPU limit from inside the host functions it calls', async () => {
    const endless: ProblemSpec = {
      id: 'endless',
      signature: { functionName: 'solve', params: [{ name: 'n', type: 'int' }], returnType: 'int' },
      limits: { cpuMs: 100, memoryMb: 64 },
      checker: { type: 'exact' },
      interactive: {
        functions: ['knows'],
        source: 'function createInteractor() { return { callBudget: 1e12, functions: { knows: () => false } }; }',
      },
      tests: [{ id: 's', kind: 'sample', args: [2], expected: 0, data: {} }],
    };
    // It swallows every error, so only stopping the isolate ends it before the wall-clock backstop.
    const report = await submit(judge, endless, 'function solve(n) { for (;;) { try { knows(0, 1); } catch {} } }');
    expect(report.verdict).toBe('time_limit_exceeded');
    expect(report.tests[0]?.message).toMatch(/^used \d+ ms of CPU; the limit is 100 ms$/);
  });
});

describe('time limits under load', () => {
  it('[J29] a test over its time limit is judged again in a fresh process, and the faster run counts', async () => {
    // A first run slowed by 250 ms of CPU, as a loaded machine might slow it; the re-judge is not.
    const slowFirst = new Judge({ concurrency: 1, burnCpuMsOnFirstRun: 250 });
    try {
      const report = await submit(slowFirst, sumProblem, correctSum);
      expect(report.verdict, JSON.stringify(report.tests)).toBe('accepted');
      expect(report.tests.map((t) => t.rejudged)).toEqual([true, true, true]);
      expect(report.tests.every((t) => t.cpuMs < 200)).toBe(true);
    } finally {
      await slowFirst.close();
    }
  });

  it('[J29] re-judges at most maxRejudges tests per submission', async () => {
    const bounded = new Judge({ concurrency: 1, burnCpuMsOnFirstRun: 250, maxRejudges: 1 });
    try {
      const report = await submit(bounded, sumProblem, correctSum);
      expect(report.tests.map((t) => [t.verdict, t.rejudged ?? false])).toEqual([
        ['accepted', true],
        ['time_limit_exceeded', false],
        ['time_limit_exceeded', false],
      ]);
      expect(report.tests[1]?.message).toMatch(/^used \d+ ms of CPU; the limit is 200 ms$/);
    } finally {
      await bounded.close();
    }
  });

  it('[J29] code that is simply too slow stays too slow after its re-judge', async () => {
    const report = await submit(judge, sumProblem, 'function solve() { for (;;) {} }');
    expect(report.verdict).toBe('time_limit_exceeded');
    expect(report.tests.every((t) => t.rejudged === true && t.verdict === 'time_limit_exceeded')).toBe(true);
  });
});

describe('the memory backstop', () => {
  it('[J25] a child that grows past 1.5 × the limit + 64 MiB outside the isolate is stopped as a memory limit', async () => {
    const pool = new ChildPool({ size: 1, runner: RUNNERS['isolated-vm'].entry });
    try {
      const job = sumJob({ memoryMb: 16 });
      // 160 MiB held outside the isolate, as an uncounted allocation would: past 1.5 × 16 + 64 = 88 MiB.
      const outcome = await pool.run({ ...job, holdOutsideHeapMb: 160 });
      expect('results' in outcome && outcome.results[0]).toMatchObject({
        verdict: 'memory_limit_exceeded',
        message: expect.stringMatching(/the sandbox process grew by \d+ MB, past its 88 MB allowance/),
      });
      // Within the allowance, the same job is judged as usual.
      const fine = await pool.run({ ...job, holdOutsideHeapMb: 20 });
      expect('results' in fine && fine.results[0]?.verdict).toBe('accepted');
    } finally {
      await pool.close();
    }
  });
});
