import type { DraftContent, DraftIssue } from '@assay/contracts';
import { lazy, type ReactNode, Suspense, useId, useMemo } from 'react';
import { renderMarkdown } from '../../../ui/markdown.ts';
import { applyStatementFix, statementFixes } from './statementFixes.ts';
import type { DraftEditor } from './useDraftEditor.ts';

export const AuthoringEditor = lazy(() => import('./AuthoringEditor.tsx'));

export function EditorSlot(props: { children: ReactNode }) {
  return (
    <Suspense fallback={<div className="authoring-editor authoring-editor-loading">Loading editor…</div>}>
      {props.children}
    </Suspense>
  );
}

/** Issues whose `where` starts with one of `prefixes`, as a list under a field or a section. */
export function IssueList({ issues, testId }: { issues: DraftIssue[]; testId?: string }) {
  if (issues.length === 0) return null;
  return (
    <ul className="issue-list" data-testid={testId}>
      {issues.map((issue) => (
        <li key={`${issue.where}:${issue.message}`}>
          <code>{issue.where}</code> {issue.message}
        </li>
      ))}
    </ul>
  );
}

export function DetailsSection({ editor }: { editor: DraftEditor }) {
  const { fields, update, setContent } = editor;
  const { content } = fields;
  const slugOf = (title: string) =>
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 64);
  const slugError = /^[a-z0-9][a-z0-9-]*$/.test(fields.problemId)
    ? null
    : 'Use lowercase letters, digits and dashes, starting with a letter or digit.';
  const packError = /^[a-z0-9][a-z0-9-]*$/.test(fields.packId) ? null : 'Use lowercase letters, digits and dashes.';
  const slugLabel = useId();
  return (
    <div className="authoring-form">
      <label className="field">
        <span>Title</span>
        <input
          value={content.title}
          maxLength={200}
          onChange={(e) => setContent((c) => ({ ...c, title: e.target.value }))}
        />
      </label>
      <div className="authoring-row">
        <div className="field">
          <span id={slugLabel}>Problem id</span>
          <div className="input-with-action">
            <input
              value={fields.problemId}
              maxLength={64}
              aria-labelledby={slugLabel}
              aria-invalid={slugError ? true : undefined}
              onChange={(e) => update((f) => ({ ...f, problemId: e.target.value }))}
            />
            <button
              type="button"
              className="btn btn-ghost btn-small"
              onClick={() => update((f) => ({ ...f, problemId: slugOf(f.content.title) || f.problemId }))}
            >
              From title
            </button>
          </div>
          {slugError ? (
            <span className="field-error">{slugError}</span>
          ) : (
            <span className="field-hint">
              Published as <code>{`${fields.packId}/${fields.problemId}`}</code>
            </span>
          )}
        </div>
        <label className="field">
          <span>Pack</span>
          <input
            value={fields.packId}
            maxLength={64}
            aria-invalid={packError ? true : undefined}
            onChange={(e) => update((f) => ({ ...f, packId: e.target.value }))}
          />
          {packError ? (
            <span className="field-error">{packError}</span>
          ) : (
            <span className="field-hint">Your own pack; built-in packs change only through the repository.</span>
          )}
        </label>
      </div>
      <div className="authoring-row">
        <label className="field">
          <span>Difficulty</span>
          <select
            value={content.difficulty}
            onChange={(e) => setContent((c) => ({ ...c, difficulty: e.target.value as DraftContent['difficulty'] }))}
          >
            <option value="easy">Easy</option>
            <option value="medium">Medium</option>
            <option value="hard">Hard</option>
          </select>
        </label>
        <label className="field">
          <span>Tags</span>
          <input
            value={content.tags.join(', ')}
            placeholder="arrays, hashing"
            onChange={(e) =>
              setContent((c) => ({
                ...c,
                tags: e.target.value
                  .split(',')
                  .map((t) => t.trim())
                  .filter(Boolean)
                  .slice(0, 12),
              }))
            }
          />
          <span className="field-hint">Comma-separated, up to 12.</span>
        </label>
      </div>
    </div>
  );
}

export function StatementSection({ editor, draftId }: { editor: DraftEditor; draftId: string }) {
  const { content } = editor.fields;
  const html = useMemo(() => renderMarkdown(content.statement), [content.statement]);
  const issues = editor.draft.validation?.issues.filter((i) => i.where === 'statement.md') ?? [];
  const fixes = statementFixes(issues, content.statement);
  const unfixable = issues.filter((i) => !i.message.includes('\n'));
  return (
    <>
      {fixes.length > 0 && (
        <ul className="statement-fixes" data-testid="statement-fixes">
          {fixes.map((fix) => (
            <li key={fix.issue.message}>
              <span>{fix.summary}.</span>
              <button
                type="button"
                className="btn btn-secondary btn-small"
                onClick={() => editor.setContent((c) => ({ ...c, statement: applyStatementFix(c.statement, fix) }))}
              >
                {fix.text.startsWith('**Limits:**') ? 'Write the limits line' : 'Insert the example'}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="statement-split">
        <div className="statement-source">
          <div className="pane-label">Markdown</div>
          <EditorSlot>
            <AuthoringEditor
              modelKey={`${draftId}-statement`}
              language="markdown"
              label="Statement (Markdown)"
              value={content.statement}
              onChange={(statement) => editor.setContent((c) => ({ ...c, statement }))}
            />
          </EditorSlot>
          <IssueList issues={unfixable} />
        </div>
        <div className="statement-preview">
          <div className="pane-label">Preview, as candidates see it</div>
          <article className="statement" data-testid="statement-preview">
            {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized by DOMPurify in renderMarkdown */}
            <div className="markdown" dangerouslySetInnerHTML={{ __html: html }} />
          </article>
        </div>
      </div>
    </>
  );
}
