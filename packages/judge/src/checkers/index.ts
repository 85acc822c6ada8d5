import type { CheckerSpec } from '../types.ts';
import type { CheckResult } from './checkResult.ts';
import { exactChecker } from './exactChecker.ts';
import { floatChecker } from './floatChecker.ts';
import { unorderedChecker } from './unorderedChecker.ts';

export type { CheckResult } from './checkResult.ts';
export { exactChecker } from './exactChecker.ts';
export { type FloatTolerance, floatChecker } from './floatChecker.ts';
export { unorderedChecker } from './unorderedChecker.ts';

/** Runs a built-in checker on plain values. Custom checkers run in their own isolate (customChecker.ts). */
export function runBuiltinChecker(
  spec: Exclude<CheckerSpec, { type: 'custom' }>,
  expected: unknown,
  actual: unknown,
): CheckResult {
  switch (spec.type) {
    case 'exact':
      return exactChecker(expected, actual);
    case 'float':
      return floatChecker(expected, actual, spec);
    case 'unordered':
      return unorderedChecker(expected, actual);
  }
}
