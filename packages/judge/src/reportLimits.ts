import type { JudgeReport, TestReport } from './types.ts';

/**
 * [J26] Caps on every string that leaves the sandbox, applied on the host whatever the isolate did:
 * the harness caps them too, but nothing the candidate's code does inside the isolate may decide how
 * large a stored report is.
 */
export const FIELD_CAPS = {
  message: 4000,
  stack: 8000,
  actual: 4000,
  expected: 4000,
  input: 4000,
} as const;

/** Largest custom-input answer kept in a report, in characters of its JSON form. */
export const ANSWER_LIMIT_BYTES = 64 * 1024;
/** Largest whole report, in characters of its JSON form. */
export const REPORT_LIMIT_BYTES = 1024 * 1024;

function cut(text: string, cap: number): string {
  return `${text.slice(0, cap)}… (${text.length - cap} more characters)`;
}

/** Caps one test's strings: each field to its cap, output to the console cap, an oversized answer dropped. */
export function capTestReport(
  report: TestReport,
  limits: { outputChars: number; answerLimitBytes: number },
): TestReport {
  const capped: TestReport = { ...report };
  let trimmed = false;
  for (const field of Object.keys(FIELD_CAPS) as (keyof typeof FIELD_CAPS)[]) {
    const value = capped[field];
    if (typeof value === 'string' && value.length > FIELD_CAPS[field]) {
      capped[field] = cut(value, FIELD_CAPS[field]);
      trimmed = true;
    }
  }
  if (typeof capped.output !== 'string') capped.output = '';
  else if (capped.output.length > limits.outputChars) {
    capped.output = cut(capped.output, limits.outputChars);
    capped.outputTruncated = true;
    trimmed = true;
  }
  if (capped.answer !== undefined) {
    const size = JSON.stringify(capped.answer)?.length ?? 0;
    if (size > limits.answerLimitBytes) {
      delete capped.answer;
      const note = `the answer is ${Math.ceil(size / 1024)} KB, over the ${Math.floor(limits.answerLimitBytes / 1024)} KB kept for a custom input, so only its beginning is shown`;
      capped.message = capped.message ? `${capped.message}; ${note}` : note;
      trimmed = true;
    }
  }
  if (trimmed) capped.trimmed = true;
  return capped;
}

/**
 * Keeps a whole report under `limitBytes` of JSON: cuts outputs, then stacks, then the other strings
 * of every test, in steps, until it fits, and marks it `trimmed`. The verdicts and times are never cut.
 */
export function capWholeReport<R extends Omit<JudgeReport, 'judgeMs'>>(report: R, limitBytes: number): R {
  const size = (r: R) => JSON.stringify(r).length;
  if (size(report) <= limitBytes) return report;
  const steps: ((t: TestReport) => TestReport)[] = [
    (t) => shrink(t, { output: 1000, stack: 1000 }),
    (t) => shrink(t, { output: 200, stack: 0, message: 500, actual: 500, expected: 500, input: 500 }),
    (t) => shrink(t, { output: 0, stack: 0, message: 100, actual: 100, expected: 100, input: 100 }),
  ];
  let current = report;
  for (const step of steps) {
    current = { ...current, tests: current.tests.map(step), trimmed: true };
    if (size(current) <= limitBytes) return current;
  }
  // Only the verdicts are left to give: each test keeps its id, kind, verdict and times.
  return {
    ...current,
    trimmed: true,
    tests: current.tests.map((t) => ({
      id: t.id,
      kind: t.kind,
      verdict: t.verdict,
      cpuMs: t.cpuMs,
      wallMs: t.wallMs,
      output: '',
      outputTruncated: t.outputTruncated || t.output.length > 0,
      trimmed: true,
    })),
  };
}

type Shrinkable = 'output' | 'stack' | 'message' | 'actual' | 'expected' | 'input';

function shrink(test: TestReport, caps: Partial<Record<Shrinkable, number>>): TestReport {
  const out: TestReport = { ...test };
  let trimmed = false;
  for (const [field, cap] of Object.entries(caps) as [Shrinkable, number][]) {
    const value = out[field];
    if (typeof value !== 'string' || value.length <= cap) continue;
    trimmed = true;
    if (field === 'output') {
      out.output = cap === 0 ? '' : cut(value, cap);
      out.outputTruncated = true;
    } else if (cap === 0) delete out[field];
    else out[field] = cut(value, cap);
  }
  delete out.answer;
  if (trimmed || test.answer !== undefined) out.trimmed = true;
  return out;
}
