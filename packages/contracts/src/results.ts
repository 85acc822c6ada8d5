import { z } from 'zod';
import { submissionSchema } from './attempt.ts';
import { languageId } from './languageId.ts';

// The staff console's results and attempt review (issue 11 §4): an assessment's results table and
// charts ([A94]–[A96]), snapshot and submission code for playback and diffs ([A98]), and the
// reviewer's notes and decision ([A97]).

export const REVIEW_DECISIONS = ['advance', 'reject', 'undecided'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** The most a reviewer's notes may hold, in UTF-8 bytes ([A97]). */
export const REVIEW_NOTES_BYTES = 20 * 1024;
/** The most snapshots and submissions one code request may name ([A98]). */
export const CODE_BATCH_MAX = 50;

/**
 * One attempt in an assessment's results ([A94]). Compact: 10,000 of them are one response, so the
 * per-task numbers are arrays in task order, not objects.
 */
export const resultRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  status: z.enum(['not_started', 'in_progress', 'finished']),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  finishReason: z.enum(['candidate', 'deadline']).nullable(),
  /** Raw (the UI rounds); null before the first submission is judged. */
  score: z.number().nullable(),
  /** Points earned per task, in task order. */
  earned: z.array(z.number()),
  /** Active time per task in ms ([A95]), in task order. */
  taskMs: z.array(z.number()),
  /** From the start to the finish (or to now while in progress); null before the start. */
  timeMs: z.number().nullable(),
  /** Tab switches, window blurs, fullscreen exits and pastes from outside ([A94]). */
  flags: z.number(),
  /** Submissions (not runs) made. */
  submissions: z.number(),
  decision: z.enum(REVIEW_DECISIONS),
});
export type ResultRow = z.infer<typeof resultRowSchema>;

export const resultTaskSchema = z.object({
  position: z.number(),
  title: z.string(),
  points: z.number(),
});
export type ResultTask = z.infer<typeof resultTaskSchema>;

/**
 * The charts' numbers ([A96]). Scores, pass rates, points and times describe finished attempts (an
 * attempt in progress still changes); activity counts every run and submission.
 */
export const resultAggregatesSchema = z.object({
  started: z.number(),
  finished: z.number(),
  maxScore: z.number(),
  /** 10 buckets of the score as a share of `maxScore`: [0,10%), …, [90%,100%]. */
  scoreBuckets: z.array(z.number()),
  tasks: z.array(
    z.object({
      position: z.number(),
      /** Finished attempts with at least one judged submission of the task. */
      attempted: z.number(),
      /** Share (0–1) of finished attempts whose best submission passed every hidden test; 0 with none. */
      passRate: z.number(),
      /** Mean points earned over finished attempts; 0 with none. */
      meanPoints: z.number(),
      /** Median active time (ms) over the attempts that worked on the task; null when none did. */
      medianMs: z.number().nullable(),
      meanMs: z.number().nullable(),
    }),
  ),
  /** Runs and submissions by elapsed time since each attempt's start, in buckets of `bucketMinutes`. */
  activity: z.object({
    bucketMinutes: z.number(),
    runs: z.array(z.number()),
    submissions: z.array(z.number()),
  }),
});
export type ResultAggregates = z.infer<typeof resultAggregatesSchema>;

/** `GET /api/admin/assessments/:id/results`. */
export const assessmentResultsResponse = z.object({
  assessment: z.object({ id: z.string(), title: z.string(), durationMinutes: z.number() }),
  tasks: z.array(resultTaskSchema),
  rows: z.array(resultRowSchema),
  aggregates: resultAggregatesSchema,
});
export type AssessmentResults = z.infer<typeof assessmentResultsResponse>;

/** `GET /api/admin/results`: every assessment with its counts, and the latest attempts across them. */
export const resultsOverviewResponse = z.object({
  assessments: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      createdAt: z.string(),
      invited: z.number(),
      started: z.number(),
      finished: z.number(),
      undecided: z.number(),
    }),
  ),
  recent: z.array(
    z.object({
      id: z.string(),
      assessmentId: z.string(),
      assessmentTitle: z.string(),
      name: z.string(),
      email: z.string(),
      status: z.enum(['not_started', 'in_progress', 'finished']),
      score: z.number().nullable(),
      maxScore: z.number(),
      at: z.string(),
      decision: z.enum(REVIEW_DECISIONS),
    }),
  ),
});
export type ResultsOverview = z.infer<typeof resultsOverviewResponse>;
export const resultsOverviewQuery = z.object({
  /** A part of a candidate's name or email; the recent list then holds their attempts. */
  q: z.string().trim().max(200).optional(),
});

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

/** `PUT /api/admin/attempts/:id/review`. */
export const reviewBody = z.object({
  decision: z.enum(REVIEW_DECISIONS),
  notes: z
    .string()
    .max(REVIEW_NOTES_BYTES)
    .refine((notes) => utf8Bytes(notes) <= REVIEW_NOTES_BYTES, {
      message: `notes are at most ${REVIEW_NOTES_BYTES / 1024} KiB: shorten them`,
    }),
});
export type ReviewBody = z.infer<typeof reviewBody>;

export const attemptReviewSchema = z.object({
  decision: z.enum(REVIEW_DECISIONS),
  notes: z.string(),
  reviewedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  reviewedAt: z.string().nullable(),
});
export type AttemptReviewNote = z.infer<typeof attemptReviewSchema>;

const idList = (item: z.ZodString | z.ZodUUID, what: string) =>
  z
    .string()
    .max(4000)
    .transform((text) => text.split(',').filter((s) => s !== ''))
    .pipe(z.array(item).max(CODE_BATCH_MAX, `at most ${CODE_BATCH_MAX} ${what} per request: ask in batches`));

/** `GET /api/admin/attempts/:id/code?history=1,2&submissions=<uuid>,…`. */
export const codeBatchQuery = z.object({
  history: idList(
    z.string().regex(/^\d{1,15}$/, 'history ids are the numbers the history list gives'),
    'snapshots',
  ).optional(),
  submissions: idList(z.uuid(), 'submissions').optional(),
});
export const codeBatchResponse = z.object({
  history: z.array(
    z.object({ id: z.number(), position: z.number(), language: languageId, savedAt: z.string(), code: z.string() }),
  ),
  submissions: z.array(z.object({ id: z.string(), position: z.number(), language: languageId, code: z.string() })),
});
export type CodeBatch = z.infer<typeof codeBatchResponse>;

/** A proctoring event as staff read it. */
export const attemptEventSchema = z.object({
  type: z.string(),
  at: z.string(),
  detail: z.record(z.string(), z.unknown()),
});
export type AttemptEvent = z.infer<typeof attemptEventSchema>;

/** A code history snapshot's metadata; `id` names it for its code ([A98]). */
export const historyItemSchema = z.object({
  id: z.number(),
  position: z.number(),
  language: languageId,
  savedAt: z.string(),
  bytes: z.number(),
});
export type HistoryItem = z.infer<typeof historyItemSchema>;

/** One attempt in the admin's lists and at the head of its review. */
export const attemptSummarySchema = z.object({
  id: z.string(),
  candidateName: z.string(),
  candidateEmail: z.string(),
  status: z.enum(['not_started', 'in_progress', 'finished']),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  finishReason: z.enum(['candidate', 'deadline']).nullable(),
  score: z.number().nullable(),
});

/** `GET /api/admin/attempts/:id` ([A43], [A97]). */
export const attemptReviewResponse = z.object({
  attempt: attemptSummarySchema.extend({ deadline: z.string().nullable() }),
  assessment: z.object({ id: z.string(), title: z.string(), durationMinutes: z.number() }),
  tasks: z.array(
    z.object({ position: z.number(), points: z.number(), best: z.number(), earned: z.number(), title: z.string() }),
  ),
  code: z.array(z.object({ position: z.number(), language: languageId, code: z.string(), updatedAt: z.string() })),
  /** The first page of each list; `next` continues it at /api/admin/attempts/:id/<list>. */
  history: z.array(historyItemSchema),
  submissions: z.array(submissionSchema),
  events: z.array(attemptEventSchema),
  next: z.object({ history: z.string().nullable(), submissions: z.string().nullable(), events: z.string().nullable() }),
  review: attemptReviewSchema,
});
export type AttemptReviewResponse = z.infer<typeof attemptReviewResponse>;
