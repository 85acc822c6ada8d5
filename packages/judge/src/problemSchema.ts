import { z } from 'zod';
import { LANGUAGES } from './languages/languages.ts';
import { isIdentifier, parseType, type TypeRef } from './signature.ts';
import { type ProblemSpec, PYTHON_LIBRARIES } from './types.ts';
import { decodeWire } from './values.ts';

/** A problem spec the judge cannot use; `issues` lists every problem as `path: what is wrong`. */
export class ProblemSpecError extends Error {
  override name = 'ProblemSpecError';
  readonly code = 'JUDGE_ERR_PROBLEM_INVALID';
  constructor(
    readonly problemId: string,
    readonly issues: string[],
  ) {
    super(`problem "${problemId}" is invalid:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
  }
}

/** A JavaScript identifier (function and parameter names). */
export const identifierSchema = z.string().refine(isIdentifier, 'must be a JavaScript identifier');
/** A type in the signature language (such as `int[]`), checked by parsing it. */
export const typeTextSchema = z.string().superRefine((text, ctx) => {
  try {
    parseType(text);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
  }
});

export const problemSpecSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes'),
  title: z.string().optional(),
  signature: z.object({
    functionName: identifierSchema,
    params: z.array(z.object({ name: identifierSchema, type: typeTextSchema })),
    returnType: typeTextSchema,
    entryOptional: z.boolean().optional(),
  }),
  tests: z
    .array(
      z.object({
        id: z.string().min(1),
        kind: z.enum(['sample', 'hidden']),
        args: z.array(z.unknown()),
        expected: z.unknown(),
        data: z.unknown().optional(),
      }),
    )
    .min(1, 'a problem needs at least one test'),
  limits: z.object({
    cpuMs: z.number().int().min(1).max(60_000),
    memoryMb: z.number().int().min(8).max(4096),
    wallMs: z.number().int().min(1).max(120_000).optional(),
    // [J61] Per-language overrides, only for languages the judge knows.
    languages: z
      .partialRecord(
        z.enum(LANGUAGES),
        z
          .object({
            cpuMs: z.number().int().min(1).max(60_000).optional(),
            memoryMb: z.number().int().min(8).max(4096).optional(),
            wallMs: z.number().int().min(1).max(120_000).optional(),
          })
          .strict(),
      )
      .optional(),
  }),
  checker: z.discriminatedUnion('type', [
    z.object({ type: z.literal('exact') }),
    z.object({
      type: z.literal('float'),
      absTolerance: z.number().min(0).optional(),
      relTolerance: z.number().min(0).optional(),
    }),
    z.object({ type: z.literal('unordered') }),
    z.object({ type: z.literal('custom'), source: z.string().min(1) }),
  ]),
  libraries: z.array(z.enum(PYTHON_LIBRARIES)).optional(),
  interactive: z
    .object({
      functions: z.array(identifierSchema).min(1),
      source: z.string().min(1),
    })
    .optional(),
});

export interface CompiledSignature {
  params: TypeRef[];
  returnType: TypeRef;
}

/**
 * Checks a problem spec in full: its shape, its types, and that every test's arguments and expected
 * value fit the signature. Returns the spec with its types parsed, or throws ProblemSpecError.
 */
export function validateProblemSpec(input: unknown): {
  problem: ProblemSpec;
  types: CompiledSignature;
} {
  const parsed = problemSpecSchema.safeParse(input);
  const id =
    typeof input === 'object' && input !== null && typeof (input as { id?: unknown }).id === 'string'
      ? (input as { id: string }).id
      : '(unnamed)';
  if (!parsed.success) {
    throw new ProblemSpecError(
      id,
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  const problem = parsed.data as ProblemSpec;
  const types: CompiledSignature = {
    params: problem.signature.params.map((p) => parseType(p.type)),
    returnType: parseType(problem.signature.returnType),
  };
  const issues: string[] = [];
  if (problem.signature.entryOptional && types.params.length > 0)
    issues.push('signature.entryOptional: only a function without parameters may be optional ([J53])');
  const seen = new Set<string>();
  for (const [i, test] of problem.tests.entries()) {
    if (seen.has(test.id)) issues.push(`tests.${i}.id: "${test.id}" is used by another test`);
    seen.add(test.id);
    if (test.args.length !== types.params.length) {
      issues.push(
        `tests.${i} (${test.id}): has ${test.args.length} arguments; the signature has ${types.params.length}`,
      );
      continue;
    }
    try {
      for (const [j, arg] of test.args.entries()) {
        decodeWire(arg, types.params[j] as TypeRef, `args[${j}] (${problem.signature.params[j]?.name})`);
      }
      decodeWire(test.expected, types.returnType, 'expected');
    } catch (error) {
      issues.push(`tests.${i} (${test.id}): ${(error as Error).message}`);
    }
  }
  if (issues.length > 0) throw new ProblemSpecError(problem.id, issues);
  return { problem, types };
}
