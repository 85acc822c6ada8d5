import { LANGUAGE_DEFINITIONS } from '@assay/judge/languages';
import { isIdentifier, parseType, type TypeRef } from '@assay/judge/signature';
import { decodeWire } from '@assay/judge/values';
import type { DraftContent, DraftIssue } from './problemDrafts.ts';

// The fast checks of a draft ([A80]): pure and browser-safe, so the API's check and the authoring
// page's live errors are one function.

/** Where a test's file lives in the problem folder; issues about a test name it so. */
export const draftTestPath = (test: { kind: string; name: string }) => `tests/${test.kind}/${test.name}.json`;
export const draftSolutionPath = (s: DraftContent['solutions'][number]) =>
  `solutions/${s.category}/${s.name}${LANGUAGE_DEFINITIONS[s.language].extension}`;

/**
 * [A80] The fast checks, no judge run: the signature parses with the judge's type grammar, and every
 * test's arguments and expected value fit it (which test, which argument, what type was expected). Also
 * what writing the folder would hide: two tests or two solutions with the same file name.
 */
export function checkDraft(content: DraftContent): DraftIssue[] {
  const issues: DraftIssue[] = [];
  const { signature } = content;
  if (!isIdentifier(signature.function))
    issues.push({
      where: 'signature.function',
      message: `"${signature.function}" is not a function name: use a JavaScript identifier such as solve`,
    });
  const params: (TypeRef | undefined)[] = signature.params.map((param, i) => {
    if (!isIdentifier(param.name))
      issues.push({
        where: `signature.params.${i}.name`,
        message: `"${param.name}" is not a parameter name: use a JavaScript identifier such as nums`,
      });
    else if (signature.params.findIndex((p) => p.name === param.name) !== i)
      issues.push({ where: `signature.params.${i}.name`, message: `parameter "${param.name}" appears twice` });
    return parseOrIssue(param.type, `signature.params.${i}.type`, issues);
  });
  const returns = parseOrIssue(signature.returns, 'signature.returns', issues);
  if (content.checker.type === 'custom' && content.checker.source.trim() === '')
    issues.push({
      where: 'checker',
      message: 'a custom checker needs its code: define check(input, expected, actual)',
    });

  const names = new Map<string, string>();
  for (const test of content.tests) {
    const where = draftTestPath(test);
    const other = names.get(test.name);
    if (other) {
      issues.push({ where, message: `test name "${test.name}" is also used by ${other}; names must be unique` });
      continue;
    }
    names.set(test.name, where);
    if (test.args.length !== params.length) {
      issues.push({
        where,
        message: `has ${test.args.length} arguments; the signature has ${params.length} (${signature.params.map((p) => p.name).join(', ') || 'none'})`,
      });
    } else {
      for (const [j, type] of params.entries()) {
        if (!type) continue;
        fitOrIssue(test.args[j], type, `args[${j}] (${signature.params[j]?.name})`, where, issues);
      }
    }
    if (test.expected === undefined)
      issues.push({ where, message: 'has no expected value: write one, or use Compute expected outputs' });
    else if (returns) fitOrIssue(test.expected, returns, 'expected', where, issues);
  }
  const files = new Set<string>();
  for (const solution of content.solutions) {
    const path = draftSolutionPath(solution);
    if (files.has(path)) issues.push({ where: path, message: `two solutions are named ${path}: rename one` });
    files.add(path);
  }
  return issues;
}

function parseOrIssue(text: string, where: string, issues: DraftIssue[]): TypeRef | undefined {
  try {
    return parseType(text);
  } catch (error) {
    issues.push({ where, message: (error as Error).message });
    return undefined;
  }
}

function fitOrIssue(value: unknown, type: TypeRef, path: string, where: string, issues: DraftIssue[]): void {
  try {
    decodeWire(value, type, path);
  } catch (error) {
    issues.push({ where, message: (error as Error).message });
  }
}
