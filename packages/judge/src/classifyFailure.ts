import type { RunFailureVerdict } from './verdicts.ts';

/** Everything that can stop a test short of an answer, as the sandbox sees it. */
export type Failure =
  /** isolated-vm rejected the call (timeout, memory limit, disposal). */
  | { kind: 'isolate'; message: string }
  /** The candidate's code threw; name and message were read inside the isolate. */
  | { kind: 'thrown'; name: string; message: string }
  /** The judge child process died while the test ran. */
  | { kind: 'exit'; signal: string | null; code: number | null; stderr: string }
  /** The supervisor killed the child at the hard wall-clock deadline. */
  | { kind: 'deadline' }
  /** The supervisor killed the child because its memory grew past the backstop. */
  | { kind: 'memory-watchdog' };

export interface Classified {
  verdict: RunFailureVerdict;
  message: string;
}

const FATAL_MEMORY = /out of memory|invalid size error|heap limit|allocation failed|invalid array length|\bOOM\b/i;

/**
 * The one place where isolated-vm's and V8's error strings, and the ways a child process dies, become
 * verdicts ([J21]). Anything the candidate can cause maps to a limit verdict or `runtime_error`, never
 * `internal_error`.
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
    case 'isolate':
      if (/timed out/i.test(failure.message)) return tle(`stopped after the ${limits.wallMs} ms time limit`);
      if (/memory limit/i.test(failure.message)) return mle(`used more than the ${limits.memoryMb} MB memory limit`);
      if (/disposed/i.test(failure.message)) return mle(`used more than the ${limits.memoryMb} MB memory limit`);
      if (failure.message === 'Not supported') {
        // isolated-vm's answer to a dynamic import(): the sandbox has no module loader.
        return {
          verdict: 'runtime_error',
          message: 'import() is not supported: a solution is one file with no modules',
        };
      }
      return { verdict: 'runtime_error', message: failure.message };
    case 'thrown':
      if (failure.name === 'RangeError' && /call stack size/i.test(failure.message)) {
        return {
          verdict: 'runtime_error',
          message: 'RangeError: Maximum call stack size exceeded (recursion too deep)',
        };
      }
      if (
        failure.name === 'RangeError' &&
        /array buffer allocation failed|invalid string length/i.test(failure.message)
      ) {
        return mle(`${failure.name}: ${failure.message} (more than the ${limits.memoryMb} MB memory limit)`);
      }
      return {
        verdict: 'runtime_error',
        message: failure.name ? `${failure.name}: ${failure.message}` : failure.message,
      };
    case 'deadline':
      return tle(`stopped after the ${limits.wallMs} ms time limit`);
    case 'memory-watchdog':
      return mle(`used more than the ${limits.memoryMb} MB memory limit`);
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
