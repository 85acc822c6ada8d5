import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Judge } from '@assay/judge';
import type { GeneratedTest, Generator } from './generatorKit.ts';
import type { LoadedProblem } from './loadProblem.ts';
import type { PackIssue } from './sourceIssues.ts';

/** The exact bytes of a stored test file ([P5]): one line of JSON. */
export function serializeTest(test: { args: unknown[]; expected: unknown; data?: unknown }): string {
  const { args, expected, data } = test;
  return `${JSON.stringify(data === undefined ? { args, expected } : { args, expected, data })}\n`;
}

export async function runGenerator(file: string): Promise<GeneratedTest[]> {
  const module = (await import(pathToFileURL(file).href)) as { default?: Generator };
  if (typeof module.default !== 'function')
    throw new Error(`${file} must export default a function that returns the tests`);
  return module.default();
}

/**
 * Writes the generator's tests under tests/hidden/, each with its expected value computed by the first
 * accepted JavaScript solution, so judging never depends on the reference's run ([P5]).
 */
export async function buildGeneratedTests(problem: LoadedProblem, judge: Judge): Promise<string[]> {
  if (!problem.generator) return [];
  const generated = await runGenerator(problem.generator);
  const reference = problem.solutions.find((s) => s.category === 'accepted' && s.language === 'javascript');
  const needReference = generated.filter((t) => t.expected === undefined);
  const answers = new Map<string, unknown>();
  if (needReference.length > 0) {
    if (!reference)
      throw new Error(`${problem.ref}: building tests needs a JavaScript solution in solutions/accepted/`);
    const report = await judge.judge({
      problem: { ...problem.spec, limits: { ...problem.spec.limits, cpuMs: problem.spec.limits.cpuMs * 10 } },
      submission: { language: reference.language, source: reference.source },
      mode: 'run',
      customInputs: needReference.map((t) => t.args),
    });
    const custom = report.tests.filter((t) => t.kind === 'custom');
    needReference.forEach((test, i) => {
      const result = custom[i];
      if (result?.verdict !== 'accepted' || result.answer === undefined) {
        throw new Error(
          `${problem.ref}: the reference failed on generated test ${test.name}: ${result?.verdict} ${result?.message ?? ''}`,
        );
      }
      answers.set(test.name, result.answer);
    });
  }
  const dir = join(problem.dir, 'tests', 'hidden');
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const test of generated) {
    const file = join(dir, `${test.name}.json`);
    const expected = test.expected ?? answers.get(test.name);
    const text = serializeTest({ args: test.args, expected, ...(test.data === undefined ? {} : { data: test.data }) });
    if (!existsSync(file) || readFileSync(file, 'utf8') !== text) {
      writeFileSync(file, text);
      written.push(file);
    }
  }
  return written;
}

/** [P5] The generator must reproduce every stored generated test byte for byte. */
export async function checkGeneratedTests(problem: LoadedProblem, issues: PackIssue[]): Promise<number> {
  if (!problem.generator) return 0;
  let generated: GeneratedTest[];
  try {
    generated = await runGenerator(problem.generator);
  } catch (error) {
    issues.push({ file: problem.generator, line: 1, message: `the generator failed: ${(error as Error).message}` });
    return 0;
  }
  for (const test of generated) {
    const file = join(problem.dir, 'tests', 'hidden', `${test.name}.json`);
    if (!existsSync(file)) {
      issues.push({
        file,
        line: 1,
        message: `generated test ${test.name} is not stored: run pnpm problems build ${problem.ref}`,
      });
      continue;
    }
    const stored = readFileSync(file, 'utf8');
    const expected = (JSON.parse(stored) as { expected: unknown }).expected;
    const rebuilt = serializeTest({
      args: test.args,
      expected: test.expected ?? expected,
      ...(test.data === undefined ? {} : { data: test.data }),
    });
    if (rebuilt !== stored) {
      issues.push({
        file,
        line: 1,
        message: `differs from what generator.ts produces now: run pnpm problems build ${problem.ref}`,
      });
    }
  }
  return generated.length;
}
