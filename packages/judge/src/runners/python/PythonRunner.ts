import type { CheckResult } from '../../checkers/checkResult.ts';
import { CheckerError, CustomChecker } from '../../checkers/customChecker.ts';
import { runBuiltinChecker } from '../../checkers/index.ts';
import type { ChildMessage, SandboxJob, SandboxTest, SandboxTestResult } from '../../runner/protocol.ts';
import type { SandboxRunner, SandboxSettings } from '../../runner/Runner.ts';
import { decodeWire, displayValue } from '../../values.ts';
import { classifyPython } from './classifyPython.ts';
import { Zygote, ZygoteExitedError, type ZygoteMessage, type ZygoteResult } from './Zygote.ts';

/** [J64] Threads a test's child may start (each counts against the process limit and the CPU clock). */
const THREAD_LIMIT = 16;
/** [J64] Largest file a test may write in its work directory. */
const FILE_SIZE_BYTES = 16 * 1024 * 1024;
/**
 * [J68] Python's recursion limit in a test: deep enough for a recursive DFS over 10^4 nodes, and within
 * what the 8 MiB C stack holds.
 */
const RECURSION_LIMIT = 12_000;

/**
 * The Python runner ([J60]): the supervised Node child keeps one warm sandbox (zygote.py in bubblewrap),
 * sends it the candidate's source and each test, turns what the zygote observed into verdicts
 * ([J65]) and checks answers on the host side, where the candidate's code never runs.
 */
export class PythonRunner implements SandboxRunner {
  private zygote: Zygote | undefined;

  constructor(private readonly settings: SandboxSettings) {}

  async start(): Promise<void> {
    this.zygote = await Zygote.start(this.settings);
  }

  async run(job: SandboxJob, emit: (message: ChildMessage) => void): Promise<void> {
    const checker = job.checker.type === 'custom' ? new CustomChecker(job.checker.source) : undefined;
    try {
      let zygote = await this.ready();
      const prepared = await zygote.request(this.jobMessage(job));
      if (prepared instanceof ZygoteExitedError || prepared.type !== 'prepared') {
        emit({ type: 'compile-error', error: compileError(prepared) });
        return;
      }
      emit({ type: 'prepared' });
      for (let index = job.startIndex; index < job.tests.length; index++) {
        const test = job.tests[index] as SandboxTest;
        if (Date.now() > job.budgetDeadline) {
          emit({ type: 'test-done', index, result: notRun(job) });
          continue;
        }
        emit({ type: 'test-start', index });
        const interaction = job.interactive ? startInteraction(zygote, job, test, index) : undefined;
        const answer = await zygote.request({
          type: 'test',
          index,
          inputJson: test.inputJson,
          seed: test.seed,
          nonce: `${index}-${test.seed}-${Math.random().toString(36).slice(2)}`,
        });
        interaction?.stop();
        if (!(answer instanceof ZygoteExitedError) && answer.type === 'internal') {
          emit({ type: 'test-done', index, result: harnessFailed(answer.message) });
          continue;
        }
        if (answer instanceof ZygoteExitedError || answer.type !== 'result') {
          // The candidate's code brought the whole sandbox down (it may signal the zygote): its test
          // fails, and a new sandbox takes the rest of the tests.
          emit({ type: 'test-done', index, result: sandboxCrashed() });
          zygote = await this.restart();
          const again = await zygote.request(this.jobMessage(job));
          if (again instanceof ZygoteExitedError || again.type !== 'prepared')
            throw new Error('the Python sandbox failed twice');
          continue;
        }
        const result = await this.judged(job, test, answer, checker, interaction);
        emit({ type: 'test-done', index, result });
      }
      emit({ type: 'job-done' });
    } catch (error) {
      emit({ type: 'job-failed', message: error instanceof Error ? error.message : String(error) });
    } finally {
      checker?.dispose();
    }
  }

  private async ready(): Promise<Zygote> {
    if (this.zygote?.alive) return this.zygote;
    return this.restart();
  }

  private async restart(): Promise<Zygote> {
    this.zygote?.kill();
    this.zygote = await Zygote.start(this.settings);
    return this.zygote;
  }

  private jobMessage(job: SandboxJob): object {
    return {
      type: 'job',
      source: job.source,
      job: {
        functionName: job.functionName,
        params: job.params,
        returnType: job.returnType,
        entryOptional: job.entryOptional === true,
        limits: job.limits,
        interactive: job.interactive?.functions ?? null,
        burnCpuMs: job.burnCpuMs ?? 0,
        threadLimit: THREAD_LIMIT,
        fileSizeBytes: FILE_SIZE_BYTES,
        recursionLimit: RECURSION_LIMIT,
        libraries: job.libraries ?? [],
        preload: modulesToPreload(job),
      },
    };
  }

  private async judged(
    job: SandboxJob,
    test: SandboxTest,
    answer: ZygoteResult,
    checker: CustomChecker | undefined,
    interaction: Interaction | undefined,
  ): Promise<SandboxTestResult> {
    const outcome = classifyPython(answer, job.limits);
    const envelope = outcome.envelope;
    const base: SandboxTestResult = {
      verdict: 'accepted',
      cpuMs: round(answer.cpuMs),
      wallMs: round(answer.wallMs),
      output: envelope?.log ?? '',
      outputTruncated: (envelope?.dropped ?? 0) > 0,
    };
    if (envelope && envelope.dropped > 0)
      base.output += `\n… output truncated: ${envelope.dropped} more characters were not kept`;
    // [J17] Past the call budget the test is a wrong answer, whatever the code did with the error
    // (unless a limit stopped it first).
    const overBudget = interaction?.exceeded() === true;
    if (outcome.kind === 'failed') {
      const { verdict, message } = outcome.classified;
      if (overBudget && verdict === 'runtime_error')
        return { ...base, verdict: 'wrong_answer', message: interaction?.message ?? '' };
      return {
        ...base,
        verdict,
        message,
        ...(envelope?.stack && verdict === 'runtime_error' ? { stack: envelope.stack } : {}),
      };
    }
    if (overBudget) return { ...base, verdict: 'wrong_answer', message: interaction?.message ?? '' };
    let actual: unknown;
    try {
      actual = decodeWire(outcome.envelope.value, job.returnType);
    } catch (error) {
      return {
        ...base,
        verdict: 'runtime_error',
        message: `the answer could not be read: ${(error as Error).message}`,
      };
    }
    const shown = { ...base, actual: displayValue(actual) };
    if (test.expected === undefined) return { ...shown, answer: outcome.envelope.value, verdict: 'accepted' };
    let check: CheckResult;
    try {
      check =
        job.checker.type === 'custom'
          ? await (checker as CustomChecker).check(
              test.inputJson,
              JSON.stringify(test.expected),
              JSON.stringify(outcome.envelope.value),
            )
          : runBuiltinChecker(job.checker, decodeWire(test.expected, job.returnType), actual);
    } catch (error) {
      if (error instanceof CheckerError) return { ...shown, verdict: 'internal_error', message: error.message };
      throw error;
    }
    return check.ok ? { ...shown, verdict: 'accepted' } : { ...shown, verdict: 'wrong_answer', message: check.message };
  }
}

/** sklearn's subpackages a source may name, imported ahead in the zygote ([J69]). */
const SKLEARN_PARTS = new Set([
  'cluster',
  'datasets',
  'decomposition',
  'ensemble',
  'feature_extraction',
  'impute',
  'linear_model',
  'metrics',
  'model_selection',
  'naive_bayes',
  'neighbors',
  'pipeline',
  'preprocessing',
  'svm',
  'tree',
  'utils',
]);
const SCIPY_PARTS = new Set(['optimize', 'sparse', 'spatial', 'special', 'stats']);

/**
 * [J69] The allowed libraries (and their parts) the source names: the zygote imports them once, before
 * the tests, so a test's CPU time is not spent importing pandas (300+ ms) or scikit-learn's models.
 */
export function modulesToPreload(job: Pick<SandboxJob, 'source' | 'libraries'>): string[] {
  const modules: string[] = [];
  for (const library of job.libraries ?? []) {
    if (!new RegExp(`\\b${library}\\b`).test(job.source)) continue;
    modules.push(library);
    const parts = library === 'sklearn' ? SKLEARN_PARTS : library === 'scipy' ? SCIPY_PARTS : undefined;
    for (const match of job.source.matchAll(new RegExp(`\\b${library}\\.(\\w+)`, 'g'))) {
      const part = match[1] as string;
      if (parts?.has(part) && !modules.includes(`${library}.${part}`)) modules.push(`${library}.${part}`);
    }
  }
  return modules;
}

interface Interaction {
  stop(): void;
  exceeded(): boolean;
  message: string;
}

/**
 * [J66] The problem's interactor (trusted author JavaScript) for one test, answering the child's calls
 * on the interaction socket. Lines that are not calls of this test are ignored: a stopped child's
 * leftovers, or noise the candidate writes, cost only the candidate's own test.
 */
function startInteraction(zygote: Zygote, job: SandboxJob, test: SandboxTest, index: number): Interaction {
  const spec = job.interactive as NonNullable<SandboxJob['interactive']>;
  const create = new Function('data', 'args', `${spec.source}\n;return createInteractor(data, args);`) as (
    data: unknown,
    args: unknown[],
  ) => {
    functions: Record<string, (...a: unknown[]) => unknown>;
    callBudget: number;
    budgetMessage?: string;
  };
  const interactor = create(test.data, JSON.parse(test.inputJson) as unknown[]);
  const message =
    interactor.budgetMessage ??
    `called ${spec.functions.join('/')} more than the ${interactor.callBudget} times allowed`;
  const prefix = `${index}-${test.seed}-`;
  let calls = 0;
  let over = false;
  zygote.resetInteraction();
  zygote.onInteraction = (line) => {
    let call: { n?: unknown; f?: unknown; a?: unknown };
    try {
      call = JSON.parse(line) as typeof call;
    } catch {
      return;
    }
    if (typeof call.n !== 'string' || !call.n.startsWith(prefix)) return;
    const reply = (body: object) => zygote.reply({ n: call.n, ...body });
    calls++;
    if (calls > interactor.callBudget) {
      over = true;
      reply({ error: message });
      return;
    }
    const fn = typeof call.f === 'string' && spec.functions.includes(call.f) ? interactor.functions[call.f] : undefined;
    if (!fn || !Array.isArray(call.a)) {
      reply({ error: `${String(call.f)} is not a function the judge provides` });
      return;
    }
    try {
      reply({ v: fn(...(call.a as unknown[])) ?? null });
    } catch (error) {
      reply({ error: (error instanceof Error ? error.message : String(error)).slice(0, 1000) });
    }
  };
  return {
    stop: () => {
      zygote.onInteraction = undefined;
    },
    exceeded: () => over,
    message,
  };
}

function compileError(reply: ZygoteMessage | ZygoteExitedError) {
  if (!(reply instanceof ZygoteExitedError) && reply.type === 'compile-error') {
    return { message: reply.message, line: reply.line, column: reply.column };
  }
  return { message: 'the sandbox crashed while preparing your code', line: 0, column: 0 };
}

function sandboxCrashed(): SandboxTestResult {
  return {
    verdict: 'runtime_error',
    cpuMs: 0,
    wallMs: 0,
    output: '',
    outputTruncated: false,
    message: 'your code brought down the sandbox (it stopped the process that runs the tests)',
  };
}

function harnessFailed(message: string): SandboxTestResult {
  return {
    verdict: 'internal_error',
    cpuMs: 0,
    wallMs: 0,
    output: '',
    outputTruncated: false,
    message: `the Python harness failed: ${message.slice(0, 1000)}`,
  };
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

function notRun(job: SandboxJob): SandboxTestResult {
  return {
    verdict: 'time_limit_exceeded',
    cpuMs: 0,
    wallMs: 0,
    output: '',
    outputTruncated: false,
    message: `not run: the submission used up its total time budget before this test (${job.limits.wallMs} ms per test)`,
  };
}
