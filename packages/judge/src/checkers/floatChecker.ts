import type { CheckResult } from './checkResult.ts';
import { compareDeep, sameNumber } from './exactChecker.ts';

export interface FloatTolerance {
  /** Accept |actual − expected| ≤ absTolerance. Default 1e-6. */
  absTolerance?: number;
  /** Accept |actual − expected| ≤ relTolerance × |expected|. Default 1e-6. */
  relTolerance?: number;
}

/**
 * The `float` checker ([J31]): every number in the answer may differ from the expected one by the
 * absolute or the relative tolerance, whichever is looser; NaN matches NaN and an infinity matches
 * the same infinity.
 */
export function floatChecker(expected: unknown, actual: unknown, options: FloatTolerance = {}): CheckResult {
  const abs = options.absTolerance ?? 1e-6;
  const rel = options.relTolerance ?? 1e-6;
  return compareDeep(expected, actual, (e, a) => {
    if (sameNumber(e, a)) return true;
    if (!Number.isFinite(e) || !Number.isFinite(a)) return false;
    const diff = Math.abs(a - e);
    return diff <= abs || diff <= rel * Math.abs(e);
  });
}
