import { readFileSync } from 'node:fs';
import ivm from 'isolated-vm';
import type { CheckResult } from '../../checkers/checkResult.ts';
import { CheckerError, CustomChecker } from '../../checkers/customChecker.ts';
import { runBuiltinChecker } from '../../checkers/index.ts';
import { classifyFailure, type Failure } from '../../classifyFailure.ts';
import { parseV8CompileError, prepareSource } from '../../prepareSource.ts';
import type { ChildMessage, SandboxJob, SandboxTest, SandboxTestResult } from '../../runner/protocol.ts';
import type { SandboxRunner } from '../../runner/Runner.ts';
import { decodeWire, displayValue } from '../../values.ts';

const HARNESS_SOURCE = `'use strict';\n${readFileSync(new URL('./harness.isolate.js', import.meta.url), 'utf8')}`;

interface Envelope {
  status: 'ok' | 'thrown' | 'missing' | 'mismatch' | 'too_large';
  message?: string;
  name?: string;
  stack?: string;
  log: string;
  dropped: number;
  value?: unknown;
}

/** The candidate's code, ready for the isolate. */
interface Code {
  js: string;
  filename: string;
}

interface LoadedIsolate {
  isolate: ivm.Isolate;
  harness: ivm.Script;
}

/** Keeps the stack frames in the candidate's file, so traces show their lines only ([J15]). */
export function candidateStack(stack: string, filename: string): string {
  const lines = stack.split('\n');
  const frames = lines
    .filter((line) => line.includes(`${filename}:`))
    .map((line) => line.replace(/\(eval at [^)]*\), /, ''));
  return [lines[0] ?? '', ...frames].join('\n').trim();
}

function firstLine(stack: string, filename: string): number | undefined {
  const match = new RegExp(`${filename.replace('.', '\\.')}:(\\d+):\\d+`).exec(stack);
  return match ? Number(match[1]) : undefined;
}

/** How often the child compares its CPU time with the test's limit while the candidate runs, in ms. */
const CPU_POLL_MS = 5;

/** CPU time of this whole process (every thread) since `start`, in ms ([J22]). */
function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Burns `ms` of CPU on this thread: the testing aid `burnCpuMs` ([J29]). */
function burnCpu(ms: number): void {
  const start = process.cpuUsage();
  while (cpuMsSince(start) < ms) {
    // spin
  }
}

/** The isolated-vm implementation: one isolate per submission, one fresh context per test ([J10]). */
export class IsolatedVmRunner implements SandboxRunner {
  async run(job: SandboxJob, emit: (message: ChildMessage) => void): Promise<void> {
    let loaded: LoadedIsolate | undefined;
    const checker = job.checker.type === 'custom' ? new CustomChecker(job.checker.source) : undefined;
    try {
      // [J27] Source preparation happens here, in the supervised child, under the deadline the
      // supervisor arms for it: a source that makes the TypeScript stripper backtrack costs this
      // child only. The host has already checked the size.
      const prepared = prepareSource(job.source, job.language, Number.POSITIVE_INFINITY);
      if (!prepared.ok) {
        emit({ type: 'compile-error', error: prepared.error });
        return;
      }
      const code: Code = { js: prepared.js, filename: prepared.filename };
      loaded = await this.load(job);
      try {
        const script = await loaded.isolate.compileScript(code.js, {
          filename: code.filename,
        });
        script.release();
      } catch (error) {
        emit({
          type: 'compile-error',
          error: parseV8CompileError(error instanceof Error ? error.message : String(error)),
        });
        return;
      }
      emit({ type: 'prepared' });
      // The signature's types, as the harness parses them: the same for every test.
      const typesJson = JSON.stringify({
        params: job.params,
        ret: job.returnType,
        entryOptional: job.entryOptional === true,
      });
      for (let index = job.startIndex; index < job.tests.length; index++) {
        const test = job.tests[index] as SandboxTest;
        if (Date.now() > job.budgetDeadline) {
          emit({ type: 'test-done', index, result: notRun(job) });
          continue;
        }
        emit({ type: 'test-start', index });
        if (loaded.isolate.isDisposed) loaded = await this.load(job);
        const result = await this.runTest(loaded, job, code, typesJson, test, checker);
        emit({ type: 'test-done', index, result });
      }
      emit({ type: 'job-done' });
    } catch (error) {
      emit({
        type: 'job-failed',
        message: error instanceof Error ? error.message : String(error),
      });
    } finally {
      if (loaded && !loaded.isolate.isDisposed) loaded.isolate.dispose();
      checker?.dispose();
    }
  }

  private async load(job: SandboxJob): Promise<LoadedIsolate> {
    const isolate = new ivm.Isolate({ memoryLimit: job.limits.memoryMb });
    const harness = await isolate.compileScript(HARNESS_SOURCE, {
      filename: 'assay-harness.js',
    });
    return { isolate, harness };
  }

  private async runTest(
    loaded: LoadedIsolate,
    job: SandboxJob,
    code: Code,
    typesJson: string,
    test: SandboxTest,
    checker: CustomChecker | undefined,
  ): Promise<SandboxTestResult> {
    const { isolate, harness } = loaded;
    const limits = job.limits;
    const context = await isolate.createContext();
    let raw: unknown;
    let failure: Failure | undefined;
    let stoppedForCpu = false;
    // Set when the timed part starts. Past the CPU limit the child disposes the isolate, which stops
    // the candidate's code wherever it is ([J22]).
    let cpuStart: NodeJS.CpuUsage | undefined;
    const stopPastCpuLimit = (): boolean => {
      if (cpuStart && !isolate.isDisposed && cpuMsSince(cpuStart) > limits.cpuMs) {
        stoppedForCpu = true;
        isolate.dispose();
      }
      return stoppedForCpu;
    };
    const interaction = job.interactive ? await installInteractor(job, test, context, stopPastCpuLimit) : undefined;
    let cpuMs = 0;
    let wallMs = 0;
    // When the current call into the isolate started: a call rejected after its whole timeout timed out.
    let callStart = performance.now();
    // [J21] A failed call is classified from what this process observed, never from its text.
    const observe = (error: unknown): Failure => {
      if (stoppedForCpu) return { kind: 'cpu-limit', cpuMs };
      if (isolate.isDisposed) return { kind: 'memory-limit' };
      if (performance.now() - callStart >= limits.wallMs) return { kind: 'wall-limit', cpuMs };
      return { kind: 'isolate', message: error instanceof Error ? error.message : String(error) };
    };
    try {
      // Untimed: loading the harness and decoding the inputs ([J22]).
      const setup = (await harness.run(context, { reference: true, timeout: limits.wallMs })) as ivm.Reference;
      callStart = performance.now();
      const call = (await setup.apply(
        undefined,
        [test.inputJson, typesJson, test.seed, limits.outputBytes, limits.consoleBytes],
        { result: { reference: true }, timeout: limits.wallMs },
      )) as ivm.Reference;
      setup.release();
      if (job.holdOutsideHeapMb) {
        // The testing aid: touched pages the isolate's limit never sees, held while the watchdog looks.
        const held = Buffer.alloc(job.holdOutsideHeapMb * 1024 * 1024, 1);
        await new Promise((resolve) => setTimeout(resolve, 500));
        held.fill(0);
      }
      callStart = performance.now();
      const args = [code.js, code.filename, job.functionName];
      // Timed: the candidate's code, by this process's CPU clock. The child runs one test at a time,
      // so the process's CPU time is the test's, whatever else the machine is doing ([J22]).
      const started = process.cpuUsage();
      cpuStart = started;
      const wallStart = performance.now();
      if (job.burnCpuMs) burnCpu(job.burnCpuMs);
      // The child stops the test at its CPU limit: polling while the call runs on the isolate's thread,
      // or, for an interactive call, which is synchronous ([J17]), from inside the host functions it
      // calls; code that never calls them is stopped by the backstop and its CPU time checked after.
      const watch = interaction ? undefined : setInterval(stopPastCpuLimit, CPU_POLL_MS);
      try {
        // [J17] Interactive calls are synchronous: an async call's host callbacks each cost a thread hop
        // (~70 µs) against ~1 µs in sync mode; the backstop and the supervisor's deadline bound it.
        raw = interaction
          ? call.applySync(undefined, args, { timeout: limits.wallMs })
          : await call.apply(undefined, args, { timeout: limits.wallMs });
      } finally {
        clearInterval(watch);
        cpuStart = undefined;
        cpuMs = cpuMsSince(started);
        wallMs = performance.now() - wallStart;
      }
      if (!isolate.isDisposed) call.release();
    } catch (error) {
      failure = observe(error);
    } finally {
      if (!isolate.isDisposed) context.release();
    }
    const base = {
      cpuMs: round(cpuMs),
      wallMs: round(wallMs),
      output: '',
      outputTruncated: false,
    };
    if (failure) return { ...base, ...classifyFailure(failure, limits) };

    const envelope = JSON.parse(String(raw)) as Envelope;
    base.output = envelope.log;
    base.outputTruncated = envelope.dropped > 0;
    if (envelope.dropped > 0) base.output += `\n… output truncated: ${envelope.dropped} more characters were not kept`;
    if (cpuMs > limits.cpuMs) return { ...base, ...classifyFailure({ kind: 'cpu-limit', cpuMs }, limits) };
    // [J17] Past the call budget the test is a wrong answer, whatever the code did with the error.
    if (interaction?.exceeded()) return { ...base, verdict: 'wrong_answer', message: interaction.message };
    switch (envelope.status) {
      case 'thrown': {
        const stack = candidateStack(envelope.stack ?? '', code.filename);
        const line = firstLine(stack, code.filename);
        const classified = classifyFailure(
          {
            kind: 'thrown',
            name: envelope.name ?? '',
            message: envelope.message ?? '',
          },
          limits,
        );
        return {
          ...base,
          ...classified,
          message: line ? `${classified.message} (line ${line})` : classified.message,
          stack,
        };
      }
      case 'missing':
      case 'mismatch':
        return {
          ...base,
          verdict: 'runtime_error',
          message: envelope.message ?? '',
        };
      case 'too_large':
        return {
          ...base,
          verdict: 'output_limit_exceeded',
          message: envelope.message ?? '',
        };
      case 'ok':
        break;
    }
    const actual = decodeWire(envelope.value, job.returnType);
    const shown = { ...base, actual: displayValue(actual) };
    if (test.expected === undefined) return { ...shown, answer: envelope.value, verdict: 'accepted' };
    let check: CheckResult;
    try {
      check =
        job.checker.type === 'custom'
          ? await (checker as CustomChecker).check(
              test.inputJson,
              JSON.stringify(test.expected),
              JSON.stringify(envelope.value),
            )
          : runBuiltinChecker(job.checker, decodeWire(test.expected, job.returnType), actual);
    } catch (error) {
      if (error instanceof CheckerError) return { ...shown, verdict: 'internal_error', message: error.message };
      throw error;
    }
    return check.ok ? { ...shown, verdict: 'accepted' } : { ...shown, verdict: 'wrong_answer', message: check.message };
  }
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

interface Interaction {
  exceeded(): boolean;
  message: string;
}

/**
 * [J17] Puts the interactive functions into the context as callbacks that copy plain values. The
 * problem's interactor (trusted author code) and its data stay on the host.
 */
async function installInteractor(
  job: SandboxJob,
  test: SandboxTest,
  context: ivm.Context,
  stopPastCpuLimit: () => boolean,
): Promise<Interaction> {
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
  let calls = 0;
  let over = false;
  const message =
    interactor.budgetMessage ??
    `called ${spec.functions.join('/')} more than the ${interactor.callBudget} times allowed`;
  for (const name of spec.functions) {
    const fn = interactor.functions[name];
    if (typeof fn !== 'function') throw new Error(`the interactor does not provide ${name}()`);
    await context.global.set(
      name,
      new ivm.Callback((...args: unknown[]) => {
        calls++;
        // Every 64th call, a look at the CPU clock (a getrusage each time would double a call's cost).
        if ((calls & 63) === 0 && stopPastCpuLimit()) throw hostError('stopped at the CPU time limit');
        if (calls > interactor.callBudget) {
          over = true;
          throw hostError(message);
        }
        try {
          return fn(...args);
        } catch (error) {
          throw hostError(error instanceof Error ? error.message : String(error));
        }
      }),
    );
  }
  return { exceeded: () => over, message };
}

/**
 * [J28] The error a host callback throws into the isolate: its message only. isolated-vm would
 * otherwise carry the host's stack (the server's file paths) to the candidate.
 */
function hostError(message: string): Error {
  const text = message.length > 1000 ? `${message.slice(0, 1000)}…` : message;
  const error = new Error(text);
  error.stack = `Error: ${text}`;
  return error;
}
