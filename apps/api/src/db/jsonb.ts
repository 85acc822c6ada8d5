import { type SQL, sql } from 'drizzle-orm';

/** What a NUL character (U+0000) is stored as: PostgreSQL's jsonb cannot hold U+0000 at all ([A20]). */
export const NUL_STAND_IN = '\u2400';

// A `\u0000` escape in JSON text, unless its backslash is itself escaped (an even run of backslashes
// before it means the text holds a literal backslash followed by "u0000", which is not a NUL).
const NUL_ESCAPE = /(?<!\\)((?:\\\\)*)\\u0000/g;

/**
 * JSON text that PostgreSQL's jsonb accepts, for any value: every NUL character, in keys and values,
 * becomes ␀ (U+2400). Candidates' console output and error messages can contain NUL; a report that
 * cannot be stored would leave its submission `running` for ever ([A20]).
 */
export function jsonbText(value: unknown): string {
  return JSON.stringify(value).replace(NUL_ESCAPE, `$1${NUL_STAND_IN}`);
}

/** `value` as a jsonb parameter, NUL-safe ([A20]). Every report write goes through it. */
export function jsonbValue(value: unknown): SQL {
  return sql`${jsonbText(value)}::jsonb`;
}
