import { IsolatedVmRunner } from './src/sandbox/IsolatedVmRunner.ts';
import { parseType } from './src/signature.ts';
const runner = new IsolatedVmRunner();
const mk = (n: number) => ({
  source: 'function solve(nums) { let s = 0; for (const n of nums) s += n; return s; }', filename: 'solution.js', functionName: 'solve',
  params: [parseType('int[]')], returnType: parseType('int'),
  tests: Array.from({ length: n }, (_, i) => ({ id: 't' + i, kind: 'hidden' as const, inputJson: `[[${i},${i + 1}]]`, expected: 2 * i + 1, seed: i })),
  startIndex: 0, limits: { cpuMs: 1000, wallMs: 1550, memoryMb: 64, outputBytes: 1 << 20, consoleBytes: 16384 }, checker: { type: 'exact' as const }, budgetDeadline: Number.MAX_SAFE_INTEGER });
for (const n of [1, 10, 10, 1, 10]) {
  const job = mk(n); const N = 100;
  const t = performance.now();
  for (let i = 0; i < N; i++) await runner.run(job, () => {});
  console.log(n, 'tests:', ((performance.now() - t) / N).toFixed(3), 'ms/job');
}
