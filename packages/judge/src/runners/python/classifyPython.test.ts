import { describe, expect, it } from 'vitest';
import { classifyPython } from './classifyPython.ts';
import type { ZygoteResult } from './Zygote.ts';

const limits = { cpuMs: 100, wallMs: 2000, memoryMb: 64, outputBytes: 1000, consoleBytes: 100 };
const ok = JSON.stringify({ status: 'ok', log: '', dropped: 0, value: 6 });
const observed = (fields: Partial<ZygoteResult>): ZygoteResult => ({
  type: 'result',
  index: 0,
  cpuMs: 5,
  wallMs: 6,
  grownMb: 1,
  exitCode: 0,
  signal: null,
  killed: null,
  envelope: ok,
  ...fields,
});

describe('[J65] classifyPython: verdicts from what the zygote observed', () => {
  it('[J65] an answer within the limits is an answer', () => {
    expect(classifyPython(observed({}), limits)).toMatchObject({ kind: 'answered', envelope: { value: 6 } });
  });

  it('[J65] CPU time over the limit is a time verdict whatever the envelope says', () => {
    const outcome = classifyPython(observed({ cpuMs: 140 }), limits);
    expect(outcome).toMatchObject({ kind: 'failed', classified: { verdict: 'time_limit_exceeded' } });
  });

  it('[J65] the zygote’s kills are the verdicts they stand for', () => {
    const verdict = (killed: ZygoteResult['killed']) =>
      classifyPython(observed({ killed, envelope: null, signal: 'SIGKILL' }), limits);
    expect(verdict('cpu')).toMatchObject({ classified: { verdict: 'time_limit_exceeded' } });
    expect(verdict('wall')).toMatchObject({ classified: { verdict: 'time_limit_exceeded' } });
    expect(verdict('output')).toMatchObject({ classified: { verdict: 'output_limit_exceeded' } });
  });

  it('[J65] memory grown past the limit is a memory verdict, even with an answer', () => {
    expect(classifyPython(observed({ grownMb: 65 }), limits)).toMatchObject({
      classified: { verdict: 'memory_limit_exceeded' },
    });
  });

  it('[J65] a child that died or exited without an answer is a runtime error, never the judge’s fault', () => {
    const crashed = classifyPython(observed({ envelope: null, exitCode: null, signal: 'SIGSEGV' }), limits);
    expect(crashed).toMatchObject({ classified: { verdict: 'runtime_error' } });
    const exited = classifyPython(observed({ envelope: null, exitCode: 3 }), limits);
    expect(exited).toMatchObject({
      classified: { verdict: 'runtime_error', message: expect.stringMatching(/exit code 3/) },
    });
    const garbled = classifyPython(observed({ envelope: '{"status": "accepted"' }), limits);
    expect(garbled).toMatchObject({
      classified: { verdict: 'runtime_error', message: expect.stringMatching(/could not be read/) },
    });
  });

  it('[J65] a forged envelope cannot claim a verdict the harness never writes', () => {
    const forged = JSON.stringify({ status: 'accepted', log: '', dropped: 0, value: 6 });
    expect(classifyPython(observed({ envelope: forged }), limits)).toMatchObject({
      kind: 'failed',
      classified: { verdict: 'runtime_error' },
    });
  });
});
