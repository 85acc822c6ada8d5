import { identifierSchema, LANGUAGES, PYTHON_LIBRARIES, typeTextSchema } from '@assay/judge';
import { z } from 'zod';

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes');

/** `pack.yaml` ([P1]). */
export const packFileSchema = z.strictObject({
  id: slug,
  title: z.string().min(1),
  description: z.string().min(1),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'use a semantic version such as 1.0.0'),
  problems: z.array(slug).min(1, 'list at least one problem folder, in the order candidates see them'),
});
export type PackFile = z.infer<typeof packFileSchema>;

const checkerSchema = z.union([
  z.enum(['exact', 'unordered', 'custom']),
  z.strictObject({
    type: z.literal('float'),
    absTolerance: z.number().min(0).optional(),
    relTolerance: z.number().min(0).optional(),
  }),
]);

/** [P30] A language's own limits; a field left out is the problem's. */
const languageLimitsSchema = z
  .strictObject({
    cpuMs: z.number().int().min(10).max(30_000).optional(),
    memoryMb: z.number().int().min(8).max(2048).optional(),
    wallMs: z.number().int().min(10).max(60_000).optional(),
  })
  .optional();

/** `problem.yaml` ([P2]). */
export const problemFileSchema = z.strictObject({
  id: slug,
  title: z.string().min(1),
  difficulty: z.enum(['easy', 'medium', 'hard']),
  tags: z.array(z.string().min(1)).default([]),
  limits: z.strictObject({
    cpuMs: z.number().int().min(10).max(30_000),
    memoryMb: z.number().int().min(8).max(2048),
    wallMs: z.number().int().min(10).max(60_000).optional(),
    /** [P30] A language's own limits where it needs others (Python is slower than JavaScript). */
    languages: z
      .strictObject(Object.fromEntries(LANGUAGES.map((language) => [language, languageLimitsSchema])), {
        error: (issue) =>
          issue.code === 'unrecognized_keys'
            ? `${issue.keys.map((k) => `"${k}"`).join(', ')} is not a language the judge knows; use one of ${LANGUAGES.join(', ')}`
            : undefined,
      })
      .optional(),
  }),
  signature: z.strictObject({
    function: identifierSchema,
    params: z.array(z.strictObject({ name: identifierSchema, type: typeTextSchema })),
    returns: typeTextSchema,
  }),
  checker: checkerSchema.default('exact'),
  /** [P35] Python libraries the problem allows beside numpy and the standard library ([J69]). */
  libraries: z
    .array(
      z.enum(PYTHON_LIBRARIES, {
        error: (issue) =>
          `${JSON.stringify(issue.input)} is not a library the judge offers; use ${PYTHON_LIBRARIES.join(', ')} (numpy is always there)`,
      }),
    )
    .optional(),
  /** Host functions the candidate may call; their behaviour comes from harness.ts ([P7]). */
  interactive: z
    .strictObject({
      functions: z
        .array(
          z.strictObject({
            name: identifierSchema,
            params: z.array(z.strictObject({ name: identifierSchema, type: typeTextSchema })),
            returns: typeTextSchema,
          }),
        )
        .min(1),
    })
    .optional(),
});
export type ProblemFile = z.infer<typeof problemFileSchema>;

/** One file under `tests/sample/` or `tests/hidden/` ([P4]). */
export const testFileSchema = z.strictObject({
  args: z.array(z.unknown()),
  expected: z.unknown().refine((v) => v !== undefined, 'expected is required'),
  data: z.unknown().optional(),
});
export type TestFile = z.infer<typeof testFileSchema>;
