import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseDocument } from 'yaml';
import { limitsLine } from './statementLimits.ts';

/** A scaffold that would overwrite something; the message says what. */
export class ScaffoldError extends Error {
  override name = 'ScaffoldError';
  readonly code = 'PROBLEMS_ERR_SCAFFOLD';
}

const title = (id: string) =>
  id.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => `${dash ? ' ' : ''}${c.toUpperCase()}`);

/**
 * `pnpm problems new <pack> <id>` ([P13]): creates the problem folder with a template of every file and
 * appends the id to pack.yaml (creating the pack if needed). The result runs, but the validator will
 * ask for the real tests and solutions.
 */
export function scaffoldProblem(packDir: string, id: string): string[] {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id))
    throw new ScaffoldError(`"${id}" is not a problem id: use lowercase letters, digits and dashes`);
  const problemDir = join(packDir, id);
  if (existsSync(problemDir)) throw new ScaffoldError(`${problemDir} already exists`);
  const created: string[] = [];
  const write = (path: string, text: string) => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
    created.push(path);
  };
  const packFile = join(packDir, 'pack.yaml');
  if (!existsSync(packFile)) {
    const packId = basename(packDir);
    write(
      packFile,
      `id: ${packId}\ntitle: ${title(packId)}\ndescription: Describe this pack.\nversion: 0.1.0\nproblems:\n  - ${id}\n`,
    );
  } else {
    const doc = parseDocument(readFileSync(packFile, 'utf8'));
    const problems = doc.get('problems');
    if (problems && typeof problems === 'object' && 'add' in problems) (problems as { add(v: string): void }).add(id);
    else doc.set('problems', [id]);
    writeFileSync(packFile, doc.toString());
  }
  write(
    join(problemDir, 'problem.yaml'),
    `id: ${id}\ntitle: ${title(id)}\ndifficulty: easy\ntags: []\nlimits:\n  cpuMs: 1000\n  memoryMb: 128\n  # languages: # a language's own limits where it needs others; the statement's Limits line states them\n  #   python:\n  #     cpuMs: 3000\nsignature:\n  function: solve\n  params:\n    - name: nums\n      type: int[]\n  returns: int\nchecker: exact\n`,
  );
  write(
    join(problemDir, 'statement.md'),
    `# ${title(id)}\n\nGiven an array of integers \`nums\`, return their sum.\n\n## Examples\n\n\`\`\`\nInput: nums = [1,2,3]\nOutput: 6\n\`\`\`\n\n## Constraints\n\n- \`0 <= nums.length <= 10^5\`\n\n${limitsLine({ cpuMs: 1000, memoryMb: 128 })}\n`,
  );
  write(join(problemDir, 'tests', 'sample', '1.json'), '{"args":[[1,2,3]],"expected":6}\n');
  write(join(problemDir, 'tests', 'hidden', 'empty.json'), '{"args":[[]],"expected":0}\n');
  write(
    join(problemDir, 'solutions', 'accepted', 'reference.js'),
    '// @idiomatic\nfunction solve(nums) {\n  let sum = 0;\n  for (const n of nums) sum += n;\n  return sum;\n}\n',
  );
  write(
    join(problemDir, 'solutions', 'accepted', 'reference.ts'),
    'function solve(nums: number[]): number {\n  let sum = 0;\n  for (const n of nums) sum += n;\n  return sum;\n}\n',
  );
  write(
    join(problemDir, 'solutions', 'accepted', 'reference.py'),
    '# @idiomatic\ndef solve(nums: list[int]) -> int:\n    total = 0\n    for n in nums:\n        total += n\n    return total\n',
  );
  write(
    join(problemDir, 'solutions', 'wrong_answer', 'first-only.js'),
    'function solve(nums) {\n  return nums[0] ?? 0;\n}\n',
  );
  write(
    join(problemDir, 'solutions', 'time_limit', 'quadratic.js'),
    'function solve(nums) {\n  let sum = 0;\n  for (let i = 0; i < nums.length; i++) for (let j = 0; j <= i; j++) if (i === j) sum += nums[i];\n  return sum;\n}\n',
  );
  return created;
}
