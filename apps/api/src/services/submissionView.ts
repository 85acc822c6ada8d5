import type { LanguageId, Submission, TestResult, TimeBucket } from '@assay/contracts';

/** The stored row a submission view is made from. */
export interface SubmissionRow {
  id: string;
  position: number;
  language: LanguageId;
  mode: 'run' | 'submit';
  automatic: boolean;
  status: 'queued' | 'running' | 'done';
  verdict: string | null;
  score: number | null;
  createdAt: Date;
  judgedAt: Date | null;
  report: unknown;
}

/** The bucket of a CPU time against a time limit ([A12]): a hidden test's time says nothing finer. */
export function timeBucket(cpuMs: number, limitMs: number): TimeBucket {
  const share = cpuMs / limitMs;
  if (share < 0.25) return '<25%';
  if (share < 0.5) return '<50%';
  if (share < 1) return '<100%';
  return '>100%';
}

/**
 * A hidden test as a candidate sees it ([A12]): numbered (a name such as `all-land-1000x1000` describes
 * the input), its verdict and a coarse time bucket, nothing else. Console output, error messages and
 * stacks can carry the input (`throw new Error(JSON.stringify(grid))`), and exact times are a side
 * channel (spinning `grid.length` ms), so none of them leaves the server.
 */
function hiddenTestView(test: TestResult, n: number, limitMs: number): TestResult {
  return {
    id: `hidden ${n}`,
    kind: 'hidden',
    verdict: test.verdict,
    timeBucket: timeBucket(test.cpuMs ?? 0, limitMs),
    output: '',
    outputTruncated: false,
  };
}

/**
 * A submission for its reader: the one place that decides what of a report a reader sees ([A12]).
 * Staff see every test as judged; a candidate sees sample and custom tests in full and hidden tests
 * as `hiddenTestView` makes them, which needs the task's time limit (`cpuMs`).
 */
export function toSubmissionView(row: SubmissionRow, audience: 'staff'): Submission;
export function toSubmissionView(row: SubmissionRow, audience: 'candidate', limits: { cpuMs: number }): Submission;
export function toSubmissionView(
  row: SubmissionRow,
  audience: 'candidate' | 'staff',
  limits?: { cpuMs: number },
): Submission {
  const report = row.report as Submission['report'];
  let hidden = 0;
  return {
    id: row.id,
    position: row.position,
    language: row.language,
    mode: row.mode,
    automatic: row.automatic,
    status: row.status,
    verdict: row.verdict,
    score: row.score,
    createdAt: row.createdAt.toISOString(),
    judgedAt: row.judgedAt?.toISOString() ?? null,
    report: report
      ? {
          ...report,
          // `answer` is tooling data; candidates get the display form in `actual`.
          tests: report.tests.map(({ answer: _answer, ...t }: TestResult & { answer?: unknown }) => {
            if (audience === 'staff' || t.kind !== 'hidden') return t;
            hidden++;
            return hiddenTestView(t, hidden, limits?.cpuMs ?? Number.POSITIVE_INFINITY);
          }),
        }
      : null,
  };
}
