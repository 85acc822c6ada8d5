import type { RunFailureVerdict } from './verdicts.ts';

/**
 * Everything that can stop a test short of an answer, as the sandbox observed it ([J21]). Limit kinds
 * are observations by the child or the supervisor (a clock, a disposal, a death), never text.
 */
export type Failure =
  /** The child stopped the test when the process's CPU time passed the limit ([J22]). */
  | { kind: 'cpu-limit'; cpuMs: number }
  /** isolated-vm's wall-clock timeout (the loose backstop) ended the call: it took the whole time. */
  | { kind: 'wall-limit'; cpuMs: number }
  /** isolated-vm disposed the isolate itself during the call: its memory limit. */
  | { kind: 'memory-limit' }
  /** isolated-vm rejected the call for any other reason; the text is shown, never classified. */
  | { kind: 'isolate'; message: string }
  /** The candidate's code threw; name and message were read inside the isolate. */
  | { kind: 'thrown'; name: string; message: string }
  /** The judge child process died while the test ran. */
  | { kind: 'exit'; signal: string | null; code: number | null; stderr: string }
  /** The supervisor killed the child at the hard wall-clock deadline (with the child's CPU time, when read). */
  | { kind: 'deadline'; cpuMs?: number }
  /** The supervisor killed the child because its memory grew past the backstop. */
  | { kind: 'memory-watchdog'; rssMb?: number; limitMb?: number };

export interface Classified {
  verdict: RunFailureVerdict;
  message: string;
}

const FATAL_MEMORY = /out of memory|invalid size error|heap limit|allocation failed|invalid array length|\bOOM\b/i;

/** Longest text from a failure that goes into a message. */
const MESSAGE_CAP = 4000;
const capped = (text: string) => (text.length > MESSAGE_CAP ? `${text.slice(0, MESSAGE_CAP)}…` : text);

/**
 * The one place where what the sandbox observed, and the ways a child process dies, become verdicts
 * ([J21]). Time and memory verdicts come only from observations (the CPU clock, a timeout that ran its
 * whole course, a disposal isolated-vm made, the supervisor's kill, a V8 fatal error on the child's
 * stderr); text the candidate controls only ever becomes a `runtime_error` message. Anything the
 * candidate can cause maps to a limit verdict or `runtime_error`, never `internal_error`.
 */
export function classifyFailure(
  failure: Failure,
  limits: { cpuMs: number; wallMs: number; memoryMb: number },
): Classified {
  const tle = (why: string): Classified => ({
    verdict: 'time_limit_exceeded',
    message: why,
  });
  const mle = (why: string): Classified => ({
    verdict: 'memory_limit_exceeded',
    message: why,
  });
  switch (failure.kind) {
    case 'cpu-limit':
      return tle(`used ${Math.round(failure.cpuMs)} ms of CPU; the limit is ${limits.cpuMs} ms`);
    case 'wall-limit':
      return tle(
        `stopped after the ${limits.wallMs} ms wall-clock limit (used ${Math.round(failure.cpuMs)} ms of CPU; the limit is ${limits.cpuMs} ms)`,
      );
    case 'memory-limit':
      return mle(`used more than the ${limits.memoryMb} MB memory limit`);
    case 'isolate':
      if (failure.message === 'Not supported') {
        // isolated-vm's answer to a dynamic import(): the sandbox has no module loader.
        return {
          verdict: 'runtime_error',
          message: 'import() is not supported: a solution is one file with no modules',
        };
      }
      return { verdict: 'runtime_error', message: capped(failure.message) };
    case 'thrown':
      if (failure.name === 'RangeError' && /call stack size/i.test(failure.message)) {
        return {
          verdict: 'runtime_error',
          message: 'RangeError: Maximum call stack size exceeded (recursion too deep)',
        };
      }
      // V8's own size limits (a string past its maximum length, an ArrayBuffer the isolate's allocator
      // refused). Code that forges this error gains nothing: the genuine error costs it no time either
      // ('x'.repeat(2 ** 30)), and no time verdict is ever read from text.
      if (
        failure.name === 'RangeError' &&
        /^(array buffer allocation failed|invalid string length)$/i.test(failure.message)
      ) {
        return mle(`${failure.name}: ${failure.message} (more than the ${limits.memoryMb} MB memory limit)`);
      }
      return {
        verdict: 'runtime_error',
        message: capped(failure.name ? `${failure.name}: ${failure.message}` : failure.message),
      };
    case 'deadline':
      return tle(
        `stopped after the ${limits.wallMs} ms time limit${failure.cpuMs === undefined ? '' : ` (used ${Math.round(failure.cpuMs)} ms of CPU; the limit is ${limits.cpuMs} ms)`}`,
      );
    case 'memory-watchdog':
      return mle(
        failure.rssMb === undefined
          ? `used more than the ${limits.memoryMb} MB memory limit`
          : `used more than the ${limits.memoryMb} MB memory limit (the sandbox process grew by ${Math.round(failure.rssMb)} MB, past its ${Math.round(failure.limitMb ?? 0)} MB allowance)`,
      );
    case 'exit':
      if (FATAL_MEMORY.test(failure.stderr) || failure.signal === 'SIGABRT') {
        return mle(`used more than the ${limits.memoryMb} MB memory limit (the sandbox ran out of memory)`);
      }
      return {
        verdict: 'runtime_error',
        message: `the sandbox crashed (${failure.signal ?? `exit code ${failure.code}`}) while running your code`,
      };
  }
}
