import type { LanguageId, Task } from '@assay/contracts';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { renderMarkdown } from '../ui/markdown.ts';
import { signatureLines } from './signatureLine.ts';
import { limitsText } from './testTimes.ts';

/** Markdown written by staff (an assessment's description), rendered and sanitized as statements are. */
export function MarkdownBlock({ markdown, className = '' }: { markdown: string; className?: string }) {
  const html = useMemo(() => renderMarkdown(markdown), [markdown]);
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized by DOMPurify in renderMarkdown
  return <div className={`markdown ${className}`.trim()} dangerouslySetInnerHTML={{ __html: html }} />;
}

export function StatementPanel({ task, language }: { task: Task; language: LanguageId }) {
  const article = useRef<HTMLElement>(null);
  // Another task is another page: it opens at its title, not at the previous statement's scroll ([W14]).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the task changes, by design
  useLayoutEffect(() => {
    article.current?.scrollTo({ top: 0 });
  }, [task.position]);
  // The header shows the title; a statement that opens with the same heading would repeat it.
  const html = useMemo(
    () =>
      renderMarkdown(
        task.statement.replace(/^\s*#\s+(.+)\n/, (line, title: string) => (title.trim() === task.title ? '' : line)),
      ),
    [task.statement, task.title],
  );
  const signature = signatureLines(task.signature, language);
  return (
    <article className="statement" data-testid="statement" ref={article}>
      <header className="statement-head">
        <div className="eyebrow">
          Task {task.position + 1} ·{' '}
          <span className={`difficulty difficulty-${task.difficulty}`}>{task.difficulty}</span> · {task.points} points
        </div>
        <h1>{task.title}</h1>
        <code className="signature" data-testid="signature">
          {signature.code}
        </code>
        {signature.doc && <div className="signature-doc mono">{signature.doc}</div>}
        {task.limits && (
          <p className="limits" data-testid="limits">
            {limitsText(task.limits)}
          </p>
        )}
      </header>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized by DOMPurify above */}
      <div className="markdown" dangerouslySetInnerHTML={{ __html: html }} />
    </article>
  );
}
