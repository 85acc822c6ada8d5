import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';

/** One thing wrong with a pack, located as `path:line` ([P3] in SPEC.md). */
export interface PackIssue {
  file: string;
  line: number;
  message: string;
}

export function formatIssue(issue: PackIssue, root = process.cwd()): string {
  return `${relative(root, issue.file) || issue.file}:${issue.line}: ${issue.message}`;
}

/** Thrown when a pack or problem cannot be loaded; carries every issue found. */
export class PackError extends Error {
  override name = 'PackError';
  readonly code = 'PROBLEMS_ERR_INVALID';
  constructor(readonly issues: PackIssue[]) {
    super(issues.map((i) => formatIssue(i)).join('\n'));
  }
}

/**
 * Reads a YAML (or JSON) file and checks it against a schema. Every schema issue is reported at the
 * line of the value it concerns, or of the nearest enclosing value that exists.
 */
export function readYamlFile<T extends z.ZodType>(
  file: string,
  schema: T,
  issues: PackIssue[],
): z.infer<T> | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    issues.push({ file, line: 1, message: 'the file is missing' });
    return undefined;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      issues.push({ file, line: lineCounter.linePos(error.pos[0]).line, message: error.message.split('\n')[0] ?? '' });
    }
    return undefined;
  }
  const parsed = schema.safeParse(doc.toJS());
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    issues.push({
      file,
      line: lineOf(doc, path, lineCounter),
      message: `${path.join('.') || '(top level)'}: ${issue.message}`,
    });
  }
  return undefined;
}

function lineOf(doc: ReturnType<typeof parseDocument>, path: (string | number)[], lineCounter: LineCounter): number {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)) {
      return lineCounter.linePos(node.range[0] as number).line;
    }
    if (n > 0 && (isMap(node) || isSeq(node))) continue;
  }
  return 1;
}
