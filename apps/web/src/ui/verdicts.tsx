/** How each judge verdict reads to a candidate, and its colour. */
const VERDICTS: Record<string, { label: string; tone: 'ok' | 'bad' | 'warn' }> = {
  accepted: { label: 'Accepted', tone: 'ok' },
  wrong_answer: { label: 'Wrong answer', tone: 'bad' },
  runtime_error: { label: 'Runtime error', tone: 'bad' },
  time_limit_exceeded: { label: 'Time limit exceeded', tone: 'warn' },
  memory_limit_exceeded: { label: 'Memory limit exceeded', tone: 'warn' },
  output_limit_exceeded: { label: 'Output limit exceeded', tone: 'warn' },
  compile_error: { label: 'Compile error', tone: 'bad' },
  internal_error: { label: 'Internal error', tone: 'warn' },
};

export function verdictLabel(verdict: string): string {
  return VERDICTS[verdict]?.label ?? verdict.replaceAll('_', ' ');
}

export function verdictTone(verdict: string): 'ok' | 'bad' | 'warn' {
  return VERDICTS[verdict]?.tone ?? 'warn';
}

export function VerdictBadge({ verdict }: { verdict: string }) {
  return <span className={`badge badge-${verdictTone(verdict)}`}>{verdictLabel(verdict)}</span>;
}
