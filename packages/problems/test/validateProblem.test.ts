import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Judge } from '@assay/judge';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildGeneratedTests,
  loadProblemOrThrow,
  quietCpuMs,
  scaffoldProblem,
  validateProblem,
  Yardstick,
} from '../src/index.ts';

const judge = new Judge({ concurrency: 2 });
afterAll(() => judge.close());

// Inside the package, so that a generator's import of '@assay/problems/generator' resolves.
const scratch = fileURLToPath(new URL('../test-output/', import.meta.url));
mkdirSync(scratch, { recursive: true });

/** A scaffolded problem grown to the library minimums, so each test can break one thing. */
function validProblem(): string {
  const pack = join(mkdtempSync(join(scratch, 'validate-')), 'demo');
  scaffoldProblem(pack, 'sum-it');
  const dir = join(pack, 'sum-it');
  const samples = [[[1, 2, 3]], [[-5]], [[]]] as const;
  const blocks: string[] = [];
  samples.forEach(([nums], i) => {
    const sum = nums.reduce((a: number, b: number) => a + b, 0);
    writeFileSync(
      join(dir, 'tests', 'sample', `${i + 1}.json`),
      `${JSON.stringify({ args: [nums], expected: sum })}\n`,
    );
    blocks.push(`\`\`\`\nInput: nums = ${JSON.stringify(nums)}\nOutput: ${sum}\n\`\`\``);
  });
  for (let i = 0; i < 15; i++) {
    const nums = Array.from({ length: i * 3 }, (_, j) => ((j * 7919 + i) % 100) - 50);
    writeFileSync(
      join(dir, 'tests', 'hidden', `h${i}.json`),
      `${JSON.stringify({ args: [nums], expected: nums.reduce((a, b) => a + b, 0) })}\n`,
    );
  }
  // Large enough that the quadratic solution (n²/2 steps) is far past 3 × the 300 ms limit on a fast core:
  // at 60,000 it took about 0.9 s on one, and validation called it accepted.
  const big = Array.from({ length: 150_000 }, (_, i) => i % 7);
  writeFileSync(
    join(dir, 'tests', 'hidden', 'big.json'),
    `${JSON.stringify({ args: [big], expected: big.reduce((a, b) => a + b, 0) })}\n`,
  );
  writeFileSync(
    join(dir, 'statement.md'),
    `# Sum it\n\nReturn the sum of \`nums\`.\n\n## Examples\n\n${blocks.join('\n\n')}\n\n**Limits:** 300 ms of CPU time per test, 128 MB of memory.\n`,
  );
  writeFileSync(
    join(dir, 'problem.yaml'),
    readFileSync(join(dir, 'problem.yaml'), 'utf8').replace('cpuMs: 1000', 'cpuMs: 300'),
  );
  return dir;
}

describe('validateProblem', () => {
  it('[P9] passes a problem whose tests and solutions are all right, and says what it checked', async () => {
    const report = await validateProblem(loadProblemOrThrow(validProblem()), judge);
    expect(report.issues).toEqual([]);
    expect(report).toMatchObject({ samples: 3, hidden: 17 });
    expect(report.solutions.map((s) => `${s.name} ${s.verdict}`)).toEqual([
      'accepted/reference.js accepted',
      'accepted/reference.py accepted',
      'accepted/reference.ts accepted',
      'wrong_answer/first-only.js wrong_answer',
      'time_limit/quadratic.js time_limit_exceeded',
    ]);
    expect(report.slowestShare).toBeLessThan(1 / 3);
  });

  it('[P9] asks a scaffold for the library minimums', async () => {
    const pack = join(mkdtempSync(join(tmpdir(), 'assay-validate-')), 'demo');
    scaffoldProblem(pack, 'fresh');
    const report = await validateProblem(loadProblemOrThrow(join(pack, 'fresh')), judge);
    const messages = report.issues.map((i) => i.message);
    expect(messages).toContain('has 1 sample tests; at least 3 are needed');
    expect(messages).toContain('has 1 hidden tests; at least 15 are needed');
    expect(messages).toContainEqual(
      expect.stringMatching(/^expected time_limit_exceeded on the hidden tests, got accepted/),
    );
  });

  it('[P8] names a sample missing from the statement and the block to add', async () => {
    const dir = validProblem();
    writeFileSync(join(dir, 'statement.md'), '# Sum it\n\nReturn the sum.\n');
    const report = await validateProblem(loadProblemOrThrow(dir), judge);
    expect(report.issues.map((i) => i.message)).toContain(
      'sample 1 is not among the examples; add:\nInput: nums = [1,2,3]\nOutput: 6',
    );
  });

  it('[P10] catches a wrong solution that passes and a reference that fails', async () => {
    const dir = validProblem();
    writeFileSync(
      join(dir, 'solutions', 'wrong_answer', 'lucky.js'),
      'function solve(nums) { return nums.reduce((a, b) => a + b, 0); }\n',
    );
    writeFileSync(join(dir, 'solutions', 'accepted', 'broken.js'), 'function solve(nums) { return nums.length; }\n');
    const report = await validateProblem(loadProblemOrThrow(dir), judge);
    const byFile = Object.fromEntries(report.issues.map((i) => [i.file.split('/').slice(-2).join('/'), i.message]));
    expect(byFile['wrong_answer/lucky.js']).toMatch(
      /^expected wrong_answer on the hidden tests, got accepted: 17\/17 hidden tests/,
    );
    expect(byFile['accepted/broken.js']).toMatch(/^expected accepted, got wrong_answer: wrong_answer on 1/);
  });

  it('[P11] refuses a reference that uses more than a third of the time limit', async () => {
    const dir = validProblem();
    writeFileSync(
      join(dir, 'solutions', 'accepted', 'dawdle.js'),
      // At least ~140 ms of CPU on 'big' ([J22] charges CPU time: a wall-clock spin alone is cheap on a busy machine).
      'function solve(nums) { if (nums.length > 50000) { const end = Date.now() + 150; let x = 0; for (let i = 0; i < 3e7 || Date.now() < end; i++) x = (x * 31 + i) % 1000003; if (x < 0) return 0; } return nums.reduce((a, b) => a + b, 0); }\n',
    );
    // A spin on the wall clock does not slow down with the machine as the yardstick does ([P25]).
    const report = await validateProblem(loadProblemOrThrow(dir), judge, { yardstick: false });
    expect(report.issues.map((i) => i.message)).toContainEqual(
      expect.stringMatching(
        /^accepted\/dawdle\.js used \d+ ms of CPU on big \(its fastest of 5 runs\), more than a third of the 300 ms limit/,
      ),
    );
  });

  it('[P20] asks for an accepted solution written the way an average candidate writes it', async () => {
    const dir = validProblem();
    const reference = join(dir, 'solutions', 'accepted', 'reference.js');
    writeFileSync(reference, readFileSync(reference, 'utf8').replace('// @idiomatic\n', ''));
    const report = await validateProblem(loadProblemOrThrow(dir), judge);
    expect(report.issues.map((i) => i.message)).toContainEqual(
      expect.stringMatching(
        /^needs an accepted solution written the way an average candidate writes it .*\/\/ @idiomatic/,
      ),
    );
  });

  it('[P32] asks for an idiomatic Python solution too, so that the Python limits are fair to it', async () => {
    const dir = validProblem();
    const reference = join(dir, 'solutions', 'accepted', 'reference.py');
    writeFileSync(reference, readFileSync(reference, 'utf8').replace('# @idiomatic\n', ''));
    const report = await validateProblem(loadProblemOrThrow(dir), judge);
    expect(report.issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/^needs a Python solution written the way an average candidate writes it .*# @idiomatic/),
    ]);
  });

  it('[P21] refuses a known-bad solution that only a sample test catches', async () => {
    const dir = validProblem();
    writeFileSync(
      join(dir, 'solutions', 'wrong_answer', 'sample-only.js'),
      'function solve(nums) { if (nums.length === 1) return 0; return nums.reduce((a, b) => a + b, 0); }\n',
    );
    const report = await validateProblem(loadProblemOrThrow(dir), judge);
    expect(report.issues.find((i) => i.file.endsWith('sample-only.js'))?.message).toMatch(
      /^expected wrong_answer on the hidden tests, got accepted: 17\/17 hidden tests; a mistake that only samples catch still scores 1\.0 on submit/,
    );
  });

  it('[P22] refuses a too-slow solution that would pass at three times the limit', async () => {
    const dir = validProblem();
    // Over the 300 ms limit on the largest test, but well within 900 ms: only a bit too slow.
    writeFileSync(
      join(dir, 'solutions', 'time_limit', 'bit-slow.js'),
      'function solve(nums) { const end = Date.now() + (nums.length > 50000 ? 450 : 0); while (Date.now() < end) {} return nums.reduce((a, b) => a + b, 0); }\n',
    );
    const report = await validateProblem(loadProblemOrThrow(dir), judge);
    expect(report.issues.find((i) => i.file.endsWith('bit-slow.js'))?.message).toBe(
      'expected time_limit_exceeded on the hidden tests, got accepted: passed every hidden test within 3 × the limits (900 ms of CPU): make the largest tests larger',
    );
    expect(report.solutions.find((s) => s.name === 'time_limit/quadratic.js')).toMatchObject({
      verdict: 'time_limit_exceeded',
      detail: 'time limit on big at 3 × the limits',
    });
  });

  it('[P23] asks the statement to state the limits problem.yaml sets', async () => {
    const dir = validProblem();
    const statement = join(dir, 'statement.md');
    const text = readFileSync(statement, 'utf8');
    writeFileSync(statement, text.replace(/\*\*Limits:\*\*.*\n/, ''));
    const missing = await validateProblem(loadProblemOrThrow(dir), judge);
    expect(missing.issues.map((i) => i.message)).toContain(
      'does not state the time and memory limits; add the line:\n**Limits:** 300 ms of CPU time per test, 128 MB of memory.',
    );
    writeFileSync(statement, text.replace('300 ms', '1 s'));
    const wrong = await validateProblem(loadProblemOrThrow(dir), judge);
    expect(wrong.issues.map((i) => i.message)).toContain(
      'states "**Limits:** 1 s of CPU time per test, 128 MB of memory.", but problem.yaml has cpuMs 300 and memoryMb 128; write:\n**Limits:** 300 ms of CPU time per test, 128 MB of memory.',
    );
    writeFileSync(statement, text.replace('300 ms', '0.3 s'));
    const agreeing = await validateProblem(loadProblemOrThrow(dir), judge);
    expect(agreeing.issues).toEqual([]);
  });

  /** Gives Python its own CPU limit in problem.yaml and states it on the statement ([P30], [P31]). */
  function withPythonLimit(dir: string, cpuMs: number): void {
    const yaml = join(dir, 'problem.yaml');
    writeFileSync(
      yaml,
      readFileSync(yaml, 'utf8').replace(
        '  memoryMb: 128\n',
        `  memoryMb: 128\n  languages:\n    python:\n      cpuMs: ${cpuMs}\n`,
      ),
    );
    const statement = join(dir, 'statement.md');
    writeFileSync(
      statement,
      readFileSync(statement, 'utf8').replace(' per test,', ` per test (Python: ${cpuMs / 1000} s),`),
    );
  }

  // Burns `ms` of CPU time on the largest test, then answers right.
  const slowPython = (ms: number) =>
    `import time\n\ndef solve(nums):\n    if len(nums) > 50000:\n        end = time.process_time() + ${ms / 1000}\n        while time.process_time() < end:\n            pass\n    return sum(nums)\n`;

  it('[P30] holds a Python solution to the Python limit, and says which limit to raise', async () => {
    const dir = validProblem();
    // 250 ms: over a third of JavaScript's 300 ms, well under a third of Python's 2 s.
    writeFileSync(join(dir, 'solutions', 'accepted', 'busy.py'), slowPython(250));
    const shared = await validateProblem(loadProblemOrThrow(dir), judge, { yardstick: false });
    expect(shared.issues.map((i) => i.message)).toContainEqual(
      expect.stringMatching(
        /^accepted\/busy\.py used \d+ ms of CPU on big \(its fastest of \d runs\), more than a third of the 300 ms limit: raise limits\.languages\.python\.cpuMs or speed up the reference$/,
      ),
    );

    withPythonLimit(dir, 2000);
    const own = await validateProblem(loadProblemOrThrow(dir), judge, { yardstick: false });
    expect(own.issues).toEqual([]);
    expect(own.slowestByLanguage.python?.share).toBeLessThan(1 / 3);
    expect(own.slowestByLanguage.javascript?.share).toBeLessThan(1 / 3);
  });

  it('[P30] judges a too-slow Python solution at three times the Python limit', async () => {
    const dir = validProblem();
    withPythonLimit(dir, 2000);
    // 1.2 s: too slow at 3 × JavaScript's 300 ms, not at 3 × Python's 2 s.
    writeFileSync(join(dir, 'solutions', 'time_limit', 'slow.py'), slowPython(1200));
    const report = await validateProblem(loadProblemOrThrow(dir), judge);
    expect(report.issues.find((i) => i.file.endsWith('slow.py'))?.message).toBe(
      'expected time_limit_exceeded on the hidden tests, got accepted: passed every hidden test within 3 × the limits (6000 ms of CPU): make the largest tests larger',
    );
  });

  it('[P35] lets Python solutions import the libraries the problem allows, and asks the statement to say so', async () => {
    const dir = validProblem();
    writeFileSync(
      join(dir, 'solutions', 'accepted', 'frame.py'),
      'import pandas as pd\n\ndef solve(nums):\n    return int(pd.Series(nums, dtype="int64").sum())\n',
    );
    const refused = await validateProblem(loadProblemOrThrow(dir), judge, { yardstick: false });
    expect(refused.issues.find((i) => i.file.endsWith('frame.py'))?.message).toMatch(
      /^expected accepted, got runtime_error: runtime_error on 1 \(ImportError: pandas is not available in this problem/,
    );

    const yaml = join(dir, 'problem.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('checker: exact', 'libraries: [pandas]\nchecker: exact'));
    const unsaid = await validateProblem(loadProblemOrThrow(dir), judge, { yardstick: false });
    expect(unsaid.issues.map((i) => i.message)).toEqual([
      'allows pandas in Python but does not say so; add the line:\n**Python:** numpy, pandas and the standard library can be imported.',
    ]);
    const statement = join(dir, 'statement.md');
    writeFileSync(
      statement,
      `${readFileSync(statement, 'utf8')}\n**Python:** numpy, pandas and the standard library can be imported.\n`,
    );
    const allowed = await validateProblem(loadProblemOrThrow(dir), judge, { yardstick: false });
    expect(allowed.issues).toEqual([]);
    expect(allowed.solutions.find((s) => s.name === 'accepted/frame.py')?.verdict).toBe('accepted');
  });

  it('[P34] fails a Python solution this machine cannot judge, naming what to install, unless told to skip it', async () => {
    const dir = validProblem();
    const noPython = new Judge({ concurrency: 1, sandbox: { python3Path: '/nonexistent/python3' } });
    try {
      const failed = await validateProblem(loadProblemOrThrow(dir), noPython, { yardstick: false });
      expect(failed.issues.map((i) => i.message)).toEqual([
        expect.stringMatching(
          /^1 Python 3 solution \(accepted\/reference\.py\) cannot be judged on this machine\. \S+ is not a working Python 3 interpreter; .*apt-get install .*python3.*; or validate with --skip-unavailable to skip them$/,
        ),
      ]);
      const skipped = await validateProblem(loadProblemOrThrow(dir), noPython, {
        yardstick: false,
        skipUnavailable: true,
      });
      expect(skipped.issues).toEqual([]);
      expect(skipped.skipped).toEqual([
        { name: 'accepted/reference.py', reason: expect.stringMatching(/apt-get install/) },
      ]);
      expect(skipped.solutions.map((s) => s.name)).not.toContain('accepted/reference.py');
    } finally {
      await noPython.close();
    }
  });

  it('[P25] scales re-measured runs by the yardstick beside them, never up, and takes the median', () => {
    // Quiet: the yardstick beside each run is the quietest one, so the runs count as measured.
    expect(quietCpuMs([{ cpuMs: 120, yardstickMs: 50 }], 50)).toBe(120);
    // Busy: the machine ran at half speed beside the run, so the run costs half of it when quiet.
    expect(quietCpuMs([{ cpuMs: 400, yardstickMs: 100 }], 50)).toBe(200);
    // A yardstick quieter than the quietest seen does not scale a run up.
    expect(quietCpuMs([{ cpuMs: 90, yardstickMs: 40 }], 50)).toBe(90);
    // One lucky pairing does not hide a slow solution: the median of the scaled runs counts.
    expect(
      quietCpuMs(
        [
          { cpuMs: 300, yardstickMs: 600 },
          { cpuMs: 310, yardstickMs: 52 },
          { cpuMs: 305, yardstickMs: 50 },
        ],
        50,
      ),
    ).toBeCloseTo(298.1, 1);
    // Never more than the fastest raw run.
    expect(
      quietCpuMs(
        [
          { cpuMs: 200, yardstickMs: 50 },
          { cpuMs: 260, yardstickMs: 50 },
        ],
        50,
      ),
    ).toBe(200);
  });

  it('[P25] measures its yardstick in the sandbox and remembers the quietest run', async () => {
    const yardstick = new Yardstick(judge);
    const first = await yardstick.measure();
    const second = await yardstick.measure();
    expect(first).toBeGreaterThan(0);
    expect(yardstick.quietestMs).toBe(Math.min(first, second));
  });

  it('[P5] builds generated tests with the reference and notices when they drift', async () => {
    const dir = validProblem();
    writeFileSync(
      join(dir, 'generator.ts'),
      "import { createRandom } from '@assay/problems/generator';\nexport default function generate() {\n  const r = createRandom(7);\n  return [{ name: 'gen-1', args: [Array.from({ length: 100 }, () => r.int(-9, 9))] }];\n}\n",
    );
    const written = await buildGeneratedTests(loadProblemOrThrow(dir), judge);
    expect(written).toEqual([join(dir, 'tests', 'hidden', 'gen-1.json')]);
    const stored = JSON.parse(readFileSync(written[0] as string, 'utf8')) as { args: number[][]; expected: number };
    expect(stored.expected).toBe((stored.args[0] as number[]).reduce((a, b) => a + b, 0));
    expect((await buildGeneratedTests(loadProblemOrThrow(dir), judge)).length).toBe(0);

    const clean = await validateProblem(loadProblemOrThrow(dir), judge);
    expect(clean.issues).toEqual([]);
    expect(clean.generated).toBe(1);
    writeFileSync(
      written[0] as string,
      readFileSync(written[0] as string, 'utf8').replace(/^\{"args":\[\[(-?\d)/, '{"args":[[$1 '),
    );
    const drifted = await validateProblem(loadProblemOrThrow(dir), judge);
    expect(drifted.issues.map((i) => i.message)).toContain(
      'differs from what generator.ts produces now: run pnpm problems build sum-it',
    );
    expect(existsSync(join(dir, 'tests', 'hidden'))).toBe(true);
    expect(readdirSync(join(dir, 'tests', 'hidden'))).toContain('gen-1.json');
  });
});
