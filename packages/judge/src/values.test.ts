import { describe, expect, it } from 'vitest';
import { parseType } from './signature.ts';
import { decodeWire, displayValue, ValueTypeError } from './values.ts';

describe('decodeWire', () => {
  it('[J2] turns tagged floats into the numbers JSON cannot write', () => {
    const floats = parseType('float[]');
    const decoded = decodeWire(
      [1.5, { $float: 'NaN' }, { $float: 'Infinity' }, { $float: '-Infinity' }, { $float: '-0' }],
      floats,
    ) as number[];
    expect(decoded[0]).toBe(1.5);
    expect(decoded[1]).toBeNaN();
    expect(decoded[2]).toBe(Number.POSITIVE_INFINITY);
    expect(decoded[3]).toBe(Number.NEGATIVE_INFINITY);
    expect(Object.is(decoded[4], -0)).toBe(true);
  });

  it('[J2] writes ListNode as the array of its values, and null as the empty list', () => {
    expect(decodeWire([1, 2, 3], parseType('ListNode'))).toEqual([1, 2, 3]);
    expect(decodeWire(null, parseType('ListNode'))).toEqual([]);
  });

  it('[J3] names the path of a value that does not fit its type', () => {
    expect(() => decodeWire([1, 'x'], parseType('int[]'))).toThrow(ValueTypeError);
    expect(() => decodeWire([1, 'x'], parseType('int[]'))).toThrow(
      'value[1]: expected number but found the string "x"',
    );
    expect(() => decodeWire(1.5, parseType('int'))).toThrow(/expected number but found number 1.5/);
    expect(() => decodeWire({ a: 1 }, parseType('{ a: int; b: int }'))).toThrow(/field "b" is missing/);
    expect(() => decodeWire({ a: 1, c: 2 }, parseType('{ a: int }'))).toThrow(/unexpected field "c"/);
  });
});

describe('displayValue', () => {
  it('shows NaN, infinities and -0 as such', () => {
    expect(displayValue([Number.NaN, Number.POSITIVE_INFINITY, -0, 1])).toBe('[NaN,Infinity,-0,1]');
  });
  it('caps long values and says how much was cut', () => {
    expect(displayValue('x'.repeat(50), 10)).toBe('"xxxxxxxxx… (42 more characters)');
  });
});
