import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { DraftContent, DraftIssue } from '@assay/contracts';
import { decodeWire, isIdentifier, LANGUAGE_DEFINITIONS, parseType, type TypeRef } from '@assay/judge';
import { type LoadedProblem, loadProblem, type PackIssue, serializeTest } from '@assay/problems';

/** Where a test's file lives in the problem folder; issues about a test name it so. */
export const testPath = (test: { kind: string; name: string }) => `tests/${test.kind}/${test.name}.json`;
export const solutionPath = (s: DraftContent['solutions'][number]) =>
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
    const where = testPath(test);
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
    const path = solutionPath(solution);
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

/** The problem.yaml a draft stands for; JSON is YAML, and the loader reads either. */
function problemYaml(problemId: string, content: DraftContent): string {
  const { checker } = content;
  return `${JSON.stringify(
    {
      id: problemId,
      title: content.title,
      difficulty: content.difficulty,
      tags: content.tags,
      limits: content.limits,
      signature: content.signature,
      checker: checker.type === 'float' ? checker : checker.type,
    },
    null,
    2,
  )}\n`;
}

/** A draft written out as a problem folder in a temporary directory, removed by `dispose`. */
export interface DraftFolder {
  dir: string;
  dispose(): void;
}

/**
 * [A83] Writes the draft as the problem folder `pnpm problems validate` reads: problem.yaml,
 * statement.md, checker.ts, tests/{sample,hidden}/*.json and solutions/<category>/*.{js,ts}.
 */
export function writeDraftFolder(problemId: string, content: DraftContent): DraftFolder {
  const root = mkdtempSync(join(tmpdir(), 'assay-draft-'));
  const dir = join(root, problemId);
  const write = (path: string, text: string) => {
    const file = join(dir, path);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, text);
  };
  try {
    write('problem.yaml', problemYaml(problemId, content));
    write('statement.md', content.statement);
    if (content.checker.type === 'custom') write('checker.ts', content.checker.source);
    for (const test of content.tests) {
      const { args, expected } = test;
      // A test without an expected value is written without one, so the loader names its file.
      write(
        testPath(test),
        expected === undefined ? `${JSON.stringify({ args })}\n` : serializeTest({ args, expected }),
      );
    }
    for (const solution of content.solutions) write(solutionPath(solution), solution.source);
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  return { dir, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

/** An issue from the pack tools, located relative to the problem folder. */
export function folderIssue(dir: string, issue: PackIssue): DraftIssue {
  const where = relative(dir, issue.file);
  return { where: where === '' || where.startsWith('..') ? 'problem' : where, message: issue.message };
}

/** Loads a written draft with the CLI's own loader; `issues` gets what is wrong, located in the folder. */
export function loadDraftFolder(
  folder: DraftFolder,
  packId: string,
): { problem: LoadedProblem | undefined; issues: DraftIssue[] } {
  const raw: PackIssue[] = [];
  const problem = existsSync(folder.dir) ? loadProblem(folder.dir, raw, packId) : undefined;
  return { problem, issues: raw.map((issue) => folderIssue(folder.dir, issue)) };
}
