import { type Classified, classifyFailure } from '../../classifyFailure.ts';
import type { SandboxLimits } from '../../runner/protocol.ts';
import type { ZygoteResult } from './Zygote.ts';

/** The child's envelope, as the harness writes it (candidate-controlled: only ever a failing verdict's text). */
export interface PythonEnvelope {
  status: 'ok' | 'thrown' | 'memory' | 'missing' | 'mismatch' | 'exited' | 'too_large';
  message?: string;
  name?: string;
  stack?: string;
  line?: number;
  log: string;
  dropped: number;
  value?: unknown;
}

/** Exit codes of the harness itself (zygote.py): its own failure, and a refused seccomp filter. */
const HARNESS_FAILED = 70;
const FILTER_FAILED = 71;

type FailedVerdict = Classified | { verdict: 'internal_error'; message: string };

export type PythonOutcome =
  | {
      kind: 'failed';
      classified: FailedVerdict;
      envelope?: PythonEnvelope;
    }
  | { kind: 'answered'; envelope: PythonEnvelope & { status: 'ok' } };

/**
 * [J65] The one place where what the zygote observed of a test's child becomes a verdict. Time and
 * memory come from the zygote's measurements (wait4's CPU time and peak memory, its own kills), never
 * from the child's text; the envelope, which the candidate's code could forge, can only turn a test
 * into one failing verdict or another (a claimed MemoryError is a memory verdict, which the genuine
 * error would earn too). Everything the candidate can cause is a limit verdict or `runtime_error`.
 */
export function classifyPython(result: ZygoteResult, limits: SandboxLimits): PythonOutcome {
  const failed = (classified: FailedVerdict, envelope?: PythonEnvelope): PythonOutcome => ({
    kind: 'failed' as const,
    classified,
    ...(envelope ? { envelope } : {}),
  });
  const overCpu = result.killed === 'cpu' || result.cpuMs > limits.cpuMs || result.signal === 'SIGXCPU';
  if (overCpu) return failed(classifyFailure({ kind: 'cpu-limit', cpuMs: result.cpuMs }, limits));
  if (result.killed === 'wall') return failed(classifyFailure({ kind: 'wall-limit', cpuMs: result.cpuMs }, limits));
  if (result.killed === 'output') {
    return failed({
      verdict: 'output_limit_exceeded',
      message: `printed or returned more than ${limits.outputBytes} characters`,
    });
  }
  const envelope = parseEnvelope(result.envelope);
  const overMemory = result.grownMb > limits.memoryMb;
  if (overMemory || envelope?.status === 'memory') {
    return failed(classifyFailure({ kind: 'memory-limit' }, limits), envelope);
  }
  if (!envelope) {
    if (result.exitCode === FILTER_FAILED) {
      return failed({ verdict: 'internal_error', message: 'the sandbox could not restrict the test process' });
    }
    if (result.signal) {
      return failed({
        verdict: 'runtime_error',
        message: `your code crashed the interpreter (${result.signal}${result.signal === 'SIGSEGV' ? ', often recursion far too deep' : ''})`,
      });
    }
    if (result.exitCode === HARNESS_FAILED) {
      return failed({
        verdict: 'runtime_error',
        message:
          "your code interfered with the judge's harness (its output or standard streams), so no answer came back",
      });
    }
    return failed({
      verdict: 'runtime_error',
      message:
        result.envelope === null
          ? `your code exited (exit code ${result.exitCode}) before returning an answer; return the answer instead of exiting`
          : "the answer could not be read: your code interfered with the judge's harness",
    });
  }
  switch (envelope.status) {
    case 'ok':
      return { kind: 'answered', envelope: envelope as PythonEnvelope & { status: 'ok' } };
    case 'thrown': {
      const name = envelope.name ?? 'Exception';
      const text =
        name === 'RecursionError'
          ? 'RecursionError: maximum recursion depth exceeded (recursion too deep)'
          : `${name}: ${envelope.message ?? ''}`;
      const line = envelope.line ? ` (line ${envelope.line})` : '';
      return failed({ verdict: 'runtime_error', message: `${text.slice(0, 4000)}${line}` }, envelope);
    }
    case 'too_large':
      return failed(
        { verdict: 'output_limit_exceeded', message: envelope.message ?? 'the return value is too large' },
        envelope,
      );
    default:
      return failed(
        { verdict: 'runtime_error', message: envelope.message ?? 'your code returned no answer' },
        envelope,
      );
  }
}

const STATUSES = new Set(['ok', 'thrown', 'memory', 'missing', 'mismatch', 'exited', 'too_large']);

/** The envelope when it is one the harness could have written, else undefined. */
function parseEnvelope(text: string | null): PythonEnvelope | undefined {
  if (text === null) return undefined;
  try {
    const value = JSON.parse(text) as Partial<PythonEnvelope> | null;
    if (value === null || typeof value !== 'object' || !STATUSES.has(String(value.status))) return undefined;
    return {
      ...value,
      log: typeof value.log === 'string' ? value.log : '',
      dropped: typeof value.dropped === 'number' ? value.dropped : 0,
    } as PythonEnvelope;
  } catch {
    return undefined;
  }
}
