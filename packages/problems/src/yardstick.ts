import type { Judge, ProblemSpec } from '@assay/judge';

/**
 * [P25] A CPU yardstick: a fixed workload judged in the same sandbox as the solutions, beside each
 * re-measured run. On a busy machine the sandbox's CPU clock slows every run alike (and isolated-vm's
 * clock counts time the isolate waited for a core), so a run divided by the yardstick next to it,
 * times the quietest yardstick seen in this validation, estimates what the run costs on this machine
 * when it is quiet. No stored calibration is involved: the yardstick is only compared with itself.
 */
const SPIN_SOURCE = `function spin(n) {
  const seen = new Map();
  const kept = [];
  let h = 0;
  for (let i = 0; i < n; i++) {
    h = Math.imul(h ^ i, 0x9e3779b1) >>> 0;
    seen.set(h & 4095, i);
    if ((i & 1023) === 0) kept.push(h);
  }
  return kept.length + seen.size > 0 ? n : h;
}
`;

const ROUNDS = 2_000_000;

const YARDSTICK_PROBLEM: ProblemSpec = {
  id: 'validator-yardstick',
  title: 'Validator yardstick',
  signature: { functionName: 'spin', params: [{ name: 'n', type: 'int' }], returnType: 'int' },
  tests: [{ id: 'spin', kind: 'hidden', args: [ROUNDS], expected: ROUNDS }],
  limits: { cpuMs: 30_000, memoryMb: 64 },
  checker: { type: 'exact' },
};

/** One re-measured run of a test, with the yardstick judged just before and just after it. */
export interface YardstickedRun {
  cpuMs: number;
  /** The mean of the yardstick's CPU time just before and just after the run. */
  yardstickMs: number;
}

/**
 * [P25] The estimate of a test's quiet CPU time from re-measured runs: each run scaled by the quietest
 * yardstick over the yardstick beside it (never scaled up), and the median of those taken, so that one
 * lucky pairing cannot hide a slow solution. It is never more than the fastest raw run.
 */
export function quietCpuMs(runs: YardstickedRun[], quietestYardstickMs: number): number {
  if (runs.length === 0) throw new RangeError('quietCpuMs needs at least one run');
  const fastest = Math.min(...runs.map((r) => r.cpuMs));
  const scaled = runs
    .map((r) => r.cpuMs * Math.min(1, quietestYardstickMs / Math.max(r.yardstickMs, Number.EPSILON)))
    .sort((a, b) => a - b);
  const middle = scaled.length >> 1;
  const median =
    scaled.length % 2 === 1
      ? (scaled[middle] as number)
      : ((scaled[middle - 1] as number) + (scaled[middle] as number)) / 2;
  return Math.min(fastest, median);
}

/** The yardstick of one validation run: it remembers the quietest measurement it has seen. */
export class Yardstick {
  private quietest = Number.POSITIVE_INFINITY;

  constructor(private readonly judge: Judge) {}

  /** Judges the yardstick once and returns its CPU time. */
  async measure(): Promise<number> {
    const report = await this.judge.judge({
      problem: YARDSTICK_PROBLEM,
      submission: { language: 'javascript', source: SPIN_SOURCE },
      mode: 'submit',
    });
    const cpuMs = report.tests[0]?.cpuMs;
    if (report.verdict !== 'accepted' || cpuMs === undefined)
      throw new Error(`the validator's yardstick did not run: ${report.verdict}`);
    this.quietest = Math.min(this.quietest, cpuMs);
    return cpuMs;
  }

  /** The quietest yardstick measured so far in this run. */
  get quietestMs(): number {
    return this.quietest;
  }
}
