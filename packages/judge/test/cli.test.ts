import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const main = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const examples = fileURLToPath(new URL('../examples/two-sum/', import.meta.url));

function judge(...args: string[]) {
  const result = spawnSync(process.execPath, ['--no-node-snapshot', '--import', 'tsx', main, ...args], {
    cwd: examples,
    env: { ...process.env, INIT_CWD: examples },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('pnpm judge', () => {
  it('[J40] prints one JSON object and exits 0 for an accepted solution', () => {
    const { code, stdout } = judge('problem.json', 'accepted.ts', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ verdict: 'accepted', score: 1, passed: 4, total: 4 });
    expect(Object.keys(report.tests[0]).sort()).toEqual(['cpuMs', 'id', 'verdict', 'wallMs']);
  });

  it('[J40] prints a table and exits 1 when not accepted', () => {
    const { code, stdout } = judge('problem.json', 'wrong.js');
    expect(code).toBe(1);
    expect(stdout).toMatch(/sample-2\s+sample\s+wrong_answer/);
    expect(stdout).toContain('verdict: wrong_answer · 3/4 hidden tests passed · score 75%');
  });

  it('[J40] run mode judges the samples only', () => {
    const { code, stdout } = judge('problem.json', 'accepted.js', '--mode', 'run', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).tests).toHaveLength(3);
  });

  it('[J40] exits 2 with a message for usage and problem errors', () => {
    const missing = judge('problem.json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('expected a problem file and a solution file');
    expect(judge('problem.json', 'accepted.js', '--mode', 'fast').stderr).toContain('--mode must be run or submit');
    expect(judge('nope.json', 'accepted.js').stderr).toMatch(/cannot read the problem file .*nope.json: no such file/);

    const dir = mkdtempSync(join(tmpdir(), 'assay-cli-'));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ id: 'Bad Id', tests: [] }));
    const bad = judge(join(dir, 'bad.json'), 'accepted.js');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('problem "Bad Id" is invalid');
    expect(bad.stderr).toContain('id: use lowercase letters, digits and dashes');
  });
});
