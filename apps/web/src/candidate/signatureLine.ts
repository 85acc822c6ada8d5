import type { LanguageId, Task } from '@assay/contracts';
import { pythonType } from '@assay/judge/languages';
import { formatType, parseType } from '@assay/judge/signature';

/** The problem's types as TypeScript writes them; a type the grammar does not know is shown as written. */
function tsType(text: string): string {
  try {
    return formatType(parseType(text));
  } catch {
    return text;
  }
}

/** The problem's types as Python's hints ([J60]); a type the grammar does not know is shown as written. */
function pyType(text: string): string {
  try {
    return pythonType(parseType(text));
  } catch {
    return text;
  }
}

/**
 * The function to write, in the language being written ([W14]): TypeScript gets its own types
 * (`function f(grid: string[]): number`); Python its hints (`def f(grid: List[str]) -> int`, [W64]);
 * JavaScript a plain header with the types as JSDoc.
 */
export function signatureLines(signature: Task['signature'], language: LanguageId): { code: string; doc?: string } {
  const { functionName, params, returnType } = signature;
  if (language === 'python') {
    const list = params.map((p) => `${p.name}: ${pyType(p.type)}`).join(', ');
    return { code: `def ${functionName}(${list}) -> ${pyType(returnType)}` };
  }
  if (language === 'typescript') {
    const list = params.map((p) => `${p.name}: ${tsType(p.type)}`).join(', ');
    return { code: `function ${functionName}(${list}): ${tsType(returnType)}` };
  }
  return {
    code: `function ${functionName}(${params.map((p) => p.name).join(', ')})`,
    doc: [...params.map((p) => `@param {${tsType(p.type)}} ${p.name}`), `@returns {${tsType(returnType)}}`].join(' · '),
  };
}
