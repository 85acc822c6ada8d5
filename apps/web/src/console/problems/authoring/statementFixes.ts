import type { DraftIssue } from '@assay/contracts';

/** A statement issue from Validate whose message ends with the exact text to write ([P8], [P23]). */
export interface StatementFix {
  issue: DraftIssue;
  /** The first line of the message: what is wrong. */
  summary: string;
  /** What to write, as Validate gave it. */
  text: string;
}

const LIMITS_LINE = /^\*\*Limits:\*\*.*$/m;

/** The statement issues that say what to write, and are not written yet. */
export function statementFixes(issues: DraftIssue[], statement: string): StatementFix[] {
  return issues
    .filter((issue) => issue.where === 'statement.md' && issue.message.includes('\n'))
    .map((issue) => {
      const [summary = '', ...rest] = issue.message.split('\n');
      return { issue, summary: summary.replace(/[;:,]?\s*(add|write|add the line):?$/, ''), text: rest.join('\n') };
    })
    .filter((fix) => fix.text !== '' && !statement.replace(/\r\n/g, '\n').includes(fix.text));
}

/**
 * Writes a fix into the statement: a limits line replaces the one there (or ends the statement), an
 * example goes in a code block before the limits line.
 */
export function applyStatementFix(statement: string, fix: StatementFix): string {
  if (fix.text.startsWith('**Limits:**')) {
    return LIMITS_LINE.test(statement)
      ? statement.replace(LIMITS_LINE, fix.text)
      : `${statement.trimEnd()}\n\n${fix.text}\n`;
  }
  const block = `\`\`\`\n${fix.text}\n\`\`\`\n\n`;
  const limits = LIMITS_LINE.exec(statement);
  return limits
    ? `${statement.slice(0, limits.index)}${block}${statement.slice(limits.index)}`
    : `${statement.trimEnd()}\n\n${block}`;
}
