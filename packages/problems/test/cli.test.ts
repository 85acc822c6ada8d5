import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { languageAvailability } from '@assay/judge';
import { describe, expect, it } from 'vitest';

const cli = (name: string) => fileURLToPath(new URL(`../src/cli/${name}.ts`, import.meta.url));
const islands = fileURLToPath(new URL('../packs/classics/number-of-islands/', import.meta.url));

const python = languageAvailability().python;
const pythonAvailable = python.available;

function run(name: string, args: string[], cwd = process.cwd(), extraEnv: Record<string, string> = {}) {
  const result = spawnSync(
    process.execPath,
    ['--no-node-snapshot', '--import', import.meta.resolve('tsx'), cli(name), ...args],
    {
      cwd,
      env: { ...process.env, INIT_CWD: cwd, ...extraEnv },
      encoding: 'utf8',
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('pnpm judge with packs', () => {
  it('[P14] judges against pack/problem-id and against a problem folder', () => {
    const solution = join(islands, 'solutions', 'accepted', 'bfs.js');
    const byRef = run('judgeCli', ['classics/number-of-islands', solution, '--json']);
    expect(byRef.code).toBe(0);
    expect(JSON.parse(byRef.stdout)).toMatchObject({ verdict: 'accepted', score: 1 });
    const byFolder = run('judgeCli', [
      islands,
      join(islands, 'solutions', 'wrong_answer', 'diagonal-neighbours.js'),
      '--mode',
      'run',
    ]);
    expect(byFolder.code).toBe(1);
    expect(byFolder.stdout).toContain('verdict: wrong_answer');
  });

  it.skipIf(!pythonAvailable)(
    `[P32] judges a Python solution, its language known by its extension${pythonAvailable ? '' : ` (skipped: ${python.reason})`}`,
    () => {
      const scheduler = fileURLToPath(new URL('../packs/classics/task-scheduler/', import.meta.url));
      const accepted = run('judgeCli', [
        'classics/task-scheduler',
        join(scheduler, 'solutions', 'accepted', 'counter.py'),
        '--json',
      ]);
      expect(accepted.code).toBe(0);
      expect(JSON.parse(accepted.stdout)).toMatchObject({ verdict: 'accepted', score: 1 });
      const root = mkdtempSync(join(tmpdir(), 'assay-cli-'));
      writeFileSync(join(root, 'solution.py'), 'def leastInterval(tasks, n) return 1\n');
      const broken = run('judgeCli', ['classics/task-scheduler', 'solution.py'], root);
      expect(broken.code).toBe(1);
      expect(broken.stdout).toContain('compile error at line 1');
    },
  );

  it('[P14] says what it accepts when the problem does not exist', () => {
    const missing = run('judgeCli', ['classics/no-such-problem', 'x.js']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no problem at "classics/no-such-problem"');
  });
});

describe('pnpm problems', () => {
  it('[P13] scaffolds a problem, and validate explains what it still needs, exiting 1', () => {
    const root = mkdtempSync(join(tmpdir(), 'assay-cli-'));
    const created = run('problemsCli', ['new', './mine', 'two-sum'], root);
    expect(created.code).toBe(0);
    expect(readFileSync(join(root, 'mine', 'pack.yaml'), 'utf8')).toContain('  - two-sum');
    const again = run('problemsCli', ['new', './mine', 'two-sum'], root);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists/);

    const report = run('problemsCli', ['validate', './mine'], root);
    expect(report.code).toBe(1);
    expect(report.stdout).toMatch(/\[1\/1\] mine\/two-sum FAILED/);
    expect(report.stdout).toContain('mine/two-sum/tests/sample:1: has 1 sample tests; at least 3 are needed');
    expect(report.stdout).toContain('problems: 0 passed, 1 failed');
  });

  it('[P34] without Python, validate names what to install; --skip-unavailable skips Python and says so', () => {
    const root = mkdtempSync(join(tmpdir(), 'assay-cli-'));
    run('problemsCli', ['new', './mine', 'sum-it'], root);
    const env = { ASSAY_PYTHON: join(root, 'no-such-python3') };
    const failed = run('problemsCli', ['validate', './mine'], root, env);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(
      /mine\/sum-it\/solutions:1: 1 Python 3 solution \(accepted\/reference\.py\) cannot be judged on this machine\. \S+no-such-python3 is not a working Python 3 interpreter; .*apt-get install .*; or validate with --skip-unavailable to skip them/,
    );
    const skipped = run('problemsCli', ['validate', './mine', '--skip-unavailable'], root, env);
    const warning =
      /WARNING: --skip-unavailable: Python 3 solutions are NOT judged, so this validation proves nothing about them\. \S+no-such-python3 is not a working Python 3 interpreter/g;
    expect(skipped.stdout.match(warning)).toHaveLength(2);
    expect(skipped.stdout).toContain('SKIPPED 1 (not judgeable here)');
    expect(skipped.stdout).not.toContain('cannot be judged on this machine');
  });

  it('[P3] reports a broken problem.yaml as path:line and exits 2', () => {
    const root = mkdtempSync(join(tmpdir(), 'assay-cli-'));
    run('problemsCli', ['new', './mine', 'broken'], root);
    const yaml = join(root, 'mine', 'broken', 'problem.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('difficulty: easy', 'difficulty: trivial'));
    const report = run('problemsCli', ['validate', './mine/broken'], root);
    expect(report.code).toBe(2);
    expect(report.stderr).toContain(
      'mine/broken/problem.yaml:3: difficulty: Invalid option: expected one of "easy"|"medium"|"hard"',
    );
  });

  it('[P12] exports and imports from the command line', () => {
    const root = mkdtempSync(join(tmpdir(), 'assay-cli-'));
    run('problemsCli', ['new', './mine', 'one'], root);
    expect(run('problemsCli', ['export', './mine', '--out', 'mine.zip'], root).stdout).toMatch(/wrote \d+ files/);
    const imported = run('problemsCli', ['import', 'mine.zip', '--into', 'copy'], root);
    expect(imported.code).toBe(0);
    expect(readFileSync(join(root, 'copy', 'mine', 'one', 'statement.md'), 'utf8')).toBe(
      readFileSync(join(root, 'mine', 'one', 'statement.md'), 'utf8'),
    );
    const usage = run('problemsCli', ['export', './mine'], root);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('export needs --out <file.zip>');
  });
});
