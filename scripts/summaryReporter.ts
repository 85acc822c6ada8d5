import type { Reporter, TestModule } from 'vitest/node';

/** Ends a run with one plain line, "tests: N passed, N failed, N skipped", that CI reads. */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0, pending: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) counts[test.result().state]++;
    }
    const failed = counts.failed + testModules.filter((m) => m.state() === 'failed' && !m.children.size).length;
    process.stdout.write(
      `\ntests: ${counts.passed} passed, ${failed} failed, ${counts.skipped + counts.pending} skipped\n`,
    );
  }
}
