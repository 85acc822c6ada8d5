import { describe, expect, it } from 'vitest';
import { signatureLines } from './signatureLine.ts';

const numIslands = { functionName: 'numIslands', params: [{ name: 'grid', type: 'string[]' }], returnType: 'int' };

describe('the signature line', () => {
  it('[W14] is written in the language being written, never in the judge’s pseudo-types', () => {
    expect(signatureLines(numIslands, 'typescript')).toEqual({ code: 'function numIslands(grid: string[]): number' });
    expect(signatureLines(numIslands, 'javascript')).toEqual({
      code: 'function numIslands(grid)',
      doc: '@param {string[]} grid · @returns {number}',
    });
    const merge = {
      functionName: 'merge',
      params: [
        { name: 'a', type: 'ListNode' },
        { name: 'weights', type: 'Record<string, float>' },
      ],
      returnType: 'int[] | null',
    };
    expect(signatureLines(merge, 'typescript').code).toBe(
      'function merge(a: ListNode | null, weights: Record<string, number>): number[] | null',
    );
  });

  it('[W64] in Python it is the def line of the starter, with its type hints', () => {
    expect(signatureLines(numIslands, 'python')).toEqual({ code: 'def numIslands(grid: List[str]) -> int' });
    const merge = {
      functionName: 'merge',
      params: [
        { name: 'a', type: 'ListNode' },
        { name: 'weights', type: 'Record<string, float>' },
      ],
      returnType: 'int[] | null',
    };
    expect(signatureLines(merge, 'python').code).toBe(
      'def merge(a: Optional[ListNode], weights: Dict[str, float]) -> Optional[List[int]]',
    );
  });
});
