// `@assay/judge/languages`: the language registry, browser-safe ([J50]).
export type { InteractiveStarter, StarterSignature } from './jsFamilyStarter.ts';
export {
  isLanguage,
  LANGUAGE_DEFINITIONS,
  LANGUAGES,
  type Language,
  type LanguageDefinition,
  languageDefinition,
  languageOfFile,
  type RunnerId,
  type SourcePreparation,
  starterCode,
} from './languages.ts';
export { PROGRAM_ENTRY, programStarter } from './programStarter.ts';
export { pythonStarter, pythonType } from './pythonStarter.ts';
