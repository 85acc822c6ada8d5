import { describe, expect, it } from 'vitest';
import { nameTests, parseTests } from './testInput.ts';

describe('pasted tests', () => {
  it('[W27] reads a test, an array of tests and JSON Lines', () => {
    expect(parseTests('{"args": [[1, 2]], "expected": 3}')).toEqual([{ args: [[1, 2]], expected: 3 }]);
    expect(parseTests('[{"args": [1]}, {"args": [2], "expected": 4, "kind": "sample"}]')).toEqual([
      { args: [1] },
      { args: [2], expected: 4, kind: 'sample' },
    ]);
    expect(parseTests('{"args": [1], "expected": 1}\n{"args": [2], "expected": 4}\n')).toHaveLength(2);
  });

  it('[W27] says where pasted text stops being a test', () => {
    expect(() => parseTests('')).toThrow(/nothing to add/);
    expect(() => parseTests('{"expected": 3}')).toThrow(/the test has no "args" array/);
    expect(() => parseTests('{"args": [1]}\n{"args": [2}')).toThrow(/line 2 is not JSON/);
    expect(() => parseTests('[{"args": [1], "kind": "secret"}]')).toThrow(/test 1 has kind "secret"/);
  });

  it('[W27] names new tests after the ones there, keeping a usable name of their own', () => {
    const existing = [{ name: 'hidden-1', kind: 'hidden' as const, args: [] }];
    const named = nameTests(
      [{ args: [1] }, { args: [2], name: 'big' }, { args: [3], name: 'hidden-1' }],
      'hidden',
      existing,
    );
    expect(named.map((t) => t.name)).toEqual(['hidden-2', 'big', 'hidden-3']);
  });
});
