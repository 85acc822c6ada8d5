import type { DraftContent } from '@assay/contracts';
import { limitsLine } from '@assay/problems';

const limits = { cpuMs: 200, memoryMb: 128 };
const samples = [
  [[1, 2, 3], 6],
  [[], 0],
  [[-5, 5, 10], 10],
] as const;

/** A sum-of-array problem that passes every rule of `pnpm problems validate`. */
export function validContent(): DraftContent {
  const examples = samples
    .map(([nums, sum]) => `\`\`\`\nInput: nums = ${JSON.stringify(nums)}\nOutput: ${sum}\n\`\`\``)
    .join('\n\n');
  return {
    title: 'Sum It Up',
    difficulty: 'easy',
    tags: ['arrays'],
    statement: `# Sum It Up\n\nReturn the sum of \`nums\`.\n\n${examples}\n\n${limitsLine(limits)}\n`,
    signature: { function: 'solve', params: [{ name: 'nums', type: 'int[]' }], returns: 'int' },
    checker: { type: 'exact' },
    limits,
    tests: [
      ...samples.map(([nums, sum], i) => ({ name: `s${i + 1}`, kind: 'sample' as const, args: [nums], expected: sum })),
      ...Array.from({ length: 15 }, (_, i) => {
        const nums = Array.from({ length: 50 + i * 20 }, (_, j) => ((j * 7 + i) % 19) - 9);
        return { name: `h${i + 1}`, kind: 'hidden' as const, args: [nums], expected: nums.reduce((a, b) => a + b, 0) };
      }),
    ],
    solutions: [
      {
        name: 'reference',
        category: 'accepted',
        language: 'javascript',
        source:
          '// @idiomatic\nfunction solve(nums) {\n  let s = 0;\n  for (const n of nums) s += n;\n  return s;\n}\n',
      },
      {
        name: 'reference',
        category: 'accepted',
        language: 'typescript',
        source: 'function solve(nums: number[]): number {\n  return nums.reduce((a, b) => a + b, 0);\n}\n',
      },
      {
        name: 'reference',
        category: 'accepted',
        language: 'python',
        source: '# @idiomatic\nfrom typing import List\n\n\ndef solve(nums: List[int]) -> int:\n    return sum(nums)\n',
      },
      {
        name: 'first-only',
        category: 'wrong_answer',
        language: 'javascript',
        source: 'function solve(nums) { return nums[0] ?? 0; }\n',
      },
      {
        name: 'forever',
        category: 'time_limit',
        language: 'javascript',
        source: 'function solve(nums) { for (;;) {} }\n',
      },
    ],
  };
}
