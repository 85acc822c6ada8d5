// Values the authoring page imports: no zod here, so the console chunk does not carry the schemas.

/** [A81] What one draft may hold at most: a hostile or careless draft costs its author only. */
export const DRAFT_LIMITS = {
  statementBytes: 64 * 1024,
  tests: 500,
  testBytes: 256 * 1024,
  solutions: 12,
  solutionBytes: 64 * 1024,
  draftBytes: 8 * 1024 * 1024,
  tags: 12,
  params: 12,
} as const;

/** A solution and the verdict it must get: accepted (a reference) or a known-bad one ([P10]). */
export const SOLUTION_KINDS = ['accepted', 'wrong_answer', 'time_limit'] as const;
export type SolutionKind = (typeof SOLUTION_KINDS)[number];
