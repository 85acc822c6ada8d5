import type { JudgeReport } from '../types.ts';

/** The `--json` shape of the command line ([J40]). */
export function toJsonSummary(report: JudgeReport) {
  return {
    verdict: report.verdict,
    score: report.score,
    passed: report.passed,
    total: report.total,
    tests: report.tests.map((t) => ({
      id: t.id,
      verdict: t.verdict,
      cpuMs: t.cpuMs,
      wallMs: t.wallMs,
      ...(t.message === undefined ? {} : { message: t.message }),
    })),
    ...(report.compileError ? { compileError: report.compileError } : {}),
  };
}

function pad(text: string, width: number, right = false): string {
  const cut = text.length > width ? `${text.slice(0, width - 1)}…` : text;
  return right ? cut.padStart(width) : cut.padEnd(width);
}

/** A readable table of a report for a terminal. */
export function formatReport(
  report: JudgeReport,
  context: { problemPath: string; solutionPath: string; language: string },
): string {
  const lines = [`${context.problemPath} · ${report.mode} · ${context.solutionPath} (${context.language})`, ''];
  if (report.compileError) {
    const { line, column, message } = report.compileError;
    lines.push(line > 0 ? `compile error at line ${line}, column ${column}: ${message}` : `compile error: ${message}`);
  } else {
    const idWidth = Math.max(4, ...report.tests.map((t) => t.id.length));
    lines.push(
      `${pad('#', 3, true)}  ${pad('test', idWidth)}  ${pad('kind', 6)}  ${pad('verdict', 21)}  ${pad('cpu ms', 8, true)}  ${pad('wall ms', 8, true)}  message`,
    );
    report.tests.forEach((t, i) => {
      lines.push(
        `${pad(String(i + 1), 3, true)}  ${pad(t.id, idWidth)}  ${pad(t.kind, 6)}  ${pad(t.verdict, 21)}  ${pad(t.cpuMs.toFixed(1), 8, true)}  ${pad(t.wallMs.toFixed(1), 8, true)}  ${(t.message ?? '').split('\n')[0]}`,
      );
    });
  }
  lines.push('');
  const what = report.mode === 'submit' ? 'hidden tests' : 'tests';
  lines.push(
    `verdict: ${report.verdict} · ${report.passed}/${report.total} ${what} passed · score ${Math.round(report.score * 100)}%`,
  );
  return `${lines.join('\n')}\n`;
}
