import { LANGUAGES, type Language } from '@assay/judge/languages';

/**
 * Every language a candidate can write in, by the id the API and web app exchange: the judge's language
 * registry names them ([J50]), so adding a language is one registry entry. No zod here, see index.ts.
 */
export const LANGUAGE_IDS: readonly [LanguageId, ...LanguageId[]] = LANGUAGES;
export type LanguageId = Language;
