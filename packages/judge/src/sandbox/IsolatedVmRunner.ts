import { readFileSync } from 'node:fs';
import ivm from 'isolated-vm';
import type { CheckResult } from '../checkers/checkResult.ts';
import { runBuiltinChecker } from '../checkers/index.ts';
import { classifyFailure, type Failure } from '../classifyFailure.ts';
import { parseV8CompileError } from '../prepareSource.ts';
import { decodeWire, displayValue } from '../values.ts';
import { CheckerError, CustomChecker } from './customChecker.ts';
import type { ChildMessage, SandboxJob, SandboxTest, SandboxTestResult } from './protocol.ts';

const HARNESS_SOURCE = `'use strict';\n${readFileSync(new URL('./harness.isolate.js', import.meta.url), 'utf8')}`;

/** Runs a job's tests and reports each one; the child process wraps one of these. */
export interface SandboxRunner {
  run(job: SandboxJob, emit: (message: ChildMessage) => void): Promise<void>;
}

interface Envelope {
  status: 'ok' | 'thrown' | 'missing' | 'mismatch' | 'too_large';
  message?: string;
  name?: string;
  stack?: string;
  log: string;
  dropped: number;
  value?: unknown;
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

/** The isolated-vm implementation: one isolate per submission, one fresh context per test ([J10]). */
export class IsolatedVmRunner implements SandboxRunner {
  async run(job: SandboxJob, emit: (message: ChildMessage) => void): Promise<void> {
    let loaded: LoadedIsolate | undefined;
    const checker = job.checker.type === 'custom' ? new CustomChecker(job.checker.source) : undefined;
    try {
      loaded = await this.load(job);
      try {
        await loaded.isolate.compileScript(job.source, {
          filename: job.filename,
        });
      } catch (error) {
        emit({
          type: 'compile-error',
          error: parseV8CompileError(error instanceof Error ? error.message : String(error)),
        });
        return;
      }
      // The signature's types, as the harness parses them: the same for every test.
      const typesJson = JSON.stringify({ params: job.params, ret: job.returnType });
      for (let index = job.startIndex; index < job.tests.length; index++) {
        const test = job.tests[index] as SandboxTest;
        if (Date.now() > job.budgetDeadline) {
          emit({ type: 'test-done', index, result: notRun(job) });
          continue;
        }
        emit({ type: 'test-start', index });
        if (loaded.isolate.isDisposed) loaded = await this.load(job);
        const result = await this.runTest(loaded, job, typesJson, test, checker);
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
    typesJson: string,
    test: SandboxTest,
    checker: CustomChecker | undefined,
  ): Promise<SandboxTestResult> {
    const { isolate, harness } = loaded;
    const limits = job.limits;
    const context = await isolate.createContext();
    const interaction = job.interactive ? await installInteractor(job, test, context) : undefined;
    const started = performance.now();
    const cpuBefore = isolate.cpuTime;
    let raw: unknown;
    let failure: Failure | undefined;
    try {
      const run = (await harness.run(context, {
        reference: true,
        timeout: limits.wallMs,
      })) as ivm.Reference;
      const args = [
        job.source,
        job.filename,
        job.functionName,
        test.inputJson,
        typesJson,
        test.seed,
        limits.outputBytes,
        limits.consoleBytes,
      ];
      // [J17] Interactive calls are synchronous: an async call's host callbacks each cost a thread hop
      // (~70 µs) against ~1 µs in sync mode; the supervisor's hard deadline still bounds the call.
      raw = interaction
        ? run.applySync(undefined, args, { timeout: limits.wallMs })
        : await run.apply(undefined, args, { timeout: limits.wallMs });
      run.release();
    } catch (error) {
      failure = {
        kind: 'isolate',
        message: error instanceof Error ? error.message : String(error),
      };
    } finally {
      if (!isolate.isDisposed) context.release();
    }
    const wallMs = performance.now() - started;
    const cpuMs = isolate.isDisposed ? wallMs : Number(isolate.cpuTime - cpuBefore) / 1e6;
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
    if (cpuMs > limits.cpuMs) {
      return {
        ...base,
        verdict: 'time_limit_exceeded',
        message: `used ${Math.round(cpuMs)} ms of CPU; the limit is ${limits.cpuMs} ms`,
      };
    }
    // [J17] Past the call budget the test is a wrong answer, whatever the code did with the error.
    if (interaction?.exceeded()) return { ...base, verdict: 'wrong_answer', message: interaction.message };
    switch (envelope.status) {
      case 'thrown': {
        const stack = candidateStack(envelope.stack ?? '', job.filename);
        const line = firstLine(stack, job.filename);
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
async function installInteractor(job: SandboxJob, test: SandboxTest, context: ivm.Context): Promise<Interaction> {
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
        if (calls > interactor.callBudget) {
          over = true;
          throw new Error(message);
        }
        return fn(...args);
      }),
    );
  }
  return { exceeded: () => over, message };
}
