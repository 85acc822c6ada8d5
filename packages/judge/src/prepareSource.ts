import { transform } from 'sucrase';
import { type Language, languageDefinition, type SourcePreparation } from './languages/languages.ts';
import type { CompileError } from './types.ts';

export const SOURCE_LIMIT_BYTES = 64 * 1024;

export type PreparedSource = { ok: true; js: string; filename: string } | { ok: false; error: CompileError };

/** The file name the candidate's code carries in stack traces and compile errors. */
export function sourceFilename(language: Language): string {
  return `solution${languageDefinition(language).extension}`;
}

type Transpiled = { ok: true; js: string } | { ok: false; error: CompileError };

/** What each kind of preparation a language may name does to a source ([J50]). */
const PREPARATIONS: Record<SourcePreparation, (source: string, filename: string) => Transpiled> = {
  'as-is': (source) => ({ ok: true, js: source }),
  'strip-types': (source, filename) => stripTypes(source, filename),
};

/** [J5] The compile error for a source over the size limit, or undefined when it fits. Cheap: the host checks it. */
export function sourceSizeError(source: string, limitBytes = SOURCE_LIMIT_BYTES): CompileError | undefined {
  const bytes = Buffer.byteLength(source, 'utf8');
  if (bytes <= limitBytes) return undefined;
  return {
    message: `your code is ${Math.ceil(bytes / 1024)} KB; the limit is ${Math.floor(limitBytes / 1024)} KB. Remove unused code or data`,
    line: 0,
    column: 0,
  };
}

/**
 * Turns the candidate's source into JavaScript for the isolate ([J5], [J6]). TypeScript loses its
 * types through sucrase, which keeps every line where it was, so stack traces and errors point at
 * the candidate's own lines. JavaScript is checked for syntax later, by V8 itself, in the sandbox.
 * Stripping can take exponential time on a hostile source, so the judge calls this only inside a
 * sandbox child, under the supervisor's deadline ([J27]).
 */
export function prepareSource(source: string, language: Language, limitBytes = SOURCE_LIMIT_BYTES): PreparedSource {
  const tooLarge = sourceSizeError(source, limitBytes);
  if (tooLarge) return { ok: false, error: tooLarge };
  const filename = sourceFilename(language);
  const prepared = PREPARATIONS[languageDefinition(language).preparation](source, filename);
  return prepared.ok ? { ok: true, js: prepared.js, filename } : prepared;
}

/**
 * TypeScript to JavaScript, types stripped by sucrase with every line kept in place ([J6]): the one
 * transpile of the project, for candidates' code and for problem authors' checker, harness and
 * solution files alike. A syntax error comes back with its line and column, not thrown.
 */
export function stripTypes(source: string, filename = 'source.ts'): Transpiled {
  try {
    const { code } = transform(source, {
      transforms: ['typescript'],
      disableESTransforms: true,
      filePath: filename,
    });
    return { ok: true, js: code };
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    const message =
      error instanceof Error
        ? error.message.replace(/^Error transforming [^:]*: /, '').replace(/\s*\(\d+:\d+\)$/, '')
        : String(error);
    return {
      ok: false,
      error: { message, line: loc?.line ?? 0, column: loc?.column ?? 0 },
    };
  }
}

/** Reads V8's "Message [file:line:column]" form of a compile error, as isolated-vm reports it. */
export function parseV8CompileError(message: string): CompileError {
  const match = /^(.*?)\s*\[[^\]]*:(\d+):(\d+)\]$/s.exec(message);
  if (!match) return { message, line: 0, column: 0 };
  return {
    message: match[1] ?? message,
    line: Number(match[2]),
    column: Number(match[3]),
  };
}
