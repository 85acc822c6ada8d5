import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { useMemo } from 'react';
import type { Task } from '../api/types.ts';

// A link in a statement opens beside the assessment, never in place of it.
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A' && node.getAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

/** Problem statements are Markdown from problem packs; rendered, then sanitized before they reach the DOM. */
function renderMarkdown(markdown: string): string {
  return DOMPurify.sanitize(marked.parse(markdown, { async: false, gfm: true }));
}

export function StatementPanel({ task }: { task: Task }) {
  // The header shows the title; a statement that opens with the same heading would repeat it.
  const html = useMemo(
    () =>
      renderMarkdown(
        task.statement.replace(/^\s*#\s+(.+)\n/, (line, title: string) => (title.trim() === task.title ? '' : line)),
      ),
    [task.statement, task.title],
  );
  const { signature } = task;
  return (
    <article className="statement" data-testid="statement">
      <header className="statement-head">
        <div className="eyebrow">
          Task {task.position + 1} ·{' '}
          <span className={`difficulty difficulty-${task.difficulty}`}>{task.difficulty}</span> · {task.points} points
        </div>
        <h1>{task.title}</h1>
        <code className="signature">
          {signature.functionName}({signature.params.map((p) => `${p.name}: ${p.type}`).join(', ')}):{' '}
          {signature.returnType}
        </code>
      </header>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized by DOMPurify above */}
      <div className="markdown" dangerouslySetInnerHTML={{ __html: html }} />
    </article>
  );
}
