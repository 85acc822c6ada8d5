import { join } from 'node:path';
import {
  type Judge,
  type JudgeReport,
  LANGUAGE_DEFINITIONS,
  LANGUAGES,
  type Language,
  limitsFor,
  type ProblemSpec,
  summarizeVerdicts,
  type Verdict,
} from '@assay/judge';
import { checkGeneratedTests } from './buildTests.ts';
import type { LoadedProblem, SolutionFile } from './loadProblem.ts';
import type { PackIssue } from './sourceIssues.ts';
import { missingExamples } from './statementExamples.ts';
import { statementLibrariesIssue } from './statementLibraries.ts';
import { statementLimitsIssue } from './statementLimits.ts';
import { quietCpuMs, Yardstick, type YardstickedRun } from './yardstick.ts';

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
  /** Which accepted solution that was, on which test ([P11]). */
  slowest?: SlowestRun;
  /** The slowest accepted solution of each language, against that language's limit ([P30]). */
  slowestByLanguage: Partial<Record<Language, SlowestRun>>;
  /**
   * [P34] Solutions not judged because their language cannot be judged on this machine (only with
   * `skipUnavailable`), with the reason.
   */
  skipped: { name: string; reason: string }[];
}

function firstFailure(report: JudgeReport): string {
  const failed = report.tests.find((t) => t.verdict === report.verdict);
  if (report.compileError) return `compile error at line ${report.compileError.line}: ${report.compileError.message}`;
  return failed ? `${failed.verdict} on ${failed.id}${failed.message ? ` (${failed.message})` : ''}` : '';
}

/** [P22] How much longer than the limits a too-slow solution must still be too slow. */
export const TOO_SLOW_FACTOR = 3;

/**
 * [P21] Known-bad solutions are judged on the hidden tests alone: candidates see the samples, so a
 * mistake that only a sample catches still scores 1.0 on submit.
 */
function hiddenOnly(spec: ProblemSpec): ProblemSpec {
  const hidden = spec.tests.filter((t) => t.kind === 'hidden');
  return hidden.length > 0 ? { ...spec, tests: hidden } : spec;
}

/**
 * [P22] The limits a too-slow solution is judged under: TOO_SLOW_FACTOR × the CPU limit, and a wall
 * limit twice that (or the problem's own wall limit scaled alike), so that the CPU clock decides and a
 * busy machine cannot make a solution look too slow that is merely near the limit.
 */
export function tooSlowLimits(limits: ProblemSpec['limits']): ProblemSpec['limits'] {
  const cpuMs = limits.cpuMs * TOO_SLOW_FACTOR;
  return { cpuMs, memoryMb: limits.memoryMb, wallMs: limits.wallMs ? limits.wallMs * TOO_SLOW_FACTOR : cpuMs * 2 };
}

/**
 * [P30] Where problem.yaml sets a language's CPU limit: the problem's own is JavaScript's (and
 * TypeScript's, judged alike); a language judged by another runner gets its own under `limits.languages`.
 */
function limitKey(language: Language): string {
  return LANGUAGE_DEFINITIONS[language].runner === 'isolated-vm'
    ? 'limits.cpuMs'
    : `limits.languages.${language}.cpuMs`;
}

/** [P30] The limits a solution is held to: the problem's, with its language's own over them ([J61]). */
function ownLimits(spec: ProblemSpec, solution: SolutionFile): ProblemSpec['limits'] {
  return limitsFor(spec, solution.language);
}

/**
 * Judges a too-slow solution on the hidden tests with the largest inputs first, one test at a time
 * under tooSlowLimits, and stops at the first time limit ([P10], [P22]).
 */
async function judgeUntilTimeLimit(
  judge: Judge,
  spec: ProblemSpec,
  solution: SolutionFile,
): Promise<{ verdict: Verdict; detail: string }> {
  const hidden = hiddenOnly(spec);
  const size = new Map(hidden.tests.map((t) => [t, JSON.stringify(t.args).length]));
  const bySize = [...hidden.tests].sort((a, b) => (size.get(b) ?? 0) - (size.get(a) ?? 0));
  const limits = tooSlowLimits(ownLimits(spec, solution));
  let worst: { verdict: Verdict; detail: string } = {
    verdict: 'accepted',
    detail: `passed every hidden test within ${TOO_SLOW_FACTOR} × the limits (${limits.cpuMs} ms of CPU): make the largest tests larger`,
  };
  for (const test of bySize) {
    const report = await judge.judge({
      problem: { ...hidden, limits, tests: [test] },
      submission: { language: solution.language, source: solution.source },
      mode: 'submit',
    });
    if (report.verdict === 'time_limit_exceeded')
      return { verdict: report.verdict, detail: `time limit on ${test.id} at ${TOO_SLOW_FACTOR} × the limits` };
    if (report.verdict !== 'accepted' && worst.verdict === 'accepted')
      worst = { verdict: report.verdict, detail: firstFailure(report) };
  }
  return worst;
}

/**
 * [P24] Judges a solution that is not meant to be too slow, then judges again, each on its own, the
 * tests that ran out of time: on a busy machine a test can pass its wall limit on load alone. Such a
 * test counts as on time when any of up to `runs` runs is.
 */
async function judgeSteadily(
  judge: Judge,
  spec: ProblemSpec,
  solution: SolutionFile,
  runs: number,
): Promise<JudgeReport> {
  const submission = { language: solution.language, source: solution.source };
  const report = await judge.judge({ problem: spec, submission, mode: 'submit' });
  if (solution.expect.includes('time_limit_exceeded')) return report;
  const tests = [...report.tests];
  let changed = false;
  for (const [i, test] of tests.entries()) {
    if (test.verdict !== 'time_limit_exceeded') continue;
    const only = { ...spec, tests: spec.tests.filter((t) => t.id === test.id) };
    for (let run = 1; run < runs; run++) {
      const again = (await judge.judge({ problem: only, submission, mode: 'submit' })).tests[0];
      if (again && again.verdict !== 'time_limit_exceeded') {
        tests[i] = again;
        changed = true;
        break;
      }
    }
  }
  return changed ? { ...report, tests, verdict: summarizeVerdicts(tests.map((t) => t.verdict)) } : report;
}

/** Judges a wrong solution on the hidden tests alone ([P21]). */
async function judgeOnHidden(
  judge: Judge,
  spec: ProblemSpec,
  solution: SolutionFile,
  runs: number,
): Promise<{ verdict: Verdict; detail: string }> {
  const report = await judgeSteadily(judge, hiddenOnly(spec), solution, runs);
  if (report.verdict !== 'accepted') return { verdict: report.verdict, detail: firstFailure(report) };
  return {
    verdict: 'accepted',
    detail: `${report.tests.length}/${report.tests.length} hidden tests; a mistake that only samples catch still scores 1.0 on submit: add a hidden test that catches it`,
  };
}

/** What the validator measured of the slowest accepted solution ([P11]). */
export interface SlowestRun {
  solution: string;
  test: string;
  cpuMs: number;
  /** cpuMs / the problem's CPU limit. */
  share: number;
}

export interface ValidateOptions {
  /**
   * [P24] Most runs of one test when an accepted solution looks over a third of the limit; re-runs
   * stop at the first estimate under the line. Default 5.
   */
  cpuRuns?: number;
  /**
   * [P34] Skip the solutions in languages this machine cannot judge (the judge's availability, [J62])
   * instead of failing the problem; the report lists them. Default false.
   */
  skipUnavailable?: boolean;
  /**
   * [P25] The CPU yardstick re-measured runs are scaled by; share one across the problems of a
   * validation run. Default: a new one per problem; `false` takes the fastest raw run instead.
   */
  yardstick?: Yardstick | false;
}

/**
 * [P24] CPU time measured on a shared machine only ever gains noise (other processes, a hypervisor's
 * steal, the validator's own too-slow solutions). A test that looks over a third of the limit is judged
 * again on its own, one at a time once everything else is done, up to `runs` runs in all, stopping as
 * soon as the estimate is under the line. With a yardstick ([P25]) each run is scaled by the yardstick
 * judged beside it; without one the fastest run counts.
 */
async function quietCpuEstimate(
  judge: Judge,
  spec: ProblemSpec,
  solution: SolutionFile,
  testId: string,
  firstMs: number,
  runs: number,
  yardstick: Yardstick | false,
): Promise<{ cpuMs: number; runs: number }> {
  const only = { ...spec, tests: spec.tests.filter((t) => t.id === testId) };
  const measured: YardstickedRun[] = [];
  let estimate = firstMs;
  let before = yardstick ? await yardstick.measure() : 0;
  let run = 1;
  for (; run < runs && estimate * 3 > ownLimits(spec, solution).cpuMs; run++) {
    const again = await judge.judge({
      problem: only,
      submission: { language: solution.language, source: solution.source },
      mode: 'submit',
    });
    const cpuMs = again.tests[0]?.cpuMs ?? firstMs;
    if (!yardstick) {
      estimate = Math.min(estimate, cpuMs);
      continue;
    }
    const after = await yardstick.measure();
    measured.push({ cpuMs, yardstickMs: (before + after) / 2 });
    before = after;
    estimate = Math.min(firstMs, quietCpuMs(measured, yardstick.quietestMs));
  }
  return { cpuMs: estimate, runs: run };
}

export async function validateProblem(
  problem: LoadedProblem,
  judge: Judge,
  options: ValidateOptions = {},
): Promise<ProblemReport> {
  const cpuRuns = Math.max(1, options.cpuRuns ?? 5);
  const yardstick = options.yardstick ?? new Yardstick(judge);
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
  for (const language of LANGUAGES) {
    const { label, extension } = LANGUAGE_DEFINITIONS[language];
    if (!has('accepted', language))
      issues.push({
        file: join(problem.dir, 'solutions', 'accepted'),
        line: 1,
        message: `needs a ${label} reference solution (${extension})`,
      });
  }
  if (!has('wrong_answer'))
    issues.push({
      file: join(problem.dir, 'solutions', 'wrong_answer'),
      line: 1,
      message: 'needs at least one wrong solution the tests catch',
    });
  // [P20], [P32] Languages judged by one runner share a limit; each runner's limit must be fair to
  // idiomatic code in one of its languages (JavaScript or TypeScript; Python).
  const runners = new Map<string, Language[]>();
  for (const language of LANGUAGES) {
    const { runner } = LANGUAGE_DEFINITIONS[language];
    runners.set(runner, [...(runners.get(runner) ?? []), language]);
  }
  for (const languages of runners.values()) {
    if (problem.solutions.some((s) => s.category === 'accepted' && s.idiomatic && languages.includes(s.language)))
      continue;
    const python = languages.includes('python');
    issues.push({
      file: join(problem.dir, 'solutions', 'accepted'),
      line: 1,
      message: python
        ? 'needs a Python solution written the way an average candidate writes it (lists, dicts, sorted, heapq, collections; numpy where natural), marked with a line # @idiomatic, so that the Python limits are fair to it'
        : 'needs an accepted solution written the way an average candidate writes it (plain arrays, Map, sort, no micro-optimisation), marked with a line // @idiomatic, so that the limits are fair to it',
    });
  }
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
  const librariesIssue = statementLibrariesIssue(problem.statement, problem.spec.libraries);
  if (librariesIssue) issues.push({ file: join(problem.dir, 'statement.md'), line: 1, message: librariesIssue });
  const limitsIssue = statementLimitsIssue(problem.statement, problem.spec.limits);
  if (limitsIssue) issues.push({ file: join(problem.dir, 'statement.md'), line: 1, message: limitsIssue });
  const generated = await checkGeneratedTests(problem, issues);

  // [P34] A language this machine cannot judge fails the problem with what to install, unless the
  // caller chose to skip it; then the report lists every solution left unjudged.
  const skipped: ProblemReport['skipped'] = [];
  const judgeable: SolutionFile[] = [];
  const unjudgeable = new Map<Language, SolutionFile[]>();
  for (const solution of problem.solutions) {
    const availability = judge.availability[solution.language];
    if (availability.available) judgeable.push(solution);
    else if (options.skipUnavailable) skipped.push({ name: solution.name, reason: availability.reason });
    else unjudgeable.set(solution.language, [...(unjudgeable.get(solution.language) ?? []), solution]);
  }
  for (const [language, files] of unjudgeable) {
    const { label } = LANGUAGE_DEFINITIONS[language];
    const availability = judge.availability[language];
    const reason = availability.available ? '' : availability.reason;
    issues.push({
      file: join(problem.dir, 'solutions'),
      line: 1,
      message: `${files.length} ${label} solution${files.length === 1 ? '' : 's'} (${files.map((f) => f.name).join(', ')}) cannot be judged on this machine. ${reason}; or validate with --skip-unavailable to skip them`,
    });
  }

  // Accepted solutions first, on their own: known-bad ones burn CPU at 3 × the limits ([P24]).
  const accepted = judgeable.filter((s) => s.category === 'accepted');
  const acceptedReports = await Promise.all(
    accepted.map((solution) => judgeSteadily(judge, problem.spec, solution, cpuRuns)),
  );
  const knownBad = await Promise.all(
    judgeable
      .filter((s) => s.category !== 'accepted')
      .map(async (solution): Promise<SolutionResult> => {
        const { verdict, detail } =
          solution.category === 'time_limit'
            ? await judgeUntilTimeLimit(judge, problem.spec, solution)
            : await judgeOnHidden(judge, problem.spec, solution, cpuRuns);
        return { name: solution.name, expect: solution.expect, verdict, ok: solution.expect.includes(verdict), detail };
      }),
  );
  // [P11] Every accepted solution within a third of the limit on every test, measured as in [P24].
  let slowest: SlowestRun | undefined;
  const slowestByLanguage: ProblemReport['slowestByLanguage'] = {};
  const solutions: SolutionResult[] = [];
  for (const [i, solution] of accepted.entries()) {
    const report = acceptedReports[i] as JudgeReport;
    const cpuMs = ownLimits(problem.spec, solution).cpuMs;
    for (const test of report.tests) {
      const measured =
        test.cpuMs * 3 > cpuMs
          ? await quietCpuEstimate(judge, problem.spec, solution, test.id, test.cpuMs, cpuRuns, yardstick)
          : { cpuMs: test.cpuMs, runs: 1 };
      const share = measured.cpuMs / cpuMs;
      const run = { solution: solution.name, test: test.id, cpuMs: measured.cpuMs, share };
      if (!slowest || share > slowest.share) slowest = run;
      const ownSlowest = slowestByLanguage[solution.language];
      if (!ownSlowest || share > ownSlowest.share) slowestByLanguage[solution.language] = run;
      if (share > 1 / 3) {
        issues.push({
          file: yaml,
          line: 1,
          message: `${solution.name} used ${measured.cpuMs.toFixed(0)} ms of CPU on ${test.id} (${yardstick ? `estimated from ${measured.runs} runs against the CPU yardstick` : `its fastest of ${measured.runs} runs`}), more than a third of the ${cpuMs} ms limit: raise ${limitKey(solution.language)} or speed up the reference`,
        });
      }
    }
    const ok = solution.expect.includes(report.verdict);
    const detail =
      report.verdict === 'accepted' ? `${report.tests.length}/${report.tests.length} tests` : firstFailure(report);
    solutions.push({ name: solution.name, expect: solution.expect, verdict: report.verdict, ok, detail });
  }
  solutions.push(...knownBad);
  const slowestShare = slowest?.share ?? 0;
  for (const s of solutions.filter((r) => !r.ok)) {
    const where = s.name.startsWith('accepted/') ? '' : ' on the hidden tests';
    issues.push({
      file: join(problem.dir, 'solutions', s.name),
      line: 1,
      message: `expected ${s.expect.join(' or ')}${where}, got ${s.verdict}: ${s.detail}`,
    });
  }
  return {
    ref: problem.ref,
    issues,
    samples,
    hidden,
    generated,
    solutions,
    slowestShare,
    ...(slowest ? { slowest } : {}),
    slowestByLanguage,
    skipped,
  };
}
