import type { TestResult } from '@assay/contracts';
import { describe, expect, it } from 'vitest';
import { limitsText, testError, testTime } from './testTimes.ts';

const limits = { timeMs: 1000, memoryMb: 256 };
const test = (over: Partial<TestResult>): TestResult => ({
  id: 't',
  kind: 'sample',
  verdict: 'accepted',
  output: '',
  outputTruncated: false,
  ...over,
});

describe('times on the page', () => {
  it('[W12] the statement states the CPU time and memory limits', () => {
    expect(limitsText(limits)).toBe('Time limit 1000 ms of CPU per test · Memory limit 256 MB');
  });

  it('[W12] a test shows its CPU time, never its wall time, and a time-out is said against the same limit', () => {
    expect(testTime(test({ cpuMs: 51.4, wallMs: 1022 }), limits)?.short).toBe('51 ms');
    const tle = test({
      verdict: 'time_limit_exceeded',
      cpuMs: 1022,
      wallMs: 1550,
      message: 'stopped after the 1550 ms time limit',
    });
    expect(testTime(tle, limits)).toEqual({ short: '> 1000 ms', long: 'over the 1000 ms CPU time limit' });
    expect(testError(tle, limits)).not.toMatch(/1550/);
    expect(testError(tle, limits)).toMatch(/1000 ms CPU time limit/);
  });

  it('[W12] a hidden test shows its share of the limit, as the API sends it to a candidate', () => {
    const hidden = test({ kind: 'hidden', timeBucket: '<50%' });
    expect(testTime(hidden, limits)).toEqual({ short: '< 50%', long: '25–50% of the time limit' });
    expect(testTime(test({ kind: 'hidden', timeBucket: '>100%' }), limits)?.short).toBe('> limit');
    expect(testTime(test({ kind: 'hidden' }), limits)).toBeNull();
  });
});
