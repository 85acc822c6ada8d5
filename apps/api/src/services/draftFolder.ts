import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { type DraftContent, type DraftIssue, draftSolutionPath, draftTestPath } from '@assay/contracts';
import { type LoadedProblem, loadProblem, type PackIssue, serializeTest } from '@assay/problems';

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
        draftTestPath(test),
        expected === undefined ? `${JSON.stringify({ args })}\n` : serializeTest({ args, expected }),
      );
    }
    for (const solution of content.solutions) write(draftSolutionPath(solution), solution.source);
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
