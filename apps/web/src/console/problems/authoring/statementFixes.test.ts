import { describe, expect, it } from 'vitest';
import { applyStatementFix, statementFixes } from './statementFixes.ts';

const statement =
  '# Sum\n\n```\nInput: nums = [1]\nOutput: 1\n```\n\n**Limits:** 1 s of CPU time per test, 128 MB of memory.\n';

describe('statement fixes', () => {
  it('[W27] inserts a missing example before the limits line, and replaces a wrong limits line', () => {
    const issues = [
      { where: 'statement.md', message: 'sample s2 is not among the examples; add:\nInput: nums = []\nOutput: 0' },
      {
        where: 'statement.md',
        message:
          'states "**Limits:** 1 s of CPU time per test, 128 MB of memory.", but problem.yaml has cpuMs 200 and memoryMb 128; write:\n**Limits:** 200 ms of CPU time per test, 128 MB of memory.',
      },
      { where: 'tests/sample/s2.json', message: 'not a statement issue' },
    ];
    const fixes = statementFixes(issues, statement);
    expect(fixes.map((f) => f.summary)).toEqual([
      'sample s2 is not among the examples',
      'states "**Limits:** 1 s of CPU time per test, 128 MB of memory.", but problem.yaml has cpuMs 200 and memoryMb 128',
    ]);
    let fixed = statement;
    for (const fix of fixes) fixed = applyStatementFix(fixed, fix);
    expect(fixed).toBe(
      '# Sum\n\n```\nInput: nums = [1]\nOutput: 1\n```\n\n```\nInput: nums = []\nOutput: 0\n```\n\n**Limits:** 200 ms of CPU time per test, 128 MB of memory.\n',
    );
    expect(statementFixes(issues, fixed)).toEqual([]);
  });
});
