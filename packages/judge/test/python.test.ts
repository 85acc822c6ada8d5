import { afterAll, describe, expect, it } from 'vitest';
import {
  Judge,
  LanguageUnavailableError,
  languageAvailability,
  limitsFor,
  type ProblemSpec,
  programProblem,
  starterCode,
} from '../src/index.ts';
import { createJudge, solveProblem, submit, sumProblem } from './helpers.ts';

const python = languageAvailability().python;

/** A problem whose one sample expects its argument back: `solve(x: type): type`. */
const identity = (type: string, value: unknown, expected: unknown = value): ProblemSpec =>
  solveProblem(`identity-${type.toLowerCase().replace(/[^a-z]/g, '')}`, [type], type, [value], expected);

describe('[J62] Python where the machine cannot run it', () => {
  it('[J62] is reported unavailable with what to install, refused by the judge, and JavaScript still works', async () => {
    const settings = { bwrapPath: '/nonexistent/bwrap' };
    const availability = languageAvailability(settings);
    expect(availability.javascript).toEqual({ available: true });
    expect(availability.python.available).toBe(false);
    if (!availability.python.available)
      expect(availability.python.reason).toMatch(
        /^Bubblewrap \(\/nonexistent\/bwrap\) is not installed; .*apt-get install/s,
      );

    const judge = new Judge({ concurrency: 1, sandbox: settings });
    try {
      await judge.warmUp();
      expect(judge.processesOf('python')).toBe(0);
      const refused = submit(judge, sumProblem, 'def solve(nums):\n    return sum(nums)\n', 'python');
      await expect(refused).rejects.toBeInstanceOf(LanguageUnavailableError);
      await expect(refused).rejects.toMatchObject({ code: 'JUDGE_ERR_LANGUAGE_UNAVAILABLE', language: 'python' });
      const js = await submit(judge, sumProblem, 'function solve(nums) { return nums.reduce((a, b) => a + b, 0); }');
      expect(js.verdict).toBe('accepted');
    } finally {
      await judge.close();
    }
  });
});

describe('[J61] limits per language', () => {
  it('[J61] a language with its own limits is judged under them; the others under the problem’s', () => {
    const problem: ProblemSpec = {
      ...sumProblem,
      limits: { cpuMs: 200, memoryMb: 32, languages: { python: { cpuMs: 900 } } },
    };
    expect(limitsFor(problem, 'python')).toEqual({ cpuMs: 900, memoryMb: 32 });
    expect(limitsFor(problem, 'javascript')).toEqual({ cpuMs: 200, memoryMb: 32 });
  });
});

describe.skipIf(!python.available)('Python submissions', () => {
  const judge = createJudge();
  afterAll(() => judge.close());

  it.each([
    ['int', 42],
    ['float', 2.5],
    ['float', { $float: 'NaN' }],
    ['float', { $float: '-0' }],
    ['float', { $float: '-Infinity' }],
    ['bool', true],
    ['string', 'héllo "wörld"\n'],
    ['ListNode', [3, 1, 2]],
    ['ListNode', null],
    ['int[][]', [[1], [], [2, 3]]],
    ['(int | null)[]', [1, null, 3]],
    ['Record<string, float[]>', { a: [1.5], 'b c': [] }],
    ['{ name: string; scores: int[]; best: float | null }', { name: 'x', scores: [1, 2], best: null }],
    ['any', { a: [1, 'two', null, true, { $float: 'Infinity' }], b: {} }],
  ])('[J60] a %s argument comes back unchanged through identity (%j)', async (type, value) => {
    const report = await submit(judge, identity(type, value), 'def solve(x):\n    return x\n', 'python');
    expect(report.verdict, JSON.stringify(report.tests[0])).toBe('accepted');
  });

  it('[J60] arguments arrive as Python values: ListNode objects, dicts for structs, floats for tags', async () => {
    const problem = solveProblem(
      'describe-types',
      ['ListNode', '{ a: int; b: float }', 'float'],
      'string',
      [[1, 2], { a: 1, b: 2 }, { $float: 'NaN' }],
      'ListNode 1 2 dict 1 2.0 nan',
    );
    const source = [
      'import math',
      'def solve(head, rec, f):',
      "    return '%s %d %d %s %d %r %s' % (type(head).__name__, head.val, head.next.val, type(rec).__name__, rec['a'], rec['b'], 'nan' if math.isnan(f) else f)",
      '',
    ].join('\n');
    const report = await submit(judge, problem, source, 'python');
    expect(report.verdict, JSON.stringify(report.tests[0])).toBe('accepted');
  });

  it('[J60] numpy answers are accepted as the declared types: arrays, integers, floats, bools', async () => {
    const problem = solveProblem(
      'numpy-answers',
      ['int[]'],
      '{ doubled: int[]; total: int; mean: float; any: bool; rows: float[][] }',
      [[1, 2, 3]],
      {
        doubled: [2, 4, 6],
        total: 6,
        mean: 2,
        any: true,
        rows: [
          [1, 2],
          [3, 4],
        ],
      },
    );
    const source = [
      'import numpy as np',
      'def solve(nums):',
      '    a = np.array(nums)',
      "    return {'doubled': a * 2, 'total': a.sum(), 'mean': a.mean(), 'any': (a > 2).any(), 'rows': np.array([[1.0, 2.0], [3.0, 4.0]])}",
      '',
    ].join('\n');
    const report = await submit(judge, problem, source, 'python');
    expect(report.verdict, JSON.stringify(report.tests[0])).toBe('accepted');
  });

  it('[J60] an answer of the wrong type is refused naming the path', async () => {
    const report = await submit(judge, identity('int[]', [1, 2]), "def solve(x):\n    return [1, '2']\n", 'python');
    expect(report.verdict).toBe('runtime_error');
    expect(report.tests[0]?.message).toBe('the return value[1] should be an int but is a str');
  });

  it('[J60] a non-integral float is not an int, and ints past 2^53 are refused', async () => {
    const half = await submit(judge, identity('int', 1), 'def solve(x):\n    return 1.5\n', 'python');
    expect(half.tests[0]?.message).toMatch(/should be an int but is the float 1.5/);
    const huge = await submit(judge, identity('int', 1), 'def solve(x):\n    return 2**60\n', 'python');
    expect(huge.tests[0]?.message).toMatch(/outside the exact integer range/);
  });

  it("[J60] LeetCode's class Solution works too", async () => {
    const source = 'class Solution:\n    def solve(self, nums):\n        return sum(nums)\n';
    const report = await submit(judge, sumProblem, source, 'python');
    expect(report.verdict).toBe('accepted');
    expect(report.score).toBe(1);
  });

  it('[J60] a missing function is a runtime error that names it', async () => {
    const report = await submit(judge, sumProblem, 'def other(nums):\n    return 0\n', 'python');
    expect(report.verdict).toBe('runtime_error');
    expect(report.tests[0]?.message).toBe('your code must define a function named solve at the top level');
  });

  it('[J60] a syntax error is a compile error with its line and column', async () => {
    const report = await submit(judge, sumProblem, 'def solve(nums):\n    return sum(nums\n', 'python');
    expect(report.verdict).toBe('compile_error');
    expect(report.compileError).toMatchObject({ line: 2 });
    expect(report.compileError?.message).toMatch(/SyntaxError/);
  });

  it('[J60] an exception names its line, and its stack holds only the candidate’s frames', async () => {
    const source = 'def helper(n):\n    return 10 // n\n\ndef solve(nums):\n    return helper(0)\n';
    const report = await submit(judge, sumProblem, source, 'python', 'run');
    const test = report.tests[0];
    expect(test?.verdict).toBe('runtime_error');
    expect(test?.message).toBe('ZeroDivisionError: integer division or modulo by zero (line 2)');
    expect(test?.stack).toContain('File "solution.py", line 5, in solve');
    expect(test?.stack).toContain('File "solution.py", line 2, in helper');
    expect(test?.stack).not.toMatch(/zygote|<string>|\/usr\/lib/);
  });

  it('[J60] printed output is the test’s console output; the samples show the answer', async () => {
    const source =
      "import sys\ndef solve(nums):\n    print('sum of', nums)\n    sys.stderr.write('err\\n')\n    sys.stdout.buffer.write(b'raw\\n')\n    return sum(nums)\n";
    const report = await submit(judge, sumProblem, source, 'python', 'run');
    expect(report.tests[0]).toMatchObject({ verdict: 'accepted', output: 'sum of [1, 2, 3]\nerr\nraw\n', actual: '6' });
  });

  it('[J13] random and numpy are seeded per test: the same test draws the same numbers in every run', async () => {
    const problem = solveProblem('draw', ['int'], 'float[]', [0], []);
    const source =
      'import random\nimport numpy as np\ndef solve(_):\n    return [random.random(), float(np.random.rand())]\n';
    const first = await judge.judge({
      problem,
      submission: { language: 'python', source },
      mode: 'run',
      customInputs: [[1]],
    });
    const second = await judge.judge({
      problem,
      submission: { language: 'python', source },
      mode: 'run',
      customInputs: [[1]],
    });
    const custom = (r: typeof first) => r.tests.find((t) => t.kind === 'custom')?.actual;
    expect(custom(first)).toBeDefined();
    expect(custom(first)).toBe(custom(second));
    expect(first.tests[0]?.actual).not.toBe(custom(first));
  });

  it('[J61] a Python limit of its own lets a slower Python solution pass where the problem’s would not', async () => {
    const slow =
      'def solve(nums):\n    s = 0\n    for i in range(3_000_000):\n        s += i % 2\n    return sum(nums)\n';
    const tight: ProblemSpec = { ...sumProblem, id: 'sum-tight', limits: { cpuMs: 30, memoryMb: 32 } };
    const roomy: ProblemSpec = {
      ...tight,
      id: 'sum-roomy',
      limits: { ...tight.limits, languages: { python: { cpuMs: 5000 } } },
    };
    expect((await submit(judge, tight, slow, 'python')).verdict).toBe('time_limit_exceeded');
    expect((await submit(judge, roomy, slow, 'python')).verdict).toBe('accepted');
  });

  it('[J66] interactive functions are globals; over the call budget the test is a wrong answer', async () => {
    const problem: ProblemSpec = {
      id: 'guess',
      signature: { functionName: 'find', params: [{ name: 'n', type: 'int' }], returnType: 'int' },
      limits: { cpuMs: 2000, memoryMb: 64 },
      checker: { type: 'exact' },
      interactive: {
        functions: ['higher'],
        source:
          'function createInteractor(data, args) { return { functions: { higher: (x) => data.secret > x }, callBudget: 20, budgetMessage: "asked more than 20 times" }; }',
      },
      tests: [
        { id: 'sample-1', kind: 'sample', args: [1000], expected: 617, data: { secret: 617 } },
        { id: 'hidden-1', kind: 'hidden', args: [1000], expected: 3, data: { secret: 3 } },
      ],
    };
    const binary =
      'def find(n):\n    lo, hi = 0, n\n    while lo < hi:\n        mid = (lo + hi) // 2\n        if higher(mid):\n            lo = mid + 1\n        else:\n            hi = mid\n    return lo\n';
    const accepted = await submit(judge, problem, binary, 'python');
    expect(accepted.verdict, JSON.stringify(accepted.tests)).toBe('accepted');
    const linear = 'def find(n):\n    x = 0\n    while higher(x):\n        x += 1\n    return x\n';
    const tooMany = await submit(judge, problem, linear, 'python');
    expect(tooMany.tests.map((t) => t.verdict)).toEqual(['wrong_answer', 'accepted']);
    expect(tooMany.tests[0]?.message).toBe('asked more than 20 times');
  });

  it('[J33] a custom checker judges Python answers on the host', async () => {
    const problem: ProblemSpec = {
      ...solveProblem('any-pair', ['int'], 'int[]', [5], [1, 4]),
      checker: {
        type: 'custom',
        source:
          'function check(input, expected, actual) { return actual.length === 2 && actual[0] + actual[1] === input[0]; }',
      },
    };
    expect((await submit(judge, problem, 'def solve(n):\n    return [2, n - 2]\n', 'python')).verdict).toBe('accepted');
    expect((await submit(judge, problem, 'def solve(n):\n    return [2, n]\n', 'python')).verdict).toBe('wrong_answer');
  });

  it('[J53] a whole program: printed output and what main() returns; without main, the top level runs', async () => {
    const run = (source: string) =>
      judge.judge({
        problem: programProblem({ cpuMs: 2000, memoryMb: 128 }),
        submission: { language: 'python', source },
        mode: 'run',
        customInputs: [[]],
      });
    const withMain = await run("import numpy as np\ndef main():\n    print('hi')\n    return {'n': np.int64(3)}\n");
    expect(withMain.tests[0]).toMatchObject({ verdict: 'accepted', output: 'hi\n', actual: '{"n":3}' });
    const topLevel = await run('for i in range(2):\n    print(i)\n');
    expect(topLevel.tests[0]).toMatchObject({ verdict: 'accepted', output: '0\n1\n', actual: 'null' });
  });

  it('[J69] a library the problem does not allow is refused by name; an allowed one is imported ahead, off the clock', async () => {
    const source = 'import pandas as pd\ndef solve(nums):\n    return int(pd.Series(nums).sum())\n';
    const refused = await submit(judge, sumProblem, source, 'python');
    expect(refused.verdict).toBe('runtime_error');
    expect(refused.tests[0]?.message).toBe(
      'ImportError: pandas is not available in this problem; it allows numpy and the standard library (line 1)',
    );
    // Importing pandas takes over 300 ms of CPU: within a 250 ms limit only a preloaded pandas passes.
    const allowed: ProblemSpec = {
      ...sumProblem,
      id: 'sum-pandas',
      libraries: ['pandas'],
      limits: { cpuMs: 250, memoryMb: 256 },
    };
    const report = await submit(judge, allowed, source, 'python');
    expect(report.verdict, JSON.stringify(report.tests[0])).toBe('accepted');
  });

  it('[P6] the Python starter code of a signature compiles and, filled in, is accepted', async () => {
    const starter = starterCode(
      { function: 'solve', params: [{ name: 'nums', type: 'int[]' }], returns: 'int' },
      'python',
    );
    const filled = starter.replace('pass', 'return sum(nums)');
    expect(filled).toContain('def solve(nums: List[int]) -> int:');
    expect((await submit(judge, sumProblem, filled, 'python')).verdict).toBe('accepted');
  });
});
