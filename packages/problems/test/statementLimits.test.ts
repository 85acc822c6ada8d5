import { describe, expect, it } from 'vitest';
import { limitsLine, statementLibrariesIssue, statementLimitsIssue } from '../src/index.ts';

const withPython = { cpuMs: 1000, memoryMb: 256, languages: { python: { cpuMs: 4000 } } };
const statement = (line: string) => `# Title\n\nThe task.\n\n${line}\n`;

describe('statementLimits', () => {
  it('[P31] writes the Python time beside the problem time when it differs, and nothing when it does not', () => {
    expect(limitsLine(withPython)).toBe('**Limits:** 1 s of CPU time per test (Python: 4 s), 256 MB of memory.');
    expect(limitsLine({ cpuMs: 500, memoryMb: 128, languages: { python: { cpuMs: 500 } } })).toBe(
      '**Limits:** 500 ms of CPU time per test, 128 MB of memory.',
    );
    expect(limitsLine({ cpuMs: 500, memoryMb: 128, languages: { python: { memoryMb: 512 } } })).toBe(
      '**Limits:** 500 ms of CPU time per test, 128 MB of memory (Python: 512 MB).',
    );
  });

  it('[P31] accepts a statement that states the Python time, in any unit', () => {
    expect(statementLimitsIssue(statement(limitsLine(withPython)), withPython)).toBeUndefined();
    expect(
      statementLimitsIssue(
        statement('**Limits:** 1000 ms of CPU time per test (Python: 4000 ms), 256 MB of memory.'),
        withPython,
      ),
    ).toBeUndefined();
  });

  it('[P31] refuses a statement that leaves out, misstates or invents a language limit, giving the line to write', () => {
    const line = '**Limits:** 1 s of CPU time per test (Python: 4 s), 256 MB of memory.';
    const issue = (stated: string) => statementLimitsIssue(statement(stated), withPython);
    expect(issue('**Limits:** 1 s of CPU time per test, 256 MB of memory.')).toBe(
      `states "**Limits:** 1 s of CPU time per test, 256 MB of memory.", but problem.yaml has cpuMs 1000 (python: 4000) and memoryMb 256; write:\n${line}`,
    );
    expect(issue('**Limits:** 1 s of CPU time per test (Python: 3 s), 256 MB of memory.')).toContain(`write:\n${line}`);
    expect(issue('**Limits:** 1 s of CPU time per test (Python: 4 s, Ruby: 9 s), 256 MB of memory.')).toContain(
      `write:\n${line}`,
    );
    // A Python time stated where problem.yaml gives Python none is as wrong as a missing one.
    expect(statementLimitsIssue(statement(line), { cpuMs: 1000, memoryMb: 256 })).toContain(
      'write:\n**Limits:** 1 s of CPU time per test, 256 MB of memory.',
    );
  });
});

describe('statementLibraries', () => {
  it('[P35] asks a statement to name the Python libraries its problem allows, and gives the line', () => {
    expect(statementLibrariesIssue('# Group by\n\nUse anything.\n', ['pandas'])).toBe(
      'allows pandas in Python but does not say so; add the line:\n**Python:** numpy, pandas and the standard library can be imported.',
    );
    expect(statementLibrariesIssue('In Python you may use pandas.', ['pandas'])).toBeUndefined();
    expect(statementLibrariesIssue('scikit-learn is allowed', ['sklearn', 'scipy'])).toMatch(/^allows SciPy in Python/);
    expect(statementLibrariesIssue('# Plain\n', [])).toBeUndefined();
    expect(statementLibrariesIssue('# Plain\n')).toBeUndefined();
  });
});
