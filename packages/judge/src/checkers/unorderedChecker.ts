import { displayValue } from '../values.ts';
import { type CheckResult, OK, reject } from './checkResult.ts';

/**
 * The `unordered` checker ([J32]): the answer is an array holding the same items as the expected array,
 * with the same multiplicities, in any order. Items themselves are compared exactly.
 */
export function unorderedChecker(expected: unknown, actual: unknown): CheckResult {
  if (!Array.isArray(expected) || !Array.isArray(actual)) {
    return reject(`expected an array, got ${displayValue(actual, 80)}`);
  }
  if (expected.length !== actual.length) return reject(`expected ${expected.length} items, got ${actual.length}`);
  const counts = new Map<string, number>();
  for (const item of expected) {
    const key = displayValue(item, Number.POSITIVE_INFINITY);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const item of actual) {
    const key = displayValue(item, Number.POSITIVE_INFINITY);
    const left = counts.get(key) ?? 0;
    if (left === 0) return reject(`unexpected item ${displayValue(item, 200)} (or it appears too often)`);
    counts.set(key, left - 1);
  }
  return OK;
}
