import { z } from 'zod';

export const language = z.enum(['javascript', 'typescript']);

/** How a hidden test's CPU time compares with the task's time limit: all a candidate learns of it ([A12]). */
export const TIME_BUCKETS = ['<25%', '<50%', '<100%', '>100%'] as const;
export type TimeBucket = (typeof TIME_BUCKETS)[number];

const testReport = z.object({
  id: z.string(),
  kind: z.enum(['sample', 'hidden', 'custom']),
  verdict: z.string(),
  /** Absent from a candidate's view of a hidden test ([A12]). */
  cpuMs: z.number().optional(),
  wallMs: z.number().optional(),
  /** A candidate's view of a hidden test: its CPU time as a share of the time limit ([A12]). */
  timeBucket: z.enum(TIME_BUCKETS).optional(),
  output: z.string(),
  outputTruncated: z.boolean(),
  message: z.string().optional(),
  stack: z.string().optional(),
  input: z.string().optional(),
  expected: z.string().optional(),
  actual: z.string().optional(),
});

/** A run or submission as its candidate sees it; the judge's report never holds hidden data ([J16]). */
export const submissionSchema = z.object({
  id: z.string(),
  position: z.number(),
  language,
  mode: z.enum(['run', 'submit']),
  automatic: z.boolean(),
  status: z.enum(['queued', 'running', 'done']),
  verdict: z.string().nullable(),
  score: z.number().nullable(),
  createdAt: z.string(),
  judgedAt: z.string().nullable(),
  report: z
    .object({
      verdict: z.string(),
      score: z.number(),
      passed: z.number(),
      total: z.number(),
      tests: z.array(testReport),
      compileError: z.object({ message: z.string(), line: z.number(), column: z.number() }).optional(),
      message: z.string().optional(),
      /** How long judging took (reports stored before it was recorded lack it). */
      judgeMs: z.number().optional(),
    })
    .nullable(),
});

export const attemptViewSchema = z.object({
  serverTime: z.string(),
  attempt: z.object({
    id: z.string(),
    status: z.enum(['not_started', 'in_progress', 'finished']),
    startedAt: z.string().nullable(),
    deadline: z.string().nullable(),
    finishedAt: z.string().nullable(),
    finishReason: z.enum(['candidate', 'deadline']).nullable(),
  }),
  candidate: z.object({ name: z.string() }),
  assessment: z.object({
    title: z.string(),
    description: z.string(),
    durationMinutes: z.number(),
    languages: z.array(language),
    proctoring: z.object({ fullscreen: z.boolean(), recordEvents: z.boolean() }),
    taskCount: z.number(),
    totalPoints: z.number(),
  }),
  tasks: z.array(
    z.object({
      position: z.number(),
      title: z.string(),
      difficulty: z.string(),
      points: z.number(),
      statement: z.string(),
      signature: z.object({
        functionName: z.string(),
        params: z.array(z.object({ name: z.string(), type: z.string() })),
        returnType: z.string(),
      }),
      starter: z.record(z.string(), z.string()),
      samples: z.array(z.object({ id: z.string(), input: z.string(), expected: z.string() })),
      code: z.record(z.string(), z.string()),
      /** The language of the task's latest save, or null before the first. */
      language: language.nullable(),
      bestScore: z.number().nullable(),
      /** The task's limits per test: CPU time (the time limit a verdict is judged by) and memory. */
      limits: z.object({ timeMs: z.number(), memoryMb: z.number() }),
      /** The candidate's latest run and latest submission of the task, as they see them ([A12]). */
      latest: z.object({ run: submissionSchema.nullable(), submit: submissionSchema.nullable() }),
    }),
  ),
});

type SubmissionView = z.infer<typeof submissionSchema>;
type TestView = z.infer<typeof testReport>;

/** The stored row a submission view is made from. */
export interface SubmissionRow {
  id: string;
  position: number;
  language: 'javascript' | 'typescript';
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
function hiddenTestView(test: TestView, n: number, limitMs: number): TestView {
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
export function toSubmissionView(row: SubmissionRow, audience: 'staff'): SubmissionView;
export function toSubmissionView(row: SubmissionRow, audience: 'candidate', limits: { cpuMs: number }): SubmissionView;
export function toSubmissionView(
  row: SubmissionRow,
  audience: 'candidate' | 'staff',
  limits?: { cpuMs: number },
): SubmissionView {
  const report = row.report as SubmissionView['report'];
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
          tests: report.tests.map(({ answer: _answer, ...t }: TestView & { answer?: unknown }) => {
            if (audience === 'staff' || t.kind !== 'hidden') return t;
            hidden++;
            return hiddenTestView(t, hidden, limits?.cpuMs ?? Number.POSITIVE_INFINITY);
          }),
        }
      : null,
  };
}

export const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
