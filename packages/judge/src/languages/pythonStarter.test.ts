import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { StarterSignature } from './jsFamilyStarter.ts';
import { pythonStarter } from './pythonStarter.ts';

const PYTHON = '/usr/bin/python3';
const hasPython = existsSync(PYTHON);
const needsPython = hasPython ? '' : ` (skipped: ${PYTHON} is missing; install python3 to run it)`;

/**
 * Compiles each source with py_compile's machinery and then runs it as the judge would, with ListNode
 * and the interactive functions in its globals, so that the annotations are evaluated too. Returns
 * what Python printed for the sources that failed.
 */
function pythonErrors(sources: string[]): string {
  const script = [
    'import json, sys',
    'class ListNode:',
    '    def __init__(self, val=0, next=None):',
    '        self.val, self.next = val, next',
    'failed = []',
    'for i, source in enumerate(json.load(sys.stdin)):',
    '    try:',
    "        exec(compile(source, f'starter-{i}.py', 'exec'), {'ListNode': ListNode, 'knows': lambda a, b: False})",
    '    except Exception as error:',
    "        failed.append(f'starter {i}: {type(error).__name__}: {error}')",
    "print('\\n'.join(failed))",
  ].join('\n');
  const run = spawnSync(PYTHON, ['-c', script], { input: JSON.stringify(sources), encoding: 'utf8' });
  return `${run.stdout}${run.stderr}`.trim();
}

const SIGNATURES: StarterSignature[] = [
  { function: 'numIslands', params: [{ name: 'grid', type: 'string[]' }], returns: 'int' },
  { function: 'mergeKLists', params: [{ name: 'lists', type: 'ListNode[]' }], returns: 'ListNode' },
  {
    function: 'aggregateByKey',
    params: [
      { name: 'records', type: '{ key: string; value: float }[]' },
      { name: 'limit', type: 'int' },
    ],
    returns: '{ key: string; count: int; mean: float }[]',
  },
  {
    function: 'everything',
    params: [
      { name: 'from', type: 'Record<string, int[]>' },
      { name: 'maybe', type: 'float | null' },
      { name: 'flag', type: 'bool' },
      { name: 'anything', type: 'any' },
      { name: 'head', type: 'ListNode | null' },
    ],
    returns: 'Record<string, { ok: bool; items: int[] }> | null',
  },
];

describe('pythonStarter', () => {
  it("[P33] writes LeetCode's ListNode definition and a type-hinted stub", () => {
    expect(pythonStarter(SIGNATURES[1] as StarterSignature)).toBe(
      [
        'from typing import List, Optional',
        '',
        '# Definition for singly-linked list, provided by the judge (an empty list is None):',
        '# class ListNode:',
        '#     def __init__(self, val=0, next=None):',
        '#         self.val = val',
        '#         self.next = next',
        '',
        '',
        'def mergeKLists(lists: List[Optional[ListNode]]) -> Optional[ListNode]:',
        '    # Write your solution here.',
        '    pass',
        '',
      ].join('\n'),
    );
  });

  it('[P33] documents the keys of struct types, in and out', () => {
    expect(pythonStarter(SIGNATURES[2] as StarterSignature)).toBe(
      [
        'from typing import List',
        '',
        '',
        'def aggregateByKey(records: List[dict], limit: int) -> List[dict]:',
        '    # records: a list of dicts {"key": str, "value": float}',
        '    # Return a list of dicts {"key": str, "count": int, "mean": float}.',
        '    # Write your solution here.',
        '    pass',
        '',
      ].join('\n'),
    );
  });

  it('[P33] declares the interactive functions the judge provides, in Python form', () => {
    const starter = pythonStarter(
      { function: 'findCelebrity', params: [{ name: 'n', type: 'int' }], returns: 'int' },
      { functions: ['knows'], declarations: { knows: 'knows(a: int, b: int) -> bool' } },
    );
    expect(starter).toBe(
      [
        '# Provided by the judge: call it, do not define it.',
        '# def knows(a: int, b: int) -> bool: ...',
        '',
        '',
        'def findCelebrity(n: int) -> int:',
        '    # Write your solution here.',
        '    pass',
        '',
      ].join('\n'),
    );
  });

  it('[P33] renames a parameter named like a Python keyword, so the stub still compiles', () => {
    expect(pythonStarter(SIGNATURES[3] as StarterSignature)).toContain(
      'def everything(from_: Dict[str, List[int]], maybe: Optional[float], flag: bool, anything: Any, head: Optional[ListNode]) -> Optional[Dict[str, dict]]:',
    );
  });

  it.skipIf(!hasPython)(`[P33] every stub compiles and loads in Python 3${needsPython}`, () => {
    const sources = SIGNATURES.map((signature) => pythonStarter(signature));
    sources.push(
      pythonStarter(
        { function: 'findCelebrity', params: [{ name: 'n', type: 'int' }], returns: 'int' },
        { functions: ['knows'], declarations: { knows: 'knows(a: int, b: int) -> bool' } },
      ),
    );
    expect(pythonErrors(sources)).toBe('');
    // The check itself can fail: a stub Python cannot compile is reported.
    expect(pythonErrors(['def f(from: int) -> int:\n    pass\n'])).toMatch(/starter 0: SyntaxError/);
  });
});
