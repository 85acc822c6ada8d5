import type { SandboxSettings } from '@assay/judge';
import { type Language, type LanguageAvailability, languageAvailability, languageDefinition } from '@assay/judge';
import fp from 'fastify-plugin';
import { LanguageUnavailable } from '../errors.ts';

/** [A130] Whether this server can judge each language, as probed once at start. */
export type LanguageAvailabilities = Record<Language, LanguageAvailability>;

export interface LanguagesOptions {
  /** Where the judge finds Python and bubblewrap (`config.sandbox`): probed once, here. */
  sandbox: Partial<SandboxSettings>;
  /** The availability to use instead of probing (tests). */
  availability?: LanguageAvailabilities | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** [A130] Whether this server can judge each language; probed once when the app was built. */
    languages: LanguageAvailabilities;
  }
}

/**
 * [A131] Refuses work in a language this server cannot judge (503, `API_ERR_LANGUAGE_UNAVAILABLE`) with
 * the probe's reason, which says what to install.
 */
export function requireJudgeable(availability: LanguageAvailabilities, language: Language): void {
  const known = availability[language];
  if (known && !known.available) throw languageUnavailable(language, known.reason);
}

/** [A131] The refusal for a language this server cannot judge, with the probe's reason. */
export function languageUnavailable(language: Language, reason: string) {
  return new LanguageUnavailable(languageDefinition(language).label, reason.replace(/\.$/, ''));
}

/** [A130] Probes the sandbox once (Python: bubblewrap starts and numpy imports) and decorates the app with it. */
export const languagesPlugin = fp<LanguagesOptions>(
  async (app, options) => {
    app.decorate('languages', options.availability ?? languageAvailability(options.sandbox));
  },
  { name: 'assay-languages' },
);
