import { z } from 'zod';

export const language = z.enum(['javascript', 'typescript']);

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
    }),
  ),
});

const testReport = z.object({
  id: z.string(),
  kind: z.enum(['sample', 'hidden', 'custom']),
  verdict: z.string(),
  cpuMs: z.number(),
  wallMs: z.number(),
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

/**
 * A submission for its reader. Candidates see hidden tests numbered, never named, since a name such as
 * `all-land-1000x1000` describes the hidden input ([A12]); staff see the real ids.
 */
export function toSubmissionView(
  row: {
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
  },
  audience: 'candidate' | 'staff' = 'candidate',
): z.infer<typeof submissionSchema> {
  const report = row.report as z.infer<typeof submissionSchema>['report'];
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
          tests: report.tests.map(({ answer: _answer, ...t }: (typeof report.tests)[number] & { answer?: unknown }) => {
            if (audience === 'staff' || t.kind !== 'hidden') return t;
            hidden++;
            return { ...t, id: `hidden ${hidden}` };
          }),
        }
      : null,
  };
}

export const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
