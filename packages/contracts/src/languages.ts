/** Every language a candidate can write in, by the id the API and web app exchange. No zod here, see index.ts. */
export const LANGUAGE_IDS = ['javascript', 'typescript'] as const;
export type LanguageId = (typeof LANGUAGE_IDS)[number];
