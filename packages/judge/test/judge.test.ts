import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { Judge, type ProblemSpec, ProblemSpecError } from '../src/index.ts';
import { correctSum, createJudge, submit, sumProblem } from './helpers.ts';

const example = (file: string) => readFileSync(new URL(`../examples/two-sum/${file}`, import.meta.url), 'utf8');
const twoSum = JSON.parse(example('problem.json')) as ProblemSpec;

const judge = createJudge();
afterAll(() => judge.close());

describe('verdicts and scores', () => {
  it('[J4] accepts correct JavaScript and TypeScript with score 1', async () => {
    for (const [file, language] of [
      ['accepted.js', 'javascript'],
      ['accepted.ts', 'typescript'],
    ] as const) {
      const report = await submit(judge, twoSum, example(file), language);
      expect(report.verdict).toBe('accepted');
      expect(report).toMatchObject({ score: 1, passed: 4, total: 4 });
      expect(report.tests).toHaveLength(7);
    }
  });

  it('[J4] scores a wrong solution by the fraction of hidden tests it passes', async () => {
    const report = await submit(judge, twoSum, example('wrong.js'));
    expect(report.verdict).toBe('wrong_answer');
    const hidden = report.tests.filter((t) => t.kind === 'hidden');
    const passed = hidden.filter((t) => t.verdict === 'accepted').length;
    expect(passed).toBeGreaterThan(0);
    expect(passed).toBeLessThan(hidden.length);
    expect(report.score).toBe(passed / hidden.length);
  });

  it('[J4] run mode judges the samples and custom inputs only', async () => {
    const report = await judge.judge({
      problem: twoSum,
      submission: { language: 'javascript', source: example('accepted.js') },
      mode: 'run',
      customInputs: [[[5, 5], 10]],
    });
    expect(report.tests.map((t) => t.kind)).toEqual(['sample', 'sample', 'sample', 'custom']);
    const custom = report.tests[3];
    expect(custom).toMatchObject({ verdict: 'accepted', actual: '[0,1]', input: 'nums = [5,5], target = 10' });
    expect(custom?.expected).toBeUndefined();
    expect(report.score).toBe(1);
  });

  it('[J4] rejects a custom input that does not fit the signature, saying which', async () => {
    await expect(
      judge.judge({
        problem: twoSum,
        submission: { language: 'javascript', source: example('accepted.js') },
        mode: 'run',
        customInputs: [[[1, 2], 'three']],
      }),
    ).rejects.toThrow(/custom input 1, argument 2: expected number but found the string "three"/);
  });

  it('[J16] shows sample data but never a hidden test’s input, expected or actual value', async () => {
    const report = await submit(judge, twoSum, example('wrong.js'));
    const sample = report.tests.find((t) => t.kind === 'sample' && t.verdict === 'wrong_answer');
    expect(sample).toMatchObject({ input: 'nums = [3,2,4], target = 6', expected: '[1,2]', actual: '[0,0]' });
    expect(sample?.message).toBe('at [0]: expected 1, got 0');
    for (const test of report.tests.filter((t) => t.kind === 'hidden')) {
      expect(test.input).toBeUndefined();
      expect(test.expected).toBeUndefined();
      expect(test.actual).toBeUndefined();
      if (test.verdict === 'wrong_answer') expect(test.message).toBe('the answer differs from the expected one');
    }
    const serialized = JSON.stringify(report);
    for (const test of twoSum.tests.filter((t) => t.kind === 'hidden')) {
      expect(serialized).not.toContain(JSON.stringify(test.args[0]));
    }
  });
});

describe('compile errors and runtime errors', () => {
  it('[J7] reports a JavaScript syntax error at its line and column', async () => {
    const report = await submit(judge, sumProblem, 'function solve(nums) {\n  return nums.length +;\n}');
    expect(report.verdict).toBe('compile_error');
    expect(report.compileError).toEqual({ message: "Unexpected token ';'", line: 2, column: 23 });
    expect(report.score).toBe(0);
  });

  it('[J6] reports a TypeScript syntax error at its line and column', async () => {
    const report = await submit(
      judge,
      sumProblem,
      'function solve(nums: number[]): number {\n\n  return nums.length +;\n}',
      'typescript',
    );
    expect(report.verdict).toBe('compile_error');
    expect(report.compileError).toMatchObject({ line: 3 });
  });

  it('[J8] says which function is missing', async () => {
    const report = await submit(judge, sumProblem, 'function sum(nums) { return 0; }');
    expect(report.verdict).toBe('runtime_error');
    expect(report.tests[0]?.message).toBe('your code must define a function named solve at the top level');
  });

  it('[J15] maps the stack to the candidate’s own lines, in JavaScript and TypeScript', async () => {
    const js = 'function helper(x) {\n  return x.missing.field;\n}\nfunction solve(nums) {\n  return helper(nums);\n}';
    const report = await submit(judge, sumProblem, js);
    const first = report.tests[0];
    expect(first?.message).toBe("TypeError: Cannot read properties of undefined (reading 'field') (line 2)");
    expect(first?.stack).toContain('at helper (solution.js:2:');
    expect(first?.stack).toContain('at solve (solution.js:5:');
    expect(first?.stack).not.toContain('harness');

    const ts =
      'type N = number[];\nfunction solve(nums: N): number {\n  const x: { y: number } | null = null;\n  return (x as any).y;\n}';
    const tsReport = await submit(judge, sumProblem, ts, 'typescript');
    expect(tsReport.tests[0]?.message).toMatch(/^TypeError: .*\(line 4\)$/);
    expect(tsReport.tests[0]?.stack).toContain('solution.ts:4:');
  });

  it('[J24] says where a return value stops fitting the signature', async () => {
    const report = await submit(judge, twoSum, 'function twoSum() { return [0, "1"]; }');
    expect(report.verdict).toBe('runtime_error');
    expect(report.tests[0]?.message).toBe('the return value[1] should be an integer but is a string ("1")');
    const undef = await submit(judge, twoSum, 'function twoSum() { }');
    expect(undef.tests[0]?.message).toBe('the return value should be an array but is undefined');
  });
});

describe('the sandbox', () => {
  it('[J13] seeds Math.random per test, so runs repeat exactly', async () => {
    const problem: ProblemSpec = {
      ...sumProblem,
      id: 'random',
      tests: [
        { id: 'a', kind: 'sample', args: [[1]], expected: 0 },
        { id: 'b', kind: 'sample', args: [[1]], expected: 0 },
      ],
    };
    const source = 'function solve() { return Math.floor(Math.random() * 1e9); }';
    const first = await submit(judge, problem, source);
    const second = await submit(judge, problem, source);
    expect(first.tests.map((t) => t.actual)).toEqual(second.tests.map((t) => t.actual));
    expect(first.tests[0]?.actual).not.toBe(first.tests[1]?.actual);
  });

  it('[J14] captures console output per test and notes truncation', async () => {
    const report = await submit(
      judge,
      sumProblem,
      'function solve(nums) { console.log("n =", nums.length, [1, "a"], { k: -0 }); let s = 0; for (const n of nums) s += n; return s; }',
    );
    expect(report.tests[0]?.output).toBe('n = 3 [ 1, "a" ] { k: -0 }\n');
    const flood = await submit(
      judge,
      sumProblem,
      'function solve() { for (let i = 0; i < 1e5; i++) console.log(i); return 0; }',
    );
    expect(flood.tests[0]?.outputTruncated).toBe(true);
    expect(flood.tests[0]?.output.length).toBeLessThan(17 * 1024);
    expect(flood.tests[0]?.output).toMatch(/output truncated: \d+ more characters were not kept$/);
  });

  it('[J18] judges the tests after a crash on a fresh process', async () => {
    const source =
      'function solve(nums) { if (nums.length === 1) { const m = new Map(); for (let i = 0; ; i++) m.set(i, i); } let s = 0; for (const n of nums) s += n; return s; }';
    const roomy: ProblemSpec = { ...sumProblem, limits: { cpuMs: 4000, memoryMb: 32 } };
    const report = await submit(judge, roomy, source);
    expect(report.tests.map((t) => t.verdict)).toEqual(['accepted', 'memory_limit_exceeded', 'accepted']);
    expect(report.score).toBe(0.5);
  });

  it('[J19] judges many submissions at once, each correctly', async () => {
    const sources = Array.from({ length: 8 }, (_, i) =>
      i % 2 === 0 ? correctSum : 'function solve(nums) { return nums.length; }',
    );
    const reports = await Promise.all(sources.map((s) => submit(judge, sumProblem, s)));
    expect(reports.map((r) => r.verdict)).toEqual(sources.map((_, i) => (i % 2 === 0 ? 'accepted' : 'wrong_answer')));
  });

  it('[J23] stops starting tests once the submission’s total budget is spent', async () => {
    const tight = new Judge({ concurrency: 1, totalBudgetMs: 500 });
    try {
      const problem: ProblemSpec = {
        ...sumProblem,
        tests: Array.from({ length: 6 }, (_, i) => ({
          id: `t${i}`,
          kind: 'hidden' as const,
          args: [[i]],
          expected: i,
        })),
      };
      const report = await submit(tight, problem, 'function solve() { for (;;) {} }');
      expect(report.verdict).toBe('time_limit_exceeded');
      const notRun = report.tests.filter((t) => t.message?.startsWith('not run'));
      expect(notRun.length).toBeGreaterThan(0);
      expect(notRun.every((t) => t.wallMs === 0)).toBe(true);
    } finally {
      await tight.close();
    }
  });
});

describe('values and checkers end to end', () => {
  it('[J2] passes and returns linked lists and special floats', async () => {
    const problem: ProblemSpec = {
      id: 'reverse',
      signature: {
        functionName: 'solve',
        params: [
          { name: 'head', type: 'ListNode' },
          { name: 'x', type: 'float' },
        ],
        returnType: '{ list: ListNode; half: float; inf: float }',
      },
      limits: { cpuMs: 500, memoryMb: 64 },
      checker: { type: 'exact' },
      tests: [
        {
          id: 's',
          kind: 'sample',
          args: [[1, 2, 3], { $float: 'NaN' }],
          expected: { list: [3, 2, 1], half: { $float: 'NaN' }, inf: { $float: 'Infinity' } },
        },
        { id: 'empty', kind: 'hidden', args: [null, 4], expected: { list: [], half: 2, inf: { $float: 'Infinity' } } },
      ],
    };
    const source = `function solve(head, x) {
      let prev = null;
      while (head) { prev = new ListNode(head.val, prev); head = head.next; }
      return { list: prev, half: x / 2, inf: 1 / 0 };
    }`;
    const report = await submit(judge, problem, source);
    expect(report.verdict, JSON.stringify(report.tests)).toBe('accepted');
    expect(report.tests[0]?.actual).toBe('{"list":[3,2,1],"half":NaN,"inf":Infinity}');
  });

  const pairProblem = (checker: ProblemSpec['checker']): ProblemSpec => ({
    id: 'pairs',
    signature: { functionName: 'solve', params: [{ name: 'n', type: 'int' }], returnType: 'int[][]' },
    limits: { cpuMs: 500, memoryMb: 64 },
    checker,
    tests: [
      {
        id: 's',
        kind: 'sample',
        args: [3],
        expected: [
          [0, 1],
          [0, 2],
          [1, 2],
        ],
      },
    ],
  });

  it('[J32] the unordered checker accepts any order', async () => {
    const source =
      'function solve(n) { const out = []; for (let j = n - 1; j > 0; j--) for (let i = j - 1; i >= 0; i--) out.push([i, j]); return out; }';
    expect((await submit(judge, pairProblem({ type: 'unordered' }), source)).verdict).toBe('accepted');
    expect((await submit(judge, pairProblem({ type: 'exact' }), source)).verdict).toBe('wrong_answer');
  });

  it('[J33] a custom checker judges in its own isolate, and a broken one is an internal error', async () => {
    const checker = `function check(input, expected, actual) {
      const [n] = input;
      if (typeof process !== 'undefined') return { ok: false, message: 'checker saw the host' };
      if (actual.length !== expected.length) return { ok: false, message: 'need ' + expected.length + ' pairs' };
      return actual.every(([a, b]) => a < b && b < n);
    }`;
    const good = 'function solve(n) { return [[1, 2], [0, 1], [0, 2]]; }';
    const bad = 'function solve(n) { return [[1, 2]]; }';
    expect((await submit(judge, pairProblem({ type: 'custom', source: checker }), good)).verdict).toBe('accepted');
    const rejected = await submit(judge, pairProblem({ type: 'custom', source: checker }), bad);
    expect(rejected.tests[0]).toMatchObject({ verdict: 'wrong_answer', message: 'need 3 pairs' });
    const broken = await submit(
      judge,
      pairProblem({ type: 'custom', source: 'function check() { throw new Error("oops"); }' }),
      good,
    );
    expect(broken.verdict).toBe('internal_error');
    expect(broken.tests[0]?.message).toMatch(/the problem's checker failed: oops/);
  });

  it('[J31] the float checker allows the tolerance and no more', async () => {
    const problem: ProblemSpec = {
      id: 'mean',
      signature: { functionName: 'solve', params: [{ name: 'xs', type: 'float[]' }], returnType: 'float' },
      limits: { cpuMs: 500, memoryMb: 64 },
      checker: { type: 'float', absTolerance: 1e-6 },
      tests: [{ id: 's', kind: 'sample', args: [[0.1, 0.2, 0.4]], expected: 0.7 / 3 }],
    };
    expect(
      (await submit(judge, problem, 'function solve(xs) { return xs.reduce((a, b) => a + b) / xs.length; }')).verdict,
    ).toBe('accepted');
    expect((await submit(judge, problem, 'function solve(xs) { return 0.2333; }')).verdict).toBe('wrong_answer');
  });
});

describe('interactive problems', () => {
  const celebrity: ProblemSpec = {
    id: 'celebrity',
    signature: { functionName: 'findCelebrity', params: [{ name: 'n', type: 'int' }], returnType: 'int' },
    limits: { cpuMs: 1000, memoryMb: 64 },
    checker: { type: 'exact' },
    interactive: {
      functions: ['knows'],
      source: `function createInteractor(data, args) {
        const n = args[0];
        return {
          callBudget: 3 * n,
          budgetMessage: 'knows() was called more than 3n = ' + 3 * n + ' times',
          functions: { knows: (a, b) => data.graph[a][b] === 1 },
        };
      }`,
    },
    tests: [
      {
        id: 's',
        kind: 'sample',
        args: [3],
        expected: 1,
        data: {
          graph: [
            [0, 1, 0],
            [0, 0, 0],
            [1, 1, 0],
          ],
        },
      },
      {
        id: 'none',
        kind: 'hidden',
        args: [2],
        expected: -1,
        data: {
          graph: [
            [0, 1],
            [1, 0],
          ],
        },
      },
    ],
  };

  it('[J17] lets the candidate call the host functions within the budget', async () => {
    const source = `function findCelebrity(n) {
      let c = 0;
      for (let i = 1; i < n; i++) if (knows(c, i)) c = i;
      for (let i = 0; i < n; i++) if (i !== c && (knows(c, i) || !knows(i, c))) return -1;
      return c;
    }`;
    const report = await submit(judge, celebrity, source);
    expect(report.verdict, JSON.stringify(report.tests)).toBe('accepted');
  });

  it('[J17] over the call budget is a wrong answer that says so, even if the answer is right', async () => {
    const source = `function findCelebrity(n) {
      for (let k = 0; k < 10; k++) for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) { try { knows(a, b); } catch {} }
      return n === 3 ? 1 : -1;
    }`;
    const report = await submit(judge, celebrity, source);
    expect(report.tests[0]).toMatchObject({
      verdict: 'wrong_answer',
      message: 'knows() was called more than 3n = 9 times',
    });
    const uncaught = await submit(judge, celebrity, 'function findCelebrity(n) { for (;;) knows(0, 1); }');
    expect(uncaught.tests[0]).toMatchObject({
      verdict: 'wrong_answer',
      message: 'knows() was called more than 3n = 9 times',
    });
  });

  it('[J17] the hidden data never enters the isolate', async () => {
    const source = `function findCelebrity(n) {
      const seen = Object.getOwnPropertyNames(globalThis).filter((k) => /graph|^data$/i.test(k));
      if (seen.length > 0 || String(knows).includes('graph')) return 42;
      return n === 3 ? 1 : -1;
    }`;
    expect((await submit(judge, celebrity, source)).verdict).toBe('accepted');
  });
});

describe('problem validation', () => {
  it('[J3] lists every way a problem is broken', async () => {
    const broken = {
      ...twoSum,
      signature: { ...twoSum.signature, returnType: 'int[' },
      tests: [{ id: 'a', kind: 'sample', args: [[1]], expected: 1 }],
    };
    await expect(submit(judge, broken as ProblemSpec, correctSum)).rejects.toThrow(ProblemSpecError);
    const badTests = {
      ...twoSum,
      tests: [
        { id: 'a', kind: 'sample', args: [[1]], expected: [0] },
        { id: 'a', kind: 'hidden', args: [[1], 'x'], expected: [0] },
      ],
    };
    const error = await submit(judge, badTests as ProblemSpec, correctSum).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemSpecError);
    expect((error as ProblemSpecError).issues).toEqual([
      'tests.0 (a): has 1 arguments; the signature has 2',
      'tests.1.id: "a" is used by another test',
      'tests.1 (a): args[1] (target): expected number but found the string "x"',
    ]);
  });
});

describe('entry points and limits', () => {
  it('[J8] finds the function in a const or let at the top level', async () => {
    const arrow = await submit(judge, sumProblem, 'const solve = (nums) => nums.reduce((a, b) => a + b, 0);');
    expect(arrow.verdict).toBe('accepted');
    const ts = await submit(
      judge,
      sumProblem,
      'let solve = (nums: number[]): number => nums.reduce((a, b) => a + b, 0);',
      'typescript',
    );
    expect(ts.verdict).toBe('accepted');
  });

  it('[J22] a test that returns after using more CPU than allowed is still too slow', async () => {
    const problem: ProblemSpec = { ...sumProblem, limits: { cpuMs: 50, wallMs: 5000, memoryMb: 32 } };
    const report = await submit(
      judge,
      problem,
      // Fixed work of a few hundred ms of CPU: a loop on the wall clock would measure the machine's load.
      'function solve(nums) { let x = 0; for (let i = 0; i < 2e8; i++) x = (x * 31 + i) % 1000003; return nums.reduce((a, b) => a + b, 0) + (x < 0 ? 1 : 0); }',
    );
    expect(report.verdict).toBe('time_limit_exceeded');
    expect(report.tests[0]?.message).toMatch(/^used \d+ ms of CPU; the limit is 50 ms$/);
  });
});

describe('replacing worn processes', () => {
  it('[J19] a process that has judged its share is replaced by one started beside it, and the pool returns to its size', async () => {
    const judge = new Judge({ concurrency: 1, maxJobsPerChild: 2 });
    try {
      await judge.warmUp();
      const seen: number[] = [];
      for (let i = 0; i < 6; i++) {
        expect((await submit(judge, sumProblem, correctSum)).verdict).toBe('accepted');
        seen.push(judge.processesOf('isolated-vm'));
      }
      // The successor starts while the worn process still works: for a moment there are two.
      expect(Math.max(...seen)).toBe(2);
      for (let waited = 0; judge.processesOf('isolated-vm') !== 1 && waited < 100; waited++)
        await new Promise((r) => setTimeout(r, 50));
      expect(judge.processesOf('isolated-vm')).toBe(1);
    } finally {
      await judge.close();
    }
  });
});

describe('warm-up', () => {
  it('[J19] starts every sandbox process before the first submission, and reuses them', async () => {
    const warm = new Judge({ concurrency: 2 });
    try {
      expect(warm.processes).toBe(0);
      await warm.warmUp();
      // Every runner this machine has: two processes each ([J62]: a runner it lacks starts none).
      const runners = warm.availability.python.available ? 2 : 1;
      expect(warm.processesOf('isolated-vm')).toBe(2);
      expect(warm.processes).toBe(2 * runners);
      const reports = await Promise.all([submit(warm, sumProblem, correctSum), submit(warm, sumProblem, correctSum)]);
      expect(reports.map((r) => r.verdict)).toEqual(['accepted', 'accepted']);
      expect(warm.processes).toBe(2 * runners);
    } finally {
      await warm.close();
    }
  });
});
