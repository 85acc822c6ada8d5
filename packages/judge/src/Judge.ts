import { availableParallelism } from 'node:os';
import { LANGUAGES, languageDefinition, type RunnerId } from './languages/languages.ts';
import { ChildPool } from './pool/ChildPool.ts';
import { SOURCE_LIMIT_BYTES, sourceSizeError } from './prepareSource.ts';
import { validateProblemSpec } from './problemSchema.ts';
import { ANSWER_LIMIT_BYTES, capTestReport, capWholeReport, FIELD_CAPS, REPORT_LIMIT_BYTES } from './reportLimits.ts';
import type { SandboxJob, SandboxTest, SandboxTestResult } from './runner/protocol.ts';
import type { RunnerAvailability, SandboxSettings } from './runner/Runner.ts';
import { RUNNERS } from './runners/index.ts';
import type { JudgeReport, JudgeRequest, Language, ProblemSpec, TestReport } from './types.ts';
import { decodeWire, displayValue } from './values.ts';
import { summarizeVerdicts } from './verdicts.ts';

export interface JudgeOptions {
  /** Submissions judged at once by each runner, each in its own child process. Default: the number of cores. */
  concurrency?: number;
  /** Wall-clock budget for all the tests of one submission, in ms. Default 60 000. */
  totalBudgetMs?: number;
  /** Largest serialised return value, in characters. Default 8 MiB. */
  outputLimitBytes?: number;
  /** Console output kept per test, in characters. Default 16 KiB. */
  consoleLimitBytes?: number;
  /** Largest source accepted, in bytes. Default 64 KiB. */
  sourceLimitBytes?: number;
  /** Extra time past a test's wall limit before its child process is killed, in ms. Default 150. */
  killGraceMs?: number;
  /** Submissions a sandbox process judges before it is replaced (bounding slow leaks). Default 500. */
  maxJobsPerChild?: number;
  /** Wall-clock time the sandbox may spend preparing and compiling a source, in ms ([J27]). Default 5000. */
  prepareTimeoutMs?: number;
  /** Tests over their time limit judged again in a fresh process, per submission ([J29]). Default 3. */
  maxRejudges?: number;
  /** Largest custom-input answer kept in a report, in characters of JSON ([J26]). Default 64 KiB. */
  answerLimitBytes?: number;
  /** Largest report, in characters of JSON; past it, strings are cut and the report is `trimmed` ([J26]). Default 1 MiB. */
  reportLimitBytes?: number;
  /**
   * Testing aid: CPU time burnt inside every first run's timed window, as a loaded machine would add,
   * so tests can exercise the re-judge ([J29]). Never set it in production.
   */
  burnCpuMsOnFirstRun?: number;
  /** [J62] Where the programs the Python runner needs are. */
  sandbox?: Partial<SandboxSettings>;
}

/** [J62] Whether a language can be judged on this machine; when not, `reason` says what to install. */
export type LanguageAvailability = RunnerAvailability;

/** [J62] A submission in a language this machine cannot judge (Python without bubblewrap). */
export class LanguageUnavailableError extends Error {
  override name = 'LanguageUnavailableError';
  readonly code = 'JUDGE_ERR_LANGUAGE_UNAVAILABLE';
  constructor(
    readonly language: Language,
    readonly reason: string,
  ) {
    super(`${languageDefinition(language).label} is unavailable here: ${reason}`);
  }
}

/** The sandbox settings with their defaults. */
export function sandboxSettings(given: Partial<SandboxSettings> = {}): SandboxSettings {
  return { python3Path: '/usr/bin/python3', bwrapPath: 'bwrap', ...given };
}

/**
 * [J62] Which languages this machine can judge, probing each runner once (Python: bubblewrap starts
 * and numpy imports). Servers show it; the judge refuses the others with the reason.
 */
export function languageAvailability(given: Partial<SandboxSettings> = {}): Record<Language, LanguageAvailability> {
  const settings = sandboxSettings(given);
  const byRunner = new Map<RunnerId, RunnerAvailability>();
  const out = {} as Record<Language, LanguageAvailability>;
  for (const language of LANGUAGES) {
    const runner = RUNNERS[languageDefinition(language).runner];
    let known = byRunner.get(runner.id);
    if (!known) {
      known = runner.probe ? runner.probe(settings) : { available: true };
      byRunner.set(runner.id, known);
    }
    out[language] = known;
  }
  return out;
}

type PoolOptionKeys =
  | 'killGraceMs'
  | 'maxJobsPerChild'
  | 'prepareTimeoutMs'
  | 'maxRejudges'
  | 'burnCpuMsOnFirstRun'
  | 'sandbox';

/** Called as each test's result arrives, in test order within a child; a re-judged test ([J29]) is reported again. */
export type TestListener = (test: TestReport, index: number) => void;

/**
 * The judge's public face: code and a problem in, a report out ([J0]). Pure in the sense that matters:
 * no database, queue or network; its only effects are the sandbox processes it supervises.
 */
export class Judge {
  private readonly options: Required<Omit<JudgeOptions, PoolOptionKeys>> & Pick<JudgeOptions, 'burnCpuMsOnFirstRun'>;
  /** One supervised pool per runner ([J51]); its processes start when first needed, or at warmUp. */
  private readonly pools = new Map<RunnerId, ChildPool>();
  private readonly validatedProblems = new WeakMap<ProblemSpec, ReturnType<typeof validateProblemSpec>>();
  /** [J62] Which languages this machine can judge, probed when the judge was made. */
  readonly availability: Record<Language, LanguageAvailability>;

  constructor(options: JudgeOptions = {}) {
    this.options = {
      concurrency: availableParallelism(),
      totalBudgetMs: 60_000,
      outputLimitBytes: 8 * 1024 * 1024,
      consoleLimitBytes: 16 * 1024,
      sourceLimitBytes: SOURCE_LIMIT_BYTES,
      answerLimitBytes: ANSWER_LIMIT_BYTES,
      reportLimitBytes: REPORT_LIMIT_BYTES,
      ...options,
    };
    const settings = sandboxSettings(options.sandbox);
    this.availability = languageAvailability(settings);
    for (const runner of Object.values(RUNNERS)) {
      // [J62] A runner this machine cannot start gets no pool: its languages are refused with the reason.
      if (runner.probe && !runner.probe(settings).available) continue;
      this.pools.set(
        runner.id,
        new ChildPool({
          size: this.options.concurrency,
          runner: { ...runner.entry, ...(runner.args ? { args: runner.args(settings) } : {}) },
          ...(options.killGraceMs === undefined ? {} : { killGraceMs: options.killGraceMs }),
          ...(options.maxJobsPerChild === undefined ? {} : { maxJobsPerChild: options.maxJobsPerChild }),
          // A runner whose preparation does more than compile (Python imports the libraries a source
          // names, [J69]) is given at least its own minimum.
          ...(options.prepareTimeoutMs === undefined && runner.prepareTimeoutMs === undefined
            ? {}
            : { prepareTimeoutMs: Math.max(options.prepareTimeoutMs ?? 5000, runner.prepareTimeoutMs ?? 0) }),
          ...(options.maxRejudges === undefined ? {} : { maxRejudges: options.maxRejudges }),
        }),
      );
    }
  }

  /**
   * Judges one submission. Throws ProblemSpecError for a broken problem and LanguageUnavailableError for
   * a language this machine cannot judge ([J62]); everything else is a verdict.
   */
  async judge(request: JudgeRequest, onTest?: TestListener): Promise<JudgeReport> {
    const started = performance.now();
    const report = capWholeReport(await this.judgeUntimed(request, onTest), this.options.reportLimitBytes);
    return { ...report, judgeMs: Math.round((performance.now() - started) * 100) / 100 };
  }

  private async judgeUntimed(request: JudgeRequest, onTest?: TestListener): Promise<Omit<JudgeReport, 'judgeMs'>> {
    const { problem, types } = this.validated(request.problem);
    const { mode, submission } = request;
    const pool = this.pools.get(languageDefinition(submission.language).runner);
    const availability = this.availability[submission.language];
    if (!pool || !availability.available) {
      throw new LanguageUnavailableError(
        submission.language,
        availability.available ? `${submission.language} cannot be judged here` : availability.reason,
      );
    }
    // [J27] Only the size is checked here: preparing the source (TypeScript stripping can take
    // exponential time on a hostile source) happens in a sandbox child, under a deadline.
    const tooLarge = sourceSizeError(submission.source, this.options.sourceLimitBytes);
    if (tooLarge) return compileErrorReport(mode, tooLarge);

    const chosen = mode === 'submit' ? problem.tests : problem.tests.filter((t) => t.kind === 'sample');
    const tests: SandboxTest[] = chosen.map((t) => ({
      id: t.id,
      kind: t.kind,
      inputJson: JSON.stringify(t.args),
      expected: t.expected,
      data: t.data,
      seed: seedFor(problem.id, t.id),
    }));
    if (mode === 'run') {
      for (const [i, args] of (request.customInputs ?? []).entries()) {
        for (const [j, type] of types.params.entries()) {
          decodeWire(args[j], type, `custom input ${i + 1}, argument ${j + 1}`);
        }
        tests.push({
          id: `custom-${i + 1}`,
          kind: 'custom',
          inputJson: JSON.stringify(args),
          seed: seedFor(problem.id, `custom-${i + 1}`),
        });
      }
    }
    const limits = limitsFor(problem, submission.language);
    const cpuMs = limits.cpuMs;
    const job: SandboxJob = {
      source: submission.source,
      language: submission.language,
      functionName: problem.signature.functionName,
      ...(problem.signature.entryOptional ? { entryOptional: true } : {}),
      params: types.params,
      returnType: types.returnType,
      tests,
      startIndex: 0,
      limits: {
        cpuMs,
        // [J22] CPU time is the limit; the wall clock is only a loose backstop for code that waits.
        wallMs: limits.wallMs ?? cpuMs * 10 + 1000,
        memoryMb: limits.memoryMb,
        outputBytes: this.options.outputLimitBytes,
        consoleBytes: this.options.consoleLimitBytes,
      },
      checker: problem.checker,
      budgetDeadline: Date.now() + this.options.totalBudgetMs,
      ...(problem.interactive ? { interactive: problem.interactive } : {}),
      ...(problem.libraries?.length ? { libraries: problem.libraries } : {}),
      ...(this.options.burnCpuMsOnFirstRun ? { burnCpuMs: this.options.burnCpuMsOnFirstRun } : {}),
    };
    const caps = { outputChars: this.options.consoleLimitBytes + 200, answerLimitBytes: this.options.answerLimitBytes };
    const toReport = (result: SandboxTestResult, index: number): TestReport =>
      capTestReport(uncappedReport(result, index), caps);
    const uncappedReport = (result: SandboxTestResult, index: number): TestReport => {
      const test = tests[index] as SandboxTest;
      const report: TestReport = { id: test.id, kind: test.kind, ...result };
      if (test.kind === 'hidden') {
        // [J16] Hidden tests reveal their verdict, never their data.
        delete report.actual;
        delete report.answer;
        if (report.verdict === 'wrong_answer' && !problem.interactive)
          report.message = 'the answer differs from the expected one';
        return report;
      }
      report.input = displayArgs(
        problem.signature.params.map((p) => p.name),
        JSON.parse(test.inputJson) as unknown[],
        types.params,
      );
      if (test.expected !== undefined) report.expected = displayValue(decodeWire(test.expected, types.returnType));
      return report;
    };
    const outcome = await pool.run(job, onTest ? (index, result) => onTest(toReport(result, index), index) : undefined);
    if ('compileError' in outcome) return compileErrorReport(mode, outcome.compileError);

    const reports = outcome.results.map(toReport);
    const scored =
      mode === 'submit' && reports.some((r) => r.kind === 'hidden')
        ? reports.filter((r) => r.kind === 'hidden')
        : reports;
    const passed = scored.filter((r) => r.verdict === 'accepted').length;
    return {
      mode,
      verdict: summarizeVerdicts(reports.map((r) => r.verdict)),
      score: scored.length === 0 ? 0 : passed / scored.length,
      passed,
      total: scored.length,
      tests: reports,
    };
  }

  /** Problems are validated once per object: a problem is data, judged many times over. */
  private validated(input: ProblemSpec): ReturnType<typeof validateProblemSpec> {
    let result = this.validatedProblems.get(input);
    if (!result) {
      result = validateProblemSpec(input);
      this.validatedProblems.set(input, result);
    }
    return result;
  }

  /** How many sandbox processes one runner has running (none for a runner this machine lacks). */
  processesOf(runner: RunnerId): number {
    return this.pools.get(runner)?.liveChildren ?? 0;
  }

  /** How many sandbox processes are running, across runners. */
  get processes(): number {
    let live = 0;
    for (const pool of this.pools.values()) live += pool.liveChildren;
    return live;
  }

  /** Starts the sandbox processes ahead of the first submission (servers call this at start). */
  async warmUp(): Promise<void> {
    await Promise.all([...this.pools.values()].map((pool) => pool.warmUp()));
  }

  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map((pool) => pool.close()));
  }
}

function compileErrorReport(
  mode: JudgeReport['mode'],
  error: { message: string; line: number; column: number },
): Omit<JudgeReport, 'judgeMs'> {
  return {
    mode,
    verdict: 'compile_error',
    score: 0,
    passed: 0,
    total: 0,
    tests: [],
    // [J26] A syntax error quotes the source (an identifier can be 60 KB long): capped like any message.
    compileError: {
      ...error,
      message:
        error.message.length > FIELD_CAPS.message ? `${error.message.slice(0, FIELD_CAPS.message)}…` : error.message,
    },
  };
}

function displayArgs(names: string[], args: unknown[], types: Parameters<typeof decodeWire>[1][]): string {
  return names
    .map(
      (name, i) => `${name} = ${displayValue(decodeWire(args[i], types[i] as Parameters<typeof decodeWire>[1]), 1000)}`,
    )
    .join(', ');
}

/** [J61] The limits a submission in `language` is judged under: the problem's, with the language's own over them. */
export function limitsFor(
  problem: ProblemSpec,
  language: Language,
): { cpuMs: number; memoryMb: number; wallMs?: number } {
  const { languages, ...base } = problem.limits;
  const own = languages?.[language];
  return { ...base, ...Object.fromEntries(Object.entries(own ?? {}).filter(([, v]) => v !== undefined)) };
}

/** FNV-1a of problem and test id: the seed of the test's Math.random ([J13]). */
export function seedFor(problemId: string, testId: string): number {
  let hash = 0x811c9dc5;
  for (const ch of `${problemId}\u0000${testId}`) {
    hash ^= ch.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
