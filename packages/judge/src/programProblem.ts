import { PROGRAM_ENTRY } from './languages/programStarter.ts';
import type { ProblemSpec } from './types.ts';

/**
 * [J53] A whole program as a problem, for a pad without a library problem: `main(): any`, optional
 * (top-level code alone also runs). Judge it in `run` mode with `customInputs: [[]]`: one custom test
 * that shows the console output and the returned value, accepted whenever the program finishes with
 * plain data. Its one hidden test exists because a problem needs a test; `run` never judges it.
 */
export function programProblem(limits: { cpuMs: number; memoryMb: number }): ProblemSpec {
  return {
    id: 'pad-program',
    title: 'Program',
    signature: { functionName: PROGRAM_ENTRY, params: [], returnType: 'any', entryOptional: true },
    tests: [{ id: 'unused', kind: 'hidden', args: [], expected: null }],
    limits,
    checker: { type: 'exact' },
  };
}
