// `pnpm demo:judge`: the judge on its own, on an example problem, and the built-in problem library.
import { readFileSync } from 'node:fs';
import { Judge, type ProblemSpec } from '@assay/judge';
import { builtinPacks, loadPack } from '@assay/problems';

const example = (file: string) =>
  readFileSync(new URL(`../packages/judge/examples/two-sum/${file}`, import.meta.url), 'utf8');
const problem = JSON.parse(example('problem.json')) as ProblemSpec;
const judge = new Judge();
try {
  console.log('Assay judge demo\n');
  for (const [file, language] of [
    ['accepted.ts', 'typescript'],
    ['wrong.js', 'javascript'],
  ] as const) {
    const report = await judge.judge({ problem, submission: { language, source: example(file) }, mode: 'submit' });
    const ms = report.tests.reduce((sum, t) => sum + t.wallMs, 0);
    console.log(
      `  two-sum ← ${file.padEnd(12)} ${report.verdict.padEnd(13)} ${report.passed}/${report.total} hidden tests, ${report.tests.length} tests in ${ms.toFixed(1)} ms`,
    );
  }
  console.log('\nThe built-in problem library:');
  for (const dir of builtinPacks()) {
    const pack = loadPack(dir);
    console.log(
      `  ${pack.file.id} (${pack.problems.length} problems): ${pack.problems.map((p) => p.file.id).join(', ')}`,
    );
  }
  console.log('\nJudge your own solution:');
  console.log('  pnpm judge classics/number-of-islands my-solution.js');
} finally {
  await judge.close();
}
