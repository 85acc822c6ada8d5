import { Judge, type JudgeReport, type Language, type ProblemSpec, parseType } from '../src/index.ts';
import type { SandboxJob } from '../src/runner/protocol.ts';

/** A one-sample problem for `solve`, with the given parameter and return types. */
export function solveProblem(
  id: string,
  params: string[],
  returnType: string,
  args: unknown[],
  expected: unknown,
): ProblemSpec {
  return {
    id,
    signature: { functionName: 'solve', params: params.map((type, i) => ({ name: `p${i}`, type })), returnType },
    limits: { cpuMs: 500, memoryMb: 64 },
    checker: { type: 'exact' },
    tests: [{ id: 'sample-1', kind: 'sample', args, expected }],
  };
}

/** `sum(nums: int[]): int`, with samples and hidden tests: the target of most hostile submissions. */
export const sumProblem: ProblemSpec = {
  id: 'sum',
  signature: {
    functionName: 'solve',
    params: [{ name: 'nums', type: 'int[]' }],
    returnType: 'int',
  },
  limits: { cpuMs: 200, memoryMb: 32 },
  checker: { type: 'exact' },
  tests: [
    { id: 'sample-1', kind: 'sample', args: [[1, 2, 3]], expected: 6 },
    { id: 'hidden-1', kind: 'hidden', args: [[5]], expected: 5 },
    { id: 'hidden-2', kind: 'hidden', args: [[-4, 4, 10]], expected: 10 },
  ],
};

export const correctSum = 'function solve(nums) { let s = 0; for (const n of nums) s += n; return s; }';

/** What the pool hands a sandbox child for `correctSum` on one test, below the judge's own preparation. */
export function sumJob(limits: Partial<SandboxJob['limits']> = {}): SandboxJob {
  return {
    source: correctSum,
    language: 'javascript',
    functionName: 'solve',
    params: [parseType('int[]')],
    returnType: parseType('int'),
    tests: [{ id: 't', kind: 'hidden', inputJson: '[[1,2,3]]', expected: 6, seed: 1 }],
    startIndex: 0,
    limits: { cpuMs: 1000, wallMs: 11_000, memoryMb: 64, outputBytes: 1 << 20, consoleBytes: 16384, ...limits },
    checker: { type: 'exact' },
    budgetDeadline: Number.MAX_SAFE_INTEGER,
  };
}

export function createJudge(): Judge {
  return new Judge({ concurrency: 2, totalBudgetMs: 30_000 });
}

export function submit(
  judge: Judge,
  problem: ProblemSpec,
  source: string,
  language: Language = 'javascript',
  mode: 'run' | 'submit' = 'submit',
): Promise<JudgeReport> {
  return judge.judge({ problem, submission: { language, source }, mode });
}
