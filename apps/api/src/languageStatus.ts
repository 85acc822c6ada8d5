import { LANGUAGE_DEFINITIONS, LANGUAGES, type Language, type LanguageAvailability } from '@assay/judge';

/**
 * [A140] One line for the start-up banner (`pnpm start`, `pnpm worker`): the languages this machine
 * judges, then each one it cannot with the judge's reason, which says what to install. Languages that
 * share a reason (one runner) are named together.
 */
export function languageStatusLine(availability: Record<Language, LanguageAvailability>): string {
  const working: string[] = [];
  const missing = new Map<string, string[]>();
  for (const language of LANGUAGES) {
    const state = availability[language];
    const label = LANGUAGE_DEFINITIONS[language].label;
    if (state.available) working.push(label);
    else missing.set(state.reason, [...(missing.get(state.reason) ?? []), label]);
  }
  const parts = working.length > 0 ? [`${listed(working)} ${working.length > 1 ? 'work' : 'works'}`] : [];
  for (const [reason, labels] of missing) parts.push(`${listed(labels)} cannot be judged here: ${reason}`);
  return parts.join('; ');
}

function listed(labels: string[]): string {
  return labels.length > 1 ? `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}` : (labels[0] ?? '');
}
