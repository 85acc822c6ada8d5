// The language registry ([J50]). Browser-safe: it imports nothing from node or isolated-vm, so the
// web app may use it (through `@assay/judge/languages`) for labels, editor modes and starter code.
import { type InteractiveStarter, jsFamilyStarter, type StarterSignature } from './jsFamilyStarter.ts';
import { pythonStarter } from './pythonStarter.ts';

/** The sandbox runners a language can name; each is a folder under src/runners/ ([J51]). */
export type RunnerId = 'isolated-vm' | 'python';

/** How a source becomes what its runner loads: as written, or with its TypeScript types stripped ([J6]). */
export type SourcePreparation = 'as-is' | 'strip-types';

/** One language the judge accepts. */
export interface LanguageDefinition {
  /** What requests, stored code and problem packs call it. */
  id: string;
  /** Its name as people read it. */
  label: string;
  /** Its file extension, with the dot: solutions, the CLI and editor models use it. */
  extension: string;
  /** Monaco's language id for its editor. */
  monacoId: string;
  /** How the source is prepared before its runner loads it ([J6], [J27]). */
  preparation: SourcePreparation;
  /** The runner that judges it ([J51]). */
  runner: RunnerId;
  /** The stub a candidate starts from ([P6]). */
  starterCode(signature: StarterSignature, interactive?: InteractiveStarter): string;
}

/**
 * Every language, in the order they are offered. Adding a language is one entry here plus, if it
 * needs one, its runner.
 */
export const LANGUAGE_DEFINITIONS = {
  javascript: {
    id: 'javascript',
    label: 'JavaScript',
    extension: '.js',
    monacoId: 'javascript',
    preparation: 'as-is',
    runner: 'isolated-vm',
    starterCode: (signature, interactive) => jsFamilyStarter(signature, false, interactive),
  },
  typescript: {
    id: 'typescript',
    label: 'TypeScript',
    extension: '.ts',
    monacoId: 'typescript',
    preparation: 'strip-types',
    runner: 'isolated-vm',
    starterCode: (signature, interactive) => jsFamilyStarter(signature, true, interactive),
  },
  python: {
    id: 'python',
    label: 'Python 3',
    extension: '.py',
    monacoId: 'python',
    preparation: 'as-is',
    runner: 'python',
    starterCode: (signature, interactive) => pythonStarter(signature, interactive),
  },
} as const satisfies Record<string, LanguageDefinition>;

/** A language id, such as `javascript`. */
export type Language = keyof typeof LANGUAGE_DEFINITIONS;

/** The language ids, in the order they are offered. */
export const LANGUAGES = Object.keys(LANGUAGE_DEFINITIONS) as [Language, ...Language[]];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && Object.hasOwn(LANGUAGE_DEFINITIONS, value);
}

/** The entry of a language; throws for an id the registry does not have, naming the ones it has. */
export function languageDefinition(language: Language): LanguageDefinition {
  if (!isLanguage(language))
    throw new TypeError(`unknown language "${String(language)}"; the judge knows ${LANGUAGES.join(', ')}`);
  return LANGUAGE_DEFINITIONS[language];
}

/** The language a file name's extension stands for (`reference.ts` is TypeScript), if any. */
export function languageOfFile(name: string): Language | undefined {
  return LANGUAGES.find((id) => name.endsWith(LANGUAGE_DEFINITIONS[id].extension));
}

/** Starter code for a signature in a language ([P6]). */
export function starterCode(signature: StarterSignature, language: Language, interactive?: InteractiveStarter): string {
  return languageDefinition(language).starterCode(signature, interactive);
}
