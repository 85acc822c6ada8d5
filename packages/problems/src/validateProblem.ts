import { join } from 'node:path';
import type { Judge, JudgeReport, ProblemSpec, Verdict } from '@assay/judge';
import { checkGeneratedTests } from './buildTests.ts';
import type { LoadedProblem, SolutionFile } from './loadProblem.ts';
import type { PackIssue } from './sourceIssues.ts';
import { missingExamples } from './statementExamples.ts';

/** What a library problem must have at least ([P9]). */
export const LIBRARY_MINIMUMS = { samples: 3, hidden: 15 } as const;

export interface SolutionResult {
  name: string;
  expect: Verdict[];
  verdict: Verdict;
  ok: boolean;
  /** e.g. "18/18 tests" or "wrong_answer on hidden-7". */
  detail: string;
}

export interface ProblemReport {
  ref: string;
  issues: PackIssue[];
  samples: number;
  hidden: number;
  generated: number;
  solutions: SolutionResult[];
  /** The largest share of the CPU limit any accepted solution used on any test. */
  slowestShare: number;
}

function firstFailure(report: JudgeReport): string {
  const failed = report.tests.find((t) => t.verdict === report.verdict);
  if (report.compileError) return `compile error at line ${report.compileError.line}: ${report.compileError.message}`;
  return failed ? `${failed.verdict} on ${failed.id}${failed.message ? ` (${failed.message})` : ''}` : '';
}

/** Judges a too-slow solution on the largest tests first and stops at the first time limit ([P10]). */
async function judgeUntilTimeLimit(
  judge: Judge,
  spec: ProblemSpec,
  solution: SolutionFile,
): Promise<{ verdict: Verdict; detail: string }> {
  const size = new Map(spec.tests.map((t) => [t, JSON.stringify(t.args).length]));
  const bySize = [...spec.tests].sort((a, b) => (size.get(b) ?? 0) - (size.get(a) ?? 0));
  let worst: { verdict: Verdict; detail: string } = { verdict: 'accepted', detail: 'passed every test in time' };
  for (const test of bySize) {
    const report = await judge.judge({
      problem: { ...spec, tests: [{ ...test, kind: 'hidden' }] },
      submission: { language: solution.language, source: solution.source },
      mode: 'submit',
    });
    if (report.verdict === 'time_limit_exceeded')
      return { verdict: report.verdict, detail: `time limit on ${test.id}` };
    if (report.verdict !== 'accepted' && worst.verdict === 'accepted')
      worst = { verdict: report.verdict, detail: firstFailure(report) };
  }
  return worst;
}

/**
 * [P11] CPU time on a shared machine only ever gains noise (other processes, a hypervisor's steal): a
 * test that looks over the line is judged twice more on its own, and the fastest of the three runs counts.
 */
async function fastestCpuMs(
  judge: Judge,
  spec: LoadedProblem['spec'],
  solution: { language: LoadedProblem['solutions'][number]['language']; source: string },
  testId: string,
  firstMs: number,
): Promise<number> {
  const only = { ...spec, tests: spec.tests.filter((t) => t.id === testId) };
  let fastest = firstMs;
  for (let run = 0; run < 2; run++) {
    const again = await judge.judge({
      problem: only,
      submission: { language: solution.language, source: solution.source },
      mode: 'submit',
    });
    fastest = Math.min(fastest, again.tests[0]?.cpuMs ?? fastest);
  }
  return fastest;
}

/**
 * Proves a problem's tests ([P8]–[P11]): the library minimums, the statement's examples, the stored
 * generated tests, and that every known solution gets the verdict it should, with accepted solutions
 * using at most a third of the time limit on every test.
 */
export async function validateProblem(problem: LoadedProblem, judge: Judge): Promise<ProblemReport> {
  const issues: PackIssue[] = [];
  const yaml = join(problem.dir, 'problem.yaml');
  const tests = problem.spec.tests;
  const samples = tests.filter((t) => t.kind === 'sample').length;
  const hidden = tests.length - samples;
  if (samples < LIBRARY_MINIMUMS.samples)
    issues.push({
      file: join(problem.dir, 'tests', 'sample'),
      line: 1,
      message: `has ${samples} sample tests; at least ${LIBRARY_MINIMUMS.samples} are needed`,
    });
  if (hidden < LIBRARY_MINIMUMS.hidden)
    issues.push({
      file: join(problem.dir, 'tests', 'hidden'),
      line: 1,
      message: `has ${hidden} hidden tests; at least ${LIBRARY_MINIMUMS.hidden} are needed`,
    });
  const has = (category: string, language?: string) =>
    problem.solutions.some((s) => s.category === category && (!language || s.language === language));
  if (!has('accepted', 'javascript'))
    issues.push({
      file: join(problem.dir, 'solutions', 'accepted'),
      line: 1,
      message: 'needs a JavaScript reference solution (.js)',
    });
  if (!has('accepted', 'typescript'))
    issues.push({
      file: join(problem.dir, 'solutions', 'accepted'),
      line: 1,
      message: 'needs a TypeScript reference solution (.ts)',
    });
  if (!has('wrong_answer'))
    issues.push({
      file: join(problem.dir, 'solutions', 'wrong_answer'),
      line: 1,
      message: 'needs at least one wrong solution the tests catch',
    });
  if (!has('time_limit'))
    issues.push({
      file: join(problem.dir, 'solutions', 'time_limit'),
      line: 1,
      message: 'needs at least one too-slow solution the tests catch',
    });

  for (const { test, text } of missingExamples(problem.statement, tests, problem.spec.signature)) {
    issues.push({
      file: join(problem.dir, 'statement.md'),
      line: 1,
      message: `sample ${test.id} is not among the examples; add:\n${text}`,
    });
  }
  const generated = await checkGeneratedTests(problem, issues);

  let slowestShare = 0;
  const solutions = await Promise.all(
    problem.solutions.map(async (solution): Promise<SolutionResult> => {
      if (solution.category === 'time_limit') {
        const { verdict, detail } = await judgeUntilTimeLimit(judge, problem.spec, solution);
        return { name: solution.name, expect: solution.expect, verdict, ok: solution.expect.includes(verdict), detail };
      }
      const report = await judge.judge({
        problem: problem.spec,
        submission: { language: solution.language, source: solution.source },
        mode: 'submit',
      });
      if (solution.category === 'accepted') {
        for (const test of report.tests) {
          const cpuMs =
            test.cpuMs * 3 > problem.spec.limits.cpuMs
              ? await fastestCpuMs(judge, problem.spec, solution, test.id, test.cpuMs)
              : test.cpuMs;
          const share = cpuMs / problem.spec.limits.cpuMs;
          slowestShare = Math.max(slowestShare, share);
          if (share > 1 / 3) {
            issues.push({
              file: yaml,
              line: 1,
              message: `${solution.name} used ${cpuMs.toFixed(0)} ms of CPU on ${test.id} (its fastest of three runs), more than a third of the ${problem.spec.limits.cpuMs} ms limit: raise limits.cpuMs or speed up the reference`,
            });
          }
        }
      }
      const ok = solution.expect.includes(report.verdict);
      const detail =
        report.verdict === 'accepted' ? `${report.tests.length}/${report.tests.length} tests` : firstFailure(report);
      return { name: solution.name, expect: solution.expect, verdict: report.verdict, ok, detail };
    }),
  );
  for (const s of solutions.filter((r) => !r.ok)) {
    issues.push({
      file: join(problem.dir, 'solutions', s.name),
      line: 1,
      message: `expected ${s.expect.join(' or ')}, got ${s.verdict}: ${s.detail}`,
    });
  }
  return { ref: problem.ref, issues, samples, hidden, generated, solutions, slowestShare };
}
