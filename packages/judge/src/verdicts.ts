/**
 * Verdicts, in the one priority order that summarises a submission ([J20] in SPEC.md):
 * the first verdict in this list that any test received is the submission's verdict.
 */
export const VERDICT_PRIORITY = [
  'internal_error',
  'compile_error',
  'time_limit_exceeded',
  'memory_limit_exceeded',
  'output_limit_exceeded',
  'runtime_error',
  'wrong_answer',
  'accepted',
] as const;

export type Verdict = (typeof VERDICT_PRIORITY)[number];

/** Verdicts that come from running the code; a checker is not consulted for any of them. */
export type RunFailureVerdict = Exclude<Verdict, 'accepted' | 'wrong_answer' | 'compile_error'>;

const RANK: ReadonlyMap<Verdict, number> = new Map(VERDICT_PRIORITY.map((v, i) => [v, i]));

/** The summary verdict of a set of test verdicts; `accepted` for an empty set. */
export function summarizeVerdicts(verdicts: Iterable<Verdict>): Verdict {
  let best: Verdict = 'accepted';
  for (const v of verdicts) {
    if ((RANK.get(v) ?? 0) < (RANK.get(best) ?? 0)) best = v;
  }
  return best;
}

export function isVerdict(value: unknown): value is Verdict {
  return typeof value === 'string' && RANK.has(value as Verdict);
}
