import { describe, expect, it } from 'vitest';
import { exactChecker, floatChecker, unorderedChecker } from './index.ts';

describe('exactChecker', () => {
  it('[J30] accepts structurally equal answers and NaN for NaN', () => {
    expect(exactChecker([[1, 2], [3]], [[1, 2], [3]])).toEqual({ ok: true });
    expect(exactChecker({ a: [1], b: 'x' }, { b: 'x', a: [1] })).toEqual({ ok: true });
    expect(exactChecker(Number.NaN, Number.NaN)).toEqual({ ok: true });
  });

  it('[J30] names the first difference', () => {
    expect(exactChecker([1, 2, 3], [1, 5, 3])).toEqual({ ok: false, message: 'at [1]: expected 2, got 5' });
    expect(exactChecker([1, 2], [1, 2, 3])).toEqual({ ok: false, message: 'expected 2 items, got 3' });
    expect(exactChecker({ a: 1 }, { b: 1 })).toEqual({ ok: false, message: 'key "a" is missing' });
    expect(exactChecker('abc', 'abd')).toEqual({ ok: false, message: 'expected "abc", got "abd"' });
    expect(exactChecker(0.1 + 0.2, 0.3).ok).toBe(false);
  });
});

describe('floatChecker', () => {
  it('[J31] accepts answers within the absolute or the relative tolerance', () => {
    expect(floatChecker(0.3, 0.1 + 0.2)).toEqual({ ok: true });
    expect(floatChecker(1e9, 1e9 + 100, { absTolerance: 1e-6, relTolerance: 1e-6 })).toEqual({ ok: true });
    expect(floatChecker(1, 1.01, { absTolerance: 0.02, relTolerance: 0 })).toEqual({ ok: true });
    expect(floatChecker([0.5, [0.25]], [0.5000000001, [0.2500000001]])).toEqual({ ok: true });
  });

  it('[J31] rejects answers outside both tolerances, and mismatched infinities', () => {
    expect(floatChecker(1, 1.01, { absTolerance: 1e-3, relTolerance: 1e-3 })).toEqual({
      ok: false,
      message: 'expected 1, got 1.01',
    });
    expect(floatChecker(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY).ok).toBe(false);
    expect(floatChecker(Number.NaN, 0).ok).toBe(false);
    expect(floatChecker(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY).ok).toBe(true);
  });
});

describe('unorderedChecker', () => {
  it('[J32] accepts the same items in any order, with multiplicity', () => {
    expect(
      unorderedChecker(
        [
          [1, 2],
          [3, 4],
          [1, 2],
        ],
        [
          [3, 4],
          [1, 2],
          [1, 2],
        ],
      ),
    ).toEqual({ ok: true });
  });

  it('[J32] rejects missing, extra or repeated items', () => {
    expect(unorderedChecker([1, 2, 2], [1, 1, 2])).toEqual({
      ok: false,
      message: 'unexpected item 1 (or it appears too often)',
    });
    expect(unorderedChecker([1, 2], [1])).toEqual({ ok: false, message: 'expected 2 items, got 1' });
    expect(unorderedChecker([1], 1).ok).toBe(false);
  });
});
