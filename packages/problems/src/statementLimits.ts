import type { ProblemSpec } from '@assay/judge';

/** How a CPU limit is written in a statement: `500 ms` below a second, `1.5 s` from a second on. */
export function formatCpuLimit(cpuMs: number): string {
  return cpuMs < 1000 ? `${cpuMs} ms` : `${cpuMs / 1000} s`;
}

/** [P23] The line a statement gives its limits in, as `validate` asks for it. */
export function limitsLine(limits: ProblemSpec['limits']): string {
  return `**Limits:** ${formatCpuLimit(limits.cpuMs)} of CPU time per test, ${limits.memoryMb} MB of memory.`;
}

/**
 * [P23] What is wrong with the limits a statement states: its `**Limits:**` line must give the problem's
 * CPU time per test (`N ms` or `N s`) and memory (`N MB`). Returns the problem, or undefined when the
 * statement agrees with problem.yaml.
 */
export function statementLimitsIssue(statement: string, limits: ProblemSpec['limits']): string | undefined {
  const expected = limitsLine(limits);
  const line = /^\*\*Limits:\*\*.*$/m.exec(statement)?.[0];
  if (!line) return `does not state the time and memory limits; add the line:\n${expected}`;
  const time = /(\d+(?:\.\d+)?)\s*(ms|s)\b/.exec(line);
  const memory = /(\d+)\s*MB\b/.exec(line);
  const statedMs = time ? Math.round(Number(time[1]) * (time[2] === 's' ? 1000 : 1)) : undefined;
  const statedMb = memory ? Number(memory[1]) : undefined;
  if (statedMs === limits.cpuMs && statedMb === limits.memoryMb) return undefined;
  return `states "${line}", but problem.yaml has cpuMs ${limits.cpuMs} and memoryMb ${limits.memoryMb}; write:\n${expected}`;
}
