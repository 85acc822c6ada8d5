import { displayValue } from '../values.ts';
import { type CheckResult, OK, reject } from './checkResult.ts';

export type NumberEquality = (expected: number, actual: number) => boolean;

/** `===`, except that NaN equals NaN ([J30]). */
export const sameNumber: NumberEquality = (e, a) => e === a || (Number.isNaN(e) && Number.isNaN(a));

/** Deep comparison of plain values, with a message naming the first difference. */
export function compareDeep(expected: unknown, actual: unknown, equalNumbers: NumberEquality, path = ''): CheckResult {
  const where = path === '' ? '' : `at ${path}: `;
  if (typeof expected === 'number' && typeof actual === 'number') {
    return equalNumbers(expected, actual)
      ? OK
      : reject(`${where}expected ${displayValue(expected)}, got ${displayValue(actual)}`);
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) {
      return reject(`${where}expected ${expected.length} items, got ${actual.length}`);
    }
    for (let i = 0; i < expected.length; i++) {
      const result = compareDeep(expected[i], actual[i], equalNumbers, `${path}[${i}]`);
      if (!result.ok) return result;
    }
    return OK;
  }
  if (isRecord(expected) && isRecord(actual)) {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const key of keys) {
      if (!(key in actual)) return reject(`${where}key "${key}" is missing`);
      if (!(key in expected)) return reject(`${where}unexpected key "${key}"`);
      const result = compareDeep(expected[key], actual[key], equalNumbers, `${path}.${key}`);
      if (!result.ok) return result;
    }
    return OK;
  }
  return expected === actual ? OK : reject(`${where}expected ${displayValue(expected)}, got ${displayValue(actual)}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The `exact` checker: the answer equals the expected value, structurally. */
export function exactChecker(expected: unknown, actual: unknown): CheckResult {
  return compareDeep(expected, actual, sameNumber);
}
