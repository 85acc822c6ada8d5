import { z } from 'zod';
import { languageId } from './languageId.ts';

// The staff console's problem library ([A75]–[A79]): every problem version, one version's preview as a
// candidate sees it plus what staff need to know, and pack import/export.

/** A problem's limits per test, as its statement states them ([P23]). */
export const problemLimitsSchema = z.object({
  timeMs: z.number(),
  memoryMb: z.number(),
  /** `1 s of CPU time per test, 256 MB of memory`. */
  text: z.string(),
});

/** The assessments one version is used in; `assessments` holds at most a few, `count` all of them. */
export const problemUsageSchema = z.object({
  count: z.number(),
  assessments: z.array(z.object({ id: z.string(), title: z.string() })),
});

/** One row of `GET /api/admin/problems`. */
export const problemSummarySchema = z.object({
  id: z.string(),
  /** `pack/problem`. */
  ref: z.string(),
  packId: z.string(),
  problemId: z.string(),
  title: z.string(),
  difficulty: z.string(),
  tags: z.array(z.string()),
  /** Languages with starter code, in the judge's registry order. */
  languages: z.array(languageId),
  sampleCount: z.number(),
  hiddenCount: z.number(),
  limits: problemLimitsSchema,
  usedIn: problemUsageSchema,
  /** 1 for a problem's first version, counted by creation time. */
  version: z.number(),
  versionCount: z.number(),
  /** Whether this is the newest version of its problem. */
  latest: z.boolean(),
  createdAt: z.string(),
});
export type ProblemSummary = z.infer<typeof problemSummarySchema>;

export const packSummarySchema = z.object({
  id: z.string(),
  /** Shipped with the server (its folder is exported); otherwise the pack exists only in the database. */
  builtIn: z.boolean(),
  /** Built in, or imported in the console: there is an archive to export ([A77]). */
  exportable: z.boolean(),
  problemCount: z.number(),
});
export type PackSummary = z.infer<typeof packSummarySchema>;

export const problemListResponse = z.object({
  problems: z.array(problemSummarySchema),
  packs: z.array(packSummarySchema),
  /** True when there were more versions than the list returns ([A75]); the newest are kept. */
  truncated: z.boolean(),
  limit: z.number(),
});
export type ProblemListResponse = z.infer<typeof problemListResponse>;

export const problemVersionParams = z.object({
  id: z.uuid({ error: 'the problem version id must be a uuid, as GET /api/admin/problems lists them' }),
});

export const checkerSummarySchema = z.object({
  kind: z.enum(['exact', 'float', 'unordered', 'custom']),
  absTolerance: z.number().optional(),
  relTolerance: z.number().optional(),
});

/** `GET /api/admin/problems/:id`: what a candidate sees of the version, then what only staff see ([A76]). */
export const problemDetailSchema = z.object({
  id: z.string(),
  ref: z.string(),
  packId: z.string(),
  problemId: z.string(),
  title: z.string(),
  difficulty: z.string(),
  tags: z.array(z.string()),
  createdAt: z.string(),
  version: z.number(),
  latest: z.boolean(),
  // What the candidate sees.
  statement: z.string(),
  signature: z.object({
    functionName: z.string(),
    params: z.array(z.object({ name: z.string(), type: z.string() })),
    returnType: z.string(),
  }),
  starter: z.record(languageId, z.string()),
  languages: z.array(languageId),
  /** In the display form candidates read in their statement and run results. */
  samples: z.array(z.object({ id: z.string(), input: z.string(), expected: z.string() })),
  limits: problemLimitsSchema,
  // What only staff see.
  checker: checkerSummarySchema,
  interactive: z.boolean(),
  sampleCount: z.number(),
  hiddenCount: z.number(),
  versions: z.array(
    z.object({
      id: z.string(),
      version: z.number(),
      title: z.string(),
      createdAt: z.string(),
      latest: z.boolean(),
      usedIn: z.number(),
    }),
  ),
  usedIn: problemUsageSchema,
});
export type ProblemDetail = z.infer<typeof problemDetailSchema>;

export const packIdParams = z.object({
  packId: z
    .string()
    .max(100)
    .regex(
      /^[a-z0-9][a-z0-9-]*$/,
      'a pack id is lowercase letters, digits and dashes, as GET /api/admin/problems lists them',
    ),
});

/** `POST /api/admin/packs/import` (a zip body): what was imported ([A78]). */
export const packImportResponse = z.object({
  packId: z.string(),
  /** Versions created by this import; the others already existed with the same content. */
  created: z.number(),
  problems: z.array(z.object({ ref: z.string(), versionId: z.string(), created: z.boolean() })),
});
export type PackImportResponse = z.infer<typeof packImportResponse>;

/** One rule a problem in an imported pack breaks, located in the archive. */
export const packIssueSchema = z.object({
  /** `pack/problem`, or the pack id for an issue of the pack itself. */
  problem: z.string(),
  /** The file inside the archive, `pack/problem/statement.md`. */
  file: z.string(),
  line: z.number(),
  message: z.string(),
});
export type PackIssueView = z.infer<typeof packIssueSchema>;

/** The refusal of a pack that does not validate: every issue of every problem, nothing imported. */
export const packImportErrorResponse = z.object({
  /** `issues` is there when the archive's problems were read; a body that is no pack archive has none. */
  error: z.object({ code: z.string(), message: z.string(), issues: z.array(packIssueSchema).optional() }),
});
export type PackImportErrorResponse = z.infer<typeof packImportErrorResponse>;
