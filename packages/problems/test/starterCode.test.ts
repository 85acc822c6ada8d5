import { join } from 'node:path';
import { Judge } from '@assay/judge';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BUILTIN_PACKS_DIR,
  builtinPacks,
  exampleText,
  loadPack,
  loadProblemOrThrow,
  starterCode,
} from '../src/index.ts';

describe('starterCode', () => {
  const signature = { function: 'mergeKLists', params: [{ name: 'lists', type: 'ListNode[]' }], returns: 'ListNode' };

  it('[P6] writes a typed TypeScript stub with the ListNode declaration', () => {
    expect(starterCode(signature, 'typescript')).toBe(
      [
        '/**',
        ' * Provided by the judge:',
        ' * function ListNode(val, next) { this.val = val ?? 0; this.next = next ?? null; }',
        ' */',
        'declare class ListNode {',
        '  val: number;',
        '  next: ListNode | null;',
        '  constructor(val?: number, next?: ListNode | null);',
        '}',
        '',
        'function mergeKLists(lists: (ListNode | null)[]): ListNode | null {',
        '  // Write your solution here.',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('[P6] writes a JSDoc-annotated JavaScript stub', () => {
    const js = starterCode(
      {
        function: 'twoSum',
        params: [
          { name: 'nums', type: 'int[]' },
          { name: 'target', type: 'int' },
        ],
        returns: 'int[]',
      },
      'javascript',
    );
    expect(js).toBe(
      [
        '/**',
        ' * @param {number[]} nums',
        ' * @param {number} target',
        ' * @return {number[]}',
        ' */',
        'function twoSum(nums, target) {',
        '  // Write your solution here.',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('[P6] declares interactive functions for TypeScript', () => {
    const ts = starterCode(
      { function: 'findCelebrity', params: [{ name: 'n', type: 'int' }], returns: 'int' },
      'typescript',
      {
        functions: ['knows'],
        declarations: { knows: 'knows(a: number, b: number): boolean' },
      },
    );
    expect(ts).toContain('declare function knows(a: number, b: number): boolean;');
    expect(ts).toContain('function findCelebrity(n: number): number {');
  });

  it('[P6] the generated stubs compile in the judge (starter code is runnable)', () => {
    const problem = loadProblemOrThrow(join(BUILTIN_PACKS_DIR, 'classics', 'number-of-islands'), 'classics');
    expect(problem.starter.typescript).toContain('function numIslands(grid: string[]): number {');
    expect(problem.starter.javascript).toContain(' * @param {string[]} grid');
  });

  it('[P33] declares interactive functions for Python in Python form', () => {
    const problem = loadProblemOrThrow(join(BUILTIN_PACKS_DIR, 'classics', 'find-the-celebrity'), 'classics');
    expect(problem.starter.python).toContain('# def knows(a: int, b: int) -> bool: ...');
    expect(problem.starter.python).toContain('def findCelebrity(n: int) -> int:');
  });

  const judge = new Judge({ concurrency: 2 });
  afterAll(() => judge.close());
  const python = judge.availability.python;
  it.skipIf(!python.available)(
    `[P33] every built-in problem's Python starter runs in the judge: it answers wrong and does not fail to compile${python.available ? '' : ` (skipped: ${python.reason})`}`,
    async () => {
      const problems = builtinPacks().flatMap((dir) => loadPack(dir).problems);
      const verdicts = await Promise.all(
        problems.map(async (problem) => {
          const report = await judge.judge({
            problem: problem.spec,
            submission: { language: 'python', source: problem.starter.python },
            mode: 'run',
          });
          return `${problem.ref}: ${report.verdict}`;
        }),
      );
      // A stub returns None: a wrong answer, or a runtime error where None is not of the declared type.
      expect(verdicts).toEqual(
        problems.map((p) => expect.stringMatching(new RegExp(`^${p.ref}: (wrong_answer|runtime_error)$`))),
      );
    },
  );
});

describe('exampleText', () => {
  it('[P8] writes a sample as the Input/Output block the statement must contain', () => {
    const signature = {
      functionName: 'f',
      params: [
        { name: 'xs', type: 'float[]' },
        { name: 'head', type: 'ListNode' },
      ],
      returnType: 'float',
    };
    const test = {
      id: 's',
      kind: 'sample' as const,
      args: [
        [0.5, { $float: 'NaN' }],
        [1, 2],
      ],
      expected: { $float: '-Infinity' },
    };
    expect(exampleText(test, signature)).toBe('Input: xs = [0.5,NaN], head = [1,2]\nOutput: -Infinity');
  });
});
