import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BUILTIN_PACKS_DIR,
  loadPack,
  loadProblem,
  loadProblemOrThrow,
  PackError,
  type PackIssue,
  scaffoldProblem,
} from '../src/index.ts';

const islands = join(BUILTIN_PACKS_DIR, 'classics', 'number-of-islands');

function scaffolded(): string {
  const pack = join(mkdtempSync(join(tmpdir(), 'assay-pack-')), 'demo');
  scaffoldProblem(pack, 'sum-it');
  return join(pack, 'sum-it');
}

describe('loadProblem', () => {
  it('[P2] turns a problem folder into a judge spec with tests in order, samples first', () => {
    const problem = loadProblemOrThrow(islands, 'classics');
    expect(problem.ref).toBe('classics/number-of-islands');
    expect(problem.spec.signature).toEqual({
      functionName: 'numIslands',
      params: [{ name: 'grid', type: 'string[]' }],
      returnType: 'int',
    });
    const ids = problem.spec.tests.map((t) => t.id);
    expect(ids.slice(0, 3)).toEqual(['1', '2', '3']);
    expect(problem.spec.tests.slice(0, 3).every((t) => t.kind === 'sample')).toBe(true);
    expect(problem.spec.tests.slice(3).every((t) => t.kind === 'hidden')).toBe(true);
    expect(
      problem.solutions.map((s) => `${s.name} ${s.language} ${s.expect.join('|')}${s.idiomatic ? ' idiomatic' : ''}`),
    ).toEqual([
      'accepted/bfs-deque.py python accepted idiomatic',
      'accepted/bfs-index-pairs.ts typescript accepted idiomatic',
      'accepted/bfs-shift-pairs.js javascript accepted idiomatic',
      'accepted/bfs.js javascript accepted',
      'accepted/union-find.ts typescript accepted',
      'wrong_answer/diagonal-neighbours.js javascript wrong_answer',
      'wrong_answer/diagonal-neighbours.py python wrong_answer',
      'wrong_answer/recursive-dfs.js javascript runtime_error',
      'wrong_answer/recursive-dfs.py python runtime_error',
      'time_limit/relabel-quadratic.js javascript time_limit_exceeded',
      'time_limit/relabel-quadratic.py python time_limit_exceeded',
    ]);
    expect(problem.generator).toBe(join(islands, 'generator.ts'));
  });

  it('[P3] reports schema problems at their line in problem.yaml', () => {
    const dir = scaffolded();
    const yaml = join(dir, 'problem.yaml');
    writeFileSync(
      yaml,
      readFileSync(yaml, 'utf8').replace('memoryMb: 128', 'memoryMb: 4').replace('type: int[]', 'type: integer[]'),
    );
    const issues: PackIssue[] = [];
    expect(loadProblem(dir, issues)).toBeUndefined();
    const lines = readFileSync(yaml, 'utf8').split('\n');
    const lineOf = (text: string) => lines.findIndex((l) => l.includes(text)) + 1;
    expect(issues).toEqual(
      expect.arrayContaining([
        { file: yaml, line: lineOf('memoryMb'), message: 'limits.memoryMb: Too small: expected number to be >=8' },
        expect.objectContaining({
          file: yaml,
          line: lineOf('integer[]'),
          message: expect.stringContaining('unknown type "integer"'),
        }),
      ]),
    );
  });

  it('[P4] reports a test that does not fit the signature, in its own file', () => {
    const dir = scaffolded();
    const test = join(dir, 'tests', 'hidden', 'bad.json');
    writeFileSync(test, '{"args":[["x"]],"expected":0}\n');
    const error = (() => {
      try {
        loadProblemOrThrow(dir);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(PackError);
    expect((error as PackError).issues).toEqual([
      { file: test, line: 1, message: 'tests.1 (bad): args[0] (nums)[0]: expected number but found the string "x"' },
    ]);
  });

  it('[P4] refuses a test name used in both sample/ and hidden/', () => {
    const dir = scaffolded();
    cpSync(join(dir, 'tests', 'sample', '1.json'), join(dir, 'tests', 'hidden', '1.json'));
    const issues: PackIssue[] = [];
    loadProblem(dir, issues);
    expect(issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/test name "1" is also used by .*sample\/1.json/),
    ]);
  });

  it("[P30] passes a language's own limits to the judge spec and refuses a language the judge does not know", () => {
    const dir = scaffolded();
    const yaml = join(dir, 'problem.yaml');
    expect(loadProblemOrThrow(dir).spec.limits).toEqual({ cpuMs: 1000, memoryMb: 128 });
    // The scaffold shows the format in a comment; uncommented, it takes effect.
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/^ {2}# ?/gm, '  '));
    expect(loadProblemOrThrow(dir).spec.limits).toEqual({
      cpuMs: 1000,
      memoryMb: 128,
      languages: { python: { cpuMs: 3000 } },
    });
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('    python:', '    ruby:'));
    const issues: PackIssue[] = [];
    expect(loadProblem(dir, issues)).toBeUndefined();
    const line =
      readFileSync(yaml, 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('ruby:')) + 1;
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: yaml, line });
    expect(issues[0]?.message).toMatch(/javascript.*typescript.*python/);
  });

  it('[P35] passes the Python libraries a problem allows to the judge spec, and refuses others', () => {
    const dir = scaffolded();
    const yaml = join(dir, 'problem.yaml');
    writeFileSync(
      yaml,
      readFileSync(yaml, 'utf8').replace('checker: exact', 'libraries: [pandas, sklearn]\nchecker: exact'),
    );
    expect(loadProblemOrThrow(dir).spec.libraries).toEqual(['pandas', 'sklearn']);
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('[pandas, sklearn]', '[pandas, torch]'));
    const issues: PackIssue[] = [];
    expect(loadProblem(dir, issues)).toBeUndefined();
    const line =
      readFileSync(yaml, 'utf8')
        .split('\n')
        .findIndex((l) => l.startsWith('libraries:')) + 1;
    expect(issues).toEqual([
      {
        file: yaml,
        line,
        message:
          'libraries.1: "torch" is not a library the judge offers; use pandas, scipy, sklearn (numpy is always there)',
      },
    ]);
  });

  it('[P32] reads Python solutions with # @idiomatic and # @expect lines', () => {
    const dir = scaffolded();
    const file = join(dir, 'solutions', 'wrong_answer', 'crash.py');
    writeFileSync(file, '# @expect runtime_error, wrong_answer\ndef solve(nums):\n    raise ValueError()\n');
    const problem = loadProblemOrThrow(dir);
    expect(problem.solutions.find((s) => s.file === file)).toMatchObject({
      language: 'python',
      expect: ['runtime_error', 'wrong_answer'],
    });
    expect(problem.solutions.find((s) => s.name === 'accepted/reference.py')).toMatchObject({
      language: 'python',
      idiomatic: true,
    });
  });

  it('[P10] reads @expect declarations and refuses unknown verdicts', () => {
    const dir = scaffolded();
    const file = join(dir, 'solutions', 'wrong_answer', 'crash.js');
    writeFileSync(file, '// @expect runtime_error, wrong_answer\nfunction solve() { throw new Error(); }\n');
    const ok = loadProblemOrThrow(dir);
    expect(ok.solutions.find((s) => s.file === file)?.expect).toEqual(['runtime_error', 'wrong_answer']);
    writeFileSync(file, '\n// @expect crashed\nfunction solve() {}\n');
    const issues: PackIssue[] = [];
    loadProblem(dir, issues);
    expect(issues).toEqual([
      { file, line: 2, message: '@expect lists "crashed", which is not a verdict a known-bad solution can expect' },
    ]);
  });

  it('[P2] reports a checker.ts that does not parse at its line, in the words the judge gives candidates ([J6])', () => {
    const dir = scaffolded();
    const yaml = join(dir, 'problem.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/^checker:.*$/m, 'checker: custom'));
    const file = join(dir, 'checker.ts');
    writeFileSync(
      file,
      'function check(input: unknown, expected: number, actual: number) {\n  return actual ===;\n}\n',
    );
    const issues: PackIssue[] = [];
    loadProblem(dir, issues);
    expect(issues).toEqual([{ file, line: 2, message: 'Unexpected token' }]);
  });
});

describe('loadPack', () => {
  it("[P36] a pack's README.md must name every problem of pack.yaml as a link into its folder", () => {
    const pack = join(mkdtempSync(join(tmpdir(), 'assay-pack-')), 'demo');
    scaffoldProblem(pack, 'first');
    scaffoldProblem(pack, 'second');
    expect(loadPack(pack).problems).toHaveLength(2); // no README: nothing to keep in step

    const readme = join(pack, 'README.md');
    writeFileSync(
      readme,
      '# Demo\n\n| Problem | Difficulty |\n| --- | --- |\n| [First](first/statement.md) | easy |\n',
    );
    let issues: PackIssue[] = [];
    try {
      loadPack(pack);
    } catch (error) {
      issues = (error as PackError).issues;
    }
    expect(issues).toEqual([
      {
        file: readme,
        line: 1,
        message:
          'problem "second" is in pack.yaml but not in README.md; add it with its topic, difficulty and minutes, linked as [Title](second/statement.md)',
      },
    ]);

    writeFileSync(readme, `${readFileSync(readme, 'utf8')}| [Second](second/statement.md) | medium |\n`);
    expect(loadPack(pack).problems.map((p) => p.ref)).toEqual(['demo/first', 'demo/second']);
  });
});
