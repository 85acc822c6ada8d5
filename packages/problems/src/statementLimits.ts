import { LANGUAGE_DEFINITIONS, LANGUAGES, type Language, limitsFor, type ProblemSpec } from '@assay/judge';

/** How a CPU limit is written in a statement: `500 ms` below a second, `1.5 s` from a second on. */
export function formatCpuLimit(cpuMs: number): string {
  return cpuMs < 1000 ? `${cpuMs} ms` : `${cpuMs / 1000} s`;
}

/**
 * How a statement names a language beside its own limit: its label without a version number
 * ("Python", not "Python 3"), since the limit is the language's, not one release's.
 */
export function statementLanguageName(language: Language): string {
  return LANGUAGE_DEFINITIONS[language].label.replace(/\s+\d+(\.\d+)*$/, '');
}

type Limit = 'cpuMs' | 'memoryMb';

/** The languages whose own limit differs from the problem's, as `(Python: 4 s)`; empty when none does. */
function overrides(problem: Pick<ProblemSpec, 'limits'>, limit: Limit, format: (value: number) => string): string {
  const own = LANGUAGES.flatMap((language) => {
    const value = limitsFor(problem as ProblemSpec, language)[limit];
    return value === problem.limits[limit] ? [] : [`${statementLanguageName(language)}: ${format(value)}`];
  });
  return own.length > 0 ? ` (${own.join(', ')})` : '';
}

/**
 * [P23], [P31] The line a statement gives its limits in, as `validate` asks for it: the problem's CPU
 * time and memory, each followed by the languages whose own limit differs.
 */
export function limitsLine(limits: ProblemSpec['limits']): string {
  const problem = { limits };
  const mb = (value: number) => `${value} MB`;
  return `**Limits:** ${formatCpuLimit(limits.cpuMs)} of CPU time per test${overrides(problem, 'cpuMs', formatCpuLimit)}, ${limits.memoryMb} MB of memory${overrides(problem, 'memoryMb', mb)}.`;
}

interface StatedLimits {
  cpuMs?: number;
  memoryMb?: number;
  /** Language names found in parentheses, with what they state. */
  languages: Map<string, { cpuMs?: number; memoryMb?: number }>;
}

const toMs = (value: string, unit: string) => Math.round(Number(value) * (unit === 's' ? 1000 : 1));

/**
 * Reads a `**Limits:**` line: the first time and memory outside parentheses are the problem's, and
 * `(Name: value, ...)` after a value gives languages' own values of the same kind.
 */
function readLimitsLine(line: string): StatedLimits {
  const stated: StatedLimits = { languages: new Map() };
  let lastKind: Limit | undefined;
  for (const match of line.matchAll(/\(([^)]*)\)|(\d+(?:\.\d+)?)\s*(ms|s|MB)\b/g)) {
    const [, inner, value, unit] = match;
    if (inner !== undefined) {
      for (const [, name, v, u] of inner.matchAll(/([A-Za-z][\w+# ]*?)\s*:\s*(\d+(?:\.\d+)?)\s*(ms|s|MB)\b/g)) {
        const kind: Limit = u === 'MB' ? 'memoryMb' : 'cpuMs';
        if (kind !== lastKind) continue;
        const key = (name as string).trim().toLowerCase();
        const entry = stated.languages.get(key) ?? {};
        entry[kind] = kind === 'cpuMs' ? toMs(v as string, u as string) : Number(v);
        stated.languages.set(key, entry);
      }
      continue;
    }
    lastKind = unit === 'MB' ? 'memoryMb' : 'cpuMs';
    if (stated[lastKind] === undefined)
      stated[lastKind] = lastKind === 'cpuMs' ? toMs(value as string, unit as string) : Number(value);
  }
  return stated;
}

function describeLimits(limits: ProblemSpec['limits']): string {
  const own = (limit: Limit) =>
    Object.entries(limits.languages ?? {})
      .filter(([, l]) => l?.[limit] !== undefined)
      .map(([language, l]) => `${language}: ${l?.[limit]}`);
  const extra = (limit: Limit) => (own(limit).length > 0 ? ` (${own(limit).join(', ')})` : '');
  return `cpuMs ${limits.cpuMs}${extra('cpuMs')} and memoryMb ${limits.memoryMb}${extra('memoryMb')}`;
}

/**
 * [P23], [P31] What is wrong with the limits a statement states: its `**Limits:**` line must give the
 * problem's CPU time per test (`N ms` or `N s`) and memory (`N MB`), and each language's own where it
 * differs (`(Python: 4 s)`). Returns the problem, or undefined when the statement agrees with
 * problem.yaml.
 */
export function statementLimitsIssue(statement: string, limits: ProblemSpec['limits']): string | undefined {
  const expected = limitsLine(limits);
  const line = /^\*\*Limits:\*\*.*$/m.exec(statement)?.[0];
  if (!line) return `does not state the time and memory limits; add the line:\n${expected}`;
  const stated = readLimitsLine(line);
  const names = new Map(LANGUAGES.map((language) => [statementLanguageName(language).toLowerCase(), language]));
  const unknown = [...stated.languages.keys()].find((name) => !names.has(name));
  const agrees =
    unknown === undefined &&
    stated.cpuMs === limits.cpuMs &&
    stated.memoryMb === limits.memoryMb &&
    LANGUAGES.every((language) => {
      const own = limitsFor({ limits } as ProblemSpec, language);
      const said = stated.languages.get(statementLanguageName(language).toLowerCase());
      return (said?.cpuMs ?? limits.cpuMs) === own.cpuMs && (said?.memoryMb ?? limits.memoryMb) === own.memoryMb;
    });
  if (agrees) return undefined;
  return `states "${line}", but problem.yaml has ${describeLimits(limits)}; write:\n${expected}`;
}
