import { z } from 'zod';
import { languageId } from './languageId.ts';

// The candidate's side of the API ([A6]-[A16] in apps/api/SPEC.md): an invitation, the attempt, its
// code, runs and submissions. The API validates its answers against these schemas and documents them in
// its OpenAPI document; the web app reads them as the types inferred here.

/** How a hidden test's CPU time compares with the task's time limit: all a candidate learns of it ([A12]). */
export const TIME_BUCKETS = ['<25%', '<50%', '<100%', '>100%'] as const;
export type TimeBucket = (typeof TIME_BUCKETS)[number];

const attemptStatus = z.enum(['not_started', 'in_progress', 'finished']);
const proctoringSettings = z.object({ fullscreen: z.boolean(), recordEvents: z.boolean() });

export const invitationTokenParams = z.object({ token: z.string().min(1) });
export const taskPositionParams = z.object({ position: z.coerce.number().int().min(0) });
export const submissionIdParams = z.object({ id: z.uuid() });

/** What an invitation link shows before the candidate opens a session. */
export const invitationSummarySchema = z.object({
  candidateName: z.string(),
  title: z.string(),
  description: z.string(),
  durationMinutes: z.number(),
  taskCount: z.number(),
  languages: z.array(languageId),
  proctoring: proctoringSettings,
  status: attemptStatus,
  /** null: the invitation does not expire. */
  expiresAt: z.string().nullable(),
});
export type InvitationSummary = z.infer<typeof invitationSummarySchema>;

export const testResultSchema = z.object({
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
export type TestResult = z.infer<typeof testResultSchema>;

/** A run or submission as its candidate sees it; the judge's report never holds hidden data ([J16]). */
export const submissionSchema = z.object({
  id: z.string(),
  position: z.number(),
  language: languageId,
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
      tests: z.array(testResultSchema),
      compileError: z.object({ message: z.string(), line: z.number(), column: z.number() }).optional(),
      message: z.string().optional(),
      /** How long judging took (reports stored before it was recorded lack it). */
      judgeMs: z.number().optional(),
    })
    .nullable(),
});
export type Submission = z.infer<typeof submissionSchema>;

export const taskSchema = z.object({
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
  /** Starter code by language id. */
  starter: z.record(z.string(), z.string()),
  samples: z.array(z.object({ id: z.string(), input: z.string(), expected: z.string() })),
  /** The candidate's saved code by language id. */
  code: z.record(z.string(), z.string()),
  /** The language of the task's latest save, or null before the first. */
  language: languageId.nullable(),
  bestScore: z.number().nullable(),
  /** The task's limits per test: CPU time (the time limit a verdict is judged by) and memory ([W12]). */
  limits: z.object({ timeMs: z.number(), memoryMb: z.number() }),
  /** The candidate's latest run and latest submission of the task, as they see them ([A12], [W15]). */
  latest: z.object({ run: submissionSchema.nullable(), submit: submissionSchema.nullable() }),
});
export type Task = z.infer<typeof taskSchema>;

export const attemptViewSchema = z.object({
  serverTime: z.string(),
  attempt: z.object({
    id: z.string(),
    status: attemptStatus,
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
    languages: z.array(languageId),
    proctoring: proctoringSettings,
    taskCount: z.number(),
    totalPoints: z.number(),
  }),
  tasks: z.array(taskSchema),
});
export type AttemptView = z.infer<typeof attemptViewSchema>;

/** `PUT /api/attempt/tasks/:position/code`. */
export const saveCodeBody = z.object({ language: languageId, code: z.string() });
export type SaveCodeBody = z.infer<typeof saveCodeBody>;
export const saveCodeResponse = z.object({ savedAt: z.string() });
export type SaveCodeResponse = z.infer<typeof saveCodeResponse>;

/** `POST /api/attempt/tasks/:position/runs`: the samples, plus up to ten inputs of the candidate's own. */
export const runBody = z.object({
  language: languageId,
  code: z.string(),
  customInputs: z.array(z.array(z.unknown())).max(10).optional(),
});
export type RunBody = z.infer<typeof runBody>;

/** `POST /api/attempt/tasks/:position/submissions`: the key makes a retried submission one submission. */
export const submitBody = z.object({
  language: languageId,
  code: z.string(),
  idempotencyKey: z.string().min(8).max(100),
});
export type SubmitBody = z.infer<typeof submitBody>;

/** `GET /api/attempt/tasks/:position/submissions`: newest first. */
export const submissionListResponse = z.object({ submissions: z.array(submissionSchema) });
export type SubmissionListResponse = z.infer<typeof submissionListResponse>;
