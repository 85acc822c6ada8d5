import { z } from 'zod';
import { DRAFT_LIMITS, SOLUTION_KINDS } from './draftLimits.ts';
import { LANGUAGE_IDS } from './languages.ts';

// Problem authoring in the browser (issue 11 §2, [A80]–[A86]). A draft holds everything a problem
// folder holds (problem.yaml, statement.md, tests, solutions, a custom checker); the API writes it out as
// a folder and runs the very checks `pnpm problems validate` runs before it can become a version.

const slug = z
  .string()
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes, starting with a letter or digit');
/** Test and solution names become file names inside the problem folder. */
const fileName = z
  .string()
  .min(1, 'give it a name')
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'use letters, digits, dashes and underscores');

const jsonSize = (value: unknown) => new TextEncoder().encode(JSON.stringify(value) ?? '').length;

export const draftTestSchema = z
  .object({
    name: fileName,
    kind: z.enum(['sample', 'hidden']),
    args: z.array(z.unknown()).max(64),
    /** Missing until written or computed from the reference ([A84]). */
    expected: z.unknown().optional(),
  })
  .refine((t) => jsonSize(t) <= DRAFT_LIMITS.testBytes, {
    message: `a test is at most ${DRAFT_LIMITS.testBytes / 1024} KiB of JSON: make it smaller or generate it`,
  });
export type DraftTest = z.infer<typeof draftTestSchema>;

export const draftSolutionSchema = z.object({
  name: fileName,
  category: z.enum(SOLUTION_KINDS),
  language: z.enum(LANGUAGE_IDS),
  source: z.string().max(DRAFT_LIMITS.solutionBytes, `a solution is at most ${DRAFT_LIMITS.solutionBytes / 1024} KiB`),
});
export type DraftSolution = z.infer<typeof draftSolutionSchema>;

export const draftCheckerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('exact') }),
  z.object({ type: z.literal('unordered') }),
  z.object({
    type: z.literal('float'),
    absTolerance: z.number().min(0).max(1e6).optional(),
    relTolerance: z.number().min(0).max(1e6).optional(),
  }),
  /** `check(input, expected, actual)` in JavaScript or TypeScript, run in the judge's sandbox. */
  z.object({ type: z.literal('custom'), source: z.string().max(DRAFT_LIMITS.solutionBytes) }),
]);
export type DraftChecker = z.infer<typeof draftCheckerSchema>;

/**
 * The content of a draft: a problem folder as data. Texts the judge parses (types, names) are kept as
 * typed, so an unfinished signature can be saved; `check` and `validate` say what is wrong with it.
 */
export const draftContentSchema = z
  .object({
    title: z.string().max(200),
    difficulty: z.enum(['easy', 'medium', 'hard']),
    tags: z.array(z.string().min(1).max(40)).max(DRAFT_LIMITS.tags),
    statement: z
      .string()
      .max(DRAFT_LIMITS.statementBytes, `the statement is at most ${DRAFT_LIMITS.statementBytes / 1024} KiB`),
    signature: z.object({
      function: z.string().max(100),
      params: z.array(z.object({ name: z.string().max(100), type: z.string().max(500) })).max(DRAFT_LIMITS.params),
      returns: z.string().max(500),
    }),
    checker: draftCheckerSchema,
    limits: z.object({
      cpuMs: z.number().int().min(10).max(30_000),
      memoryMb: z.number().int().min(8).max(2048),
    }),
    tests: z.array(draftTestSchema).max(DRAFT_LIMITS.tests, `a draft holds at most ${DRAFT_LIMITS.tests} tests`),
    solutions: z
      .array(draftSolutionSchema)
      .max(DRAFT_LIMITS.solutions, `a draft holds at most ${DRAFT_LIMITS.solutions} solutions`),
  })
  .refine((c) => jsonSize(c) <= DRAFT_LIMITS.draftBytes, {
    message: `a draft is at most ${DRAFT_LIMITS.draftBytes / 1024 / 1024} MiB: remove or shrink some tests`,
  });
export type DraftContent = z.infer<typeof draftContentSchema>;

/** One thing wrong, and where: a field (`signature.params.1.type`) or a file of the folder (`tests/hidden/big.json`). */
export const draftIssueSchema = z.object({ where: z.string(), message: z.string() });
export type DraftIssue = z.infer<typeof draftIssueSchema>;

/** One cell of the validation grid: how one solution did on one test. */
export const gridCellSchema = z.object({ verdict: z.string(), cpuMs: z.number() });
export type GridCell = z.infer<typeof gridCellSchema>;

/** [A83] What `validate` found: every failed rule with where, and a per-solution × per-test grid. */
export const draftValidationSchema = z.object({
  ok: z.boolean(),
  /** The draft changed since this ran: run it again before publishing. */
  stale: z.boolean(),
  ranAt: z.string(),
  durationMs: z.number(),
  issues: z.array(draftIssueSchema),
  tests: z.array(z.object({ name: z.string(), kind: z.enum(['sample', 'hidden']) })),
  solutions: z.array(
    z.object({
      name: z.string(),
      expect: z.array(z.string()),
      verdict: z.string(),
      ok: z.boolean(),
      detail: z.string(),
      /** By test name; a test the validator did not need to run is absent. */
      cells: z.record(z.string(), gridCellSchema),
    }),
  ),
});
export type DraftValidation = z.infer<typeof draftValidationSchema>;

export const problemDraftSchema = z.object({
  id: z.string(),
  packId: z.string(),
  problemId: z.string(),
  authorName: z.string().nullable(),
  basedOnVersionId: z.string().nullable(),
  publishedVersionId: z.string().nullable(),
  createdAt: z.string(),
  /** The optimistic-concurrency token: send it back with the next update ([A82]). */
  updatedAt: z.string(),
  content: draftContentSchema,
  validation: draftValidationSchema.nullable(),
});
export type ProblemDraft = z.infer<typeof problemDraftSchema>;

export const draftIdParams = z.object({ id: z.uuid('a draft id is a UUID, as the drafts list gives it') });

/** `POST /api/admin/problem-drafts`: blank, or a copy of a published version. */
export const createDraftBody = z.object({ fromVersionId: z.uuid().optional() }).default({});
export type CreateDraftBody = z.infer<typeof createDraftBody>;

/** `PUT /api/admin/problem-drafts/:id`. */
export const updateDraftBody = z.object({
  packId: slug,
  problemId: slug,
  content: draftContentSchema,
  /** The draft's `updatedAt` this edit started from ([A82]). */
  updatedAt: z.string().max(40),
});
export type UpdateDraftBody = z.infer<typeof updateDraftBody>;

export const draftSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  packId: z.string(),
  problemId: z.string(),
  authorName: z.string().nullable(),
  updatedAt: z.string(),
  publishedVersionId: z.string().nullable(),
  validationOk: z.boolean().nullable(),
});
export type DraftSummary = z.infer<typeof draftSummarySchema>;

export const draftListQuery = z.object({ mine: z.enum(['true', 'false']).optional() });
export const draftListResponse = z.object({ drafts: z.array(draftSummarySchema) });
export type DraftListResponse = z.infer<typeof draftListResponse>;

/** `POST …/check` ([A80]): the fast checks, no judge run. */
export const draftCheckResponse = z.object({ ok: z.boolean(), issues: z.array(draftIssueSchema) });
export type DraftCheckResponse = z.infer<typeof draftCheckResponse>;

/** `POST …/compute-expected` ([A84]). */
export const computeExpectedResponse = z.object({ draft: problemDraftSchema, filled: z.number() });
export type ComputeExpectedResponse = z.infer<typeof computeExpectedResponse>;

/** `POST …/publish` ([A85]). */
export const publishDraftResponse = z.object({
  versionId: z.string(),
  ref: z.string(),
  /** False when a version with exactly this content already existed; nothing new was written. */
  created: z.boolean(),
});
export type PublishDraftResponse = z.infer<typeof publishDraftResponse>;

/** `POST …/generate` ([A86]): a JavaScript generator, run in the judge's sandbox. */
export const generateTestsBody = z.object({
  source: z
    .string()
    .min(1)
    .max(DRAFT_LIMITS.solutionBytes, `a generator is at most ${DRAFT_LIMITS.solutionBytes / 1024} KiB`),
});
export type GenerateTestsBody = z.infer<typeof generateTestsBody>;

/** What a generator returns: tests in the test-file form, named or not. */
export const generatedTestsSchema = z
  .array(
    z
      .object({
        args: z.array(z.unknown()).max(64),
        expected: z.unknown().optional(),
        name: z.string().max(64).optional(),
      })
      .refine((t) => jsonSize(t) <= DRAFT_LIMITS.testBytes, {
        message: `a test is at most ${DRAFT_LIMITS.testBytes / 1024} KiB of JSON`,
      }),
  )
  .min(1, 'the generator returned no tests')
  .max(DRAFT_LIMITS.tests, `a draft holds at most ${DRAFT_LIMITS.tests} tests`);
export const generateTestsResponse = z.object({ tests: generatedTestsSchema });
export type GenerateTestsResponse = z.infer<typeof generateTestsResponse>;
