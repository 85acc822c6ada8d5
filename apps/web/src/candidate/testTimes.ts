import type { Task, TestResult, TimeBucket } from '@assay/contracts';

/**
 * How the page speaks of time ([W12]): one limit, the judge's CPU time per test, stated in the statement,
 * and every measured time is CPU time against that same limit. A hidden test's time is only a share of
 * the limit (its exact time would describe its input, [A12]).
 */
export type Limits = NonNullable<Task['limits']>;

export const formatMs = (x: number) => `${x < 10 ? x.toFixed(1) : Math.round(x)} ms`;

/** The statement's line about limits. */
export function limitsText(limits: Limits): string {
  return `Time limit ${limits.timeMs} ms of CPU per test · Memory limit ${limits.memoryMb} MB`;
}

const BUCKET_TEXT: Record<TimeBucket, string> = {
  '<25%': 'under 25% of the time limit',
  '<50%': '25–50% of the time limit',
  '<100%': '50–100% of the time limit',
  '>100%': 'over the time limit',
};

/** A test's time: short for a chip or card, long for its tooltip and screen readers. */
export function testTime(test: TestResult, limits: Limits | undefined): { short: string; long: string } | null {
  if (test.timeBucket) {
    const short = test.timeBucket === '>100%' ? '> limit' : test.timeBucket.replace('<', '< ');
    return { short, long: BUCKET_TEXT[test.timeBucket] };
  }
  // A test stopped at the limit did not finish: its measured time says nothing the limit does not.
  if (test.verdict === 'time_limit_exceeded' && limits) {
    return { short: `> ${limits.timeMs} ms`, long: `over the ${limits.timeMs} ms CPU time limit` };
  }
  if (test.cpuMs === undefined) return null;
  return { short: formatMs(test.cpuMs), long: `${formatMs(test.cpuMs)} of CPU` };
}

/** The error shown under a test: for a time-out, said against the statement's limit, not the judge's wording. */
export function testError(test: TestResult, limits: Limits | undefined): string {
  if (test.verdict === 'time_limit_exceeded' && limits) {
    return `Stopped: your code used more than the ${limits.timeMs} ms CPU time limit on this test.`;
  }
  return [test.message, test.stack].filter(Boolean).join('\n');
}
