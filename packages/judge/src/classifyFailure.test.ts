import { describe, expect, it } from 'vitest';
import { classifyFailure } from './classifyFailure.ts';

const limits = { cpuMs: 1000, wallMs: 1550, memoryMb: 64 };

describe('classifyFailure', () => {
  it("[J21] translates what the sandbox observed of isolated-vm's calls", () => {
    expect(classifyFailure({ kind: 'cpu-limit', cpuMs: 1003.4 }, limits)).toEqual({
      verdict: 'time_limit_exceeded',
      message: 'used 1003 ms of CPU; the limit is 1000 ms',
    });
    expect(classifyFailure({ kind: 'wall-limit', cpuMs: 12 }, limits)).toEqual({
      verdict: 'time_limit_exceeded',
      message: 'stopped after the 1550 ms wall-clock limit (used 12 ms of CPU; the limit is 1000 ms)',
    });
    expect(classifyFailure({ kind: 'memory-limit' }, limits)).toEqual({
      verdict: 'memory_limit_exceeded',
      message: 'used more than the 64 MB memory limit',
    });
    expect(classifyFailure({ kind: 'isolate', message: 'Not supported' }, limits).message).toMatch(/import\(\)/);
  });

  it('[J21] never reads a time or memory verdict from text the candidate controls', () => {
    for (const message of [
      'Script execution timed out.',
      'Isolate was disposed during execution due to memory limit',
      'Isolate was disposed during execution',
    ]) {
      expect(classifyFailure({ kind: 'isolate', message }, limits)).toEqual({ verdict: 'runtime_error', message });
      expect(classifyFailure({ kind: 'thrown', name: 'Error', message }, limits).verdict).toBe('runtime_error');
    }
    const huge = 'x'.repeat(100_000);
    expect(classifyFailure({ kind: 'isolate', message: huge }, limits).message.length).toBeLessThanOrEqual(4001);
  });

  it('[J21] translates what the candidate threw', () => {
    expect(
      classifyFailure({ kind: 'thrown', name: 'RangeError', message: 'Maximum call stack size exceeded' }, limits),
    ).toEqual({
      verdict: 'runtime_error',
      message: 'RangeError: Maximum call stack size exceeded (recursion too deep)',
    });
    expect(
      classifyFailure({ kind: 'thrown', name: 'RangeError', message: 'Array buffer allocation failed' }, limits)
        .verdict,
    ).toBe('memory_limit_exceeded');
    expect(classifyFailure({ kind: 'thrown', name: 'TypeError', message: 'x is not a function' }, limits)).toEqual({
      verdict: 'runtime_error',
      message: 'TypeError: x is not a function',
    });
  });

  it('[J21] turns child deaths into limit verdicts or runtime errors, never internal errors', () => {
    const oom = '# Fatal JavaScript invalid size error 134217727';
    expect(classifyFailure({ kind: 'exit', signal: 'SIGTRAP', code: null, stderr: oom }, limits).verdict).toBe(
      'memory_limit_exceeded',
    );
    expect(classifyFailure({ kind: 'exit', signal: 'SIGABRT', code: null, stderr: '' }, limits).verdict).toBe(
      'memory_limit_exceeded',
    );
    expect(classifyFailure({ kind: 'exit', signal: 'SIGSEGV', code: null, stderr: 'boom' }, limits)).toEqual({
      verdict: 'runtime_error',
      message: 'the sandbox crashed (SIGSEGV) while running your code',
    });
    expect(classifyFailure({ kind: 'deadline' }, limits)).toEqual({
      verdict: 'time_limit_exceeded',
      message: 'stopped after the 1550 ms time limit',
    });
    expect(classifyFailure({ kind: 'memory-watchdog' }, limits).verdict).toBe('memory_limit_exceeded');
  });
});
