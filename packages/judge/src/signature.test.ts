import { describe, expect, it } from 'vitest';
import { formatType, parseType, TypeSyntaxError } from './signature.ts';

describe('parseType', () => {
  it('[J1] reads primitives, arrays of any depth, ListNode and nullables', () => {
    expect(parseType('int')).toEqual({ kind: 'int' });
    expect(parseType('string[][]')).toEqual({ kind: 'array', of: { kind: 'array', of: { kind: 'string' } } });
    expect(parseType('ListNode[]')).toEqual({ kind: 'array', of: { kind: 'list' } });
    expect(parseType('int[] | null')).toEqual({ kind: 'nullable', of: { kind: 'array', of: { kind: 'int' } } });
    expect(parseType('(float | null)[]')).toEqual({ kind: 'array', of: { kind: 'nullable', of: { kind: 'float' } } });
  });

  it('[J1] reads records and object types', () => {
    expect(parseType('Record<string, float>')).toEqual({ kind: 'dict', of: { kind: 'float' } });
    expect(parseType('{ label: string; score: float }[]')).toEqual({
      kind: 'array',
      of: {
        kind: 'struct',
        fields: [
          { name: 'label', type: { kind: 'string' } },
          { name: 'score', type: { kind: 'float' } },
        ],
      },
    });
  });

  it('[J1] says what is wrong with a bad type', () => {
    expect(() => parseType('integer')).toThrow(TypeSyntaxError);
    expect(() => parseType('integer')).toThrow(/unknown type "integer"/);
    expect(() => parseType('int[')).toThrow(/unexpected "\["/);
    expect(() => parseType('Record<int, int>')).toThrow(/expected "string"/);
    expect(() => parseType('{ a: int; a: int }')).toThrow(/appears twice/);
    expect(() => parseType('')).toThrow(/ended early/);
  });

  it('writes types as TypeScript for starter code', () => {
    expect(formatType(parseType('int[][]'))).toBe('number[][]');
    expect(formatType(parseType('ListNode[]'))).toBe('(ListNode | null)[]');
    expect(formatType(parseType('{ a: bool, b: Record<string, string> }'))).toBe(
      '{ a: boolean; b: Record<string, string> }',
    );
  });
});
