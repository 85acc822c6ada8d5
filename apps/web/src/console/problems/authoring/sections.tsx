import type { DraftChecker, DraftContent, DraftIssue } from '@assay/contracts';
import { formatType, isIdentifier, parseType } from '@assay/judge/signature';
import { lazy, type ReactNode, Suspense, useId, useMemo, useState } from 'react';
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

function typeError(text: string): string | null {
  try {
    parseType(text);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

function signatureLine(signature: DraftContent['signature']): string | null {
  try {
    const params = signature.params.map((p) => `${p.name}: ${formatType(parseType(p.type))}`).join(', ');
    return `function ${signature.function}(${params}): ${formatType(parseType(signature.returns))}`;
  } catch {
    return null;
  }
}

/** [W27] The signature, checked with the judge's own type grammar as it is typed. */
export function SignatureSection({ editor }: { editor: DraftEditor }) {
  const { signature } = editor.fields.content;
  const set = (change: (s: DraftContent['signature']) => DraftContent['signature']) =>
    editor.setContent((c) => ({ ...c, signature: change(c.signature) }));
  const setParam = (i: number, change: Partial<{ name: string; type: string }>) =>
    set((s) => ({ ...s, params: s.params.map((p, j) => (j === i ? { ...p, ...change } : p)) }));
  const line = signatureLine(signature);
  const nameError = isIdentifier(signature.function) ? null : 'Use a JavaScript identifier, such as solve.';
  return (
    <div className="authoring-form">
      <p className="muted section-intro">
        Types use the judge's grammar: <code>int</code>, <code>float</code>, <code>bool</code>, <code>string</code>,{' '}
        <code>ListNode</code>, <code>T[]</code>, <code>T | null</code>, <code>{'Record<string, T>'}</code> and{' '}
        <code>{'{ name: T; ... }'}</code>.
      </p>
      <label className="field">
        <span>Function name</span>
        <input
          value={signature.function}
          className="mono"
          aria-invalid={nameError ? true : undefined}
          onChange={(e) => set((s) => ({ ...s, function: e.target.value }))}
        />
        {nameError && <span className="field-error">{nameError}</span>}
      </label>
      <fieldset className="params">
        <legend>Parameters</legend>
        {signature.params.length === 0 && <p className="muted">No parameters.</p>}
        {signature.params.map((param, i) => {
          const paramNameError = !isIdentifier(param.name)
            ? 'Use a JavaScript identifier.'
            : signature.params.findIndex((p) => p.name === param.name) !== i
              ? `"${param.name}" appears twice.`
              : null;
          const paramTypeError = typeError(param.type);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: parameters are positional
            <div className="param-row" key={i}>
              <label className="field">
                <span>Name</span>
                <input
                  className="mono"
                  value={param.name}
                  aria-label={`Parameter ${i + 1} name`}
                  aria-invalid={paramNameError ? true : undefined}
                  onChange={(e) => setParam(i, { name: e.target.value })}
                />
                {paramNameError && <span className="field-error">{paramNameError}</span>}
              </label>
              <label className="field">
                <span>Type</span>
                <input
                  className="mono"
                  value={param.type}
                  aria-label={`Parameter ${i + 1} type`}
                  aria-invalid={paramTypeError ? true : undefined}
                  onChange={(e) => setParam(i, { type: e.target.value })}
                />
                {paramTypeError && (
                  <span className="field-error" data-testid={`param-${i}-type-error`}>
                    {paramTypeError}
                  </span>
                )}
              </label>
              <button
                type="button"
                className="btn btn-ghost btn-small param-remove"
                aria-label={`Remove parameter ${param.name || i + 1}`}
                onClick={() => set((s) => ({ ...s, params: s.params.filter((_, j) => j !== i) }))}
              >
                Remove
              </button>
            </div>
          );
        })}
        <button
          type="button"
          className="btn btn-secondary btn-small"
          disabled={signature.params.length >= 12}
          onClick={() =>
            set((s) => ({ ...s, params: [...s.params, { name: `arg${s.params.length + 1}`, type: 'int' }] }))
          }
        >
          Add parameter
        </button>
      </fieldset>
      <label className="field">
        <span>Return type</span>
        <input
          className="mono"
          value={signature.returns}
          aria-invalid={typeError(signature.returns) ? true : undefined}
          onChange={(e) => set((s) => ({ ...s, returns: e.target.value }))}
        />
        {typeError(signature.returns) && (
          <span className="field-error" data-testid="returns-error">
            {typeError(signature.returns)}
          </span>
        )}
      </label>
      <div className="signature-preview">
        <div className="pane-label">TypeScript starter signature</div>
        <code className="mono" data-testid="signature-preview">
          {line ?? 'Fix the errors above to see the signature.'}
        </code>
      </div>
    </div>
  );
}

const CHECKERS: { type: DraftChecker['type']; label: string; hint: string }[] = [
  { type: 'exact', label: 'Exact', hint: 'The answer must equal the expected value exactly.' },
  { type: 'float', label: 'Float', hint: 'Numbers may differ within an absolute or relative tolerance.' },
  { type: 'unordered', label: 'Unordered', hint: 'An array answer may list the expected items in any order.' },
  { type: 'custom', label: 'Custom', hint: 'Your check(input, expected, actual) decides, run in the sandbox.' },
];

const CUSTOM_CHECKER = `// Return true when \`actual\` is a correct answer for \`input\` (the arguments, in order).
function check(input, expected, actual) {
  return JSON.stringify(actual) === JSON.stringify(expected);
}
`;

export function CheckerSection({ editor, draftId }: { editor: DraftEditor; draftId: string }) {
  const { checker, limits } = editor.fields.content;
  const setChecker = (next: DraftChecker) => editor.setContent((c) => ({ ...c, checker: next }));
  const tolerance = (key: 'absTolerance' | 'relTolerance', value: string) => {
    if (checker.type !== 'float') return;
    const n = Number(value);
    const { [key]: _, ...rest } = checker;
    setChecker(value.trim() === '' || !Number.isFinite(n) || n < 0 ? rest : { ...rest, [key]: n });
  };
  return (
    <div className="authoring-form">
      <h3 className="subhead">Checker</h3>
      <div className="checker-options" role="radiogroup" aria-label="Checker">
        {CHECKERS.map((option) => (
          <label key={option.type} className={`checker-option${checker.type === option.type ? ' selected' : ''}`}>
            <input
              type="radio"
              name="checker"
              checked={checker.type === option.type}
              onChange={() =>
                setChecker(
                  option.type === 'custom'
                    ? { type: 'custom', source: CUSTOM_CHECKER }
                    : option.type === 'float'
                      ? { type: 'float', absTolerance: 1e-6 }
                      : { type: option.type },
                )
              }
            />
            <span className="checker-label">{option.label}</span>
            <span className="muted small">{option.hint}</span>
          </label>
        ))}
      </div>
      {checker.type === 'float' && (
        <div className="authoring-row">
          <label className="field">
            <span>Absolute tolerance</span>
            <input
              type="number"
              min={0}
              step="any"
              defaultValue={checker.absTolerance ?? ''}
              onChange={(e) => tolerance('absTolerance', e.target.value)}
            />
          </label>
          <label className="field">
            <span>Relative tolerance</span>
            <input
              type="number"
              min={0}
              step="any"
              defaultValue={checker.relTolerance ?? ''}
              onChange={(e) => tolerance('relTolerance', e.target.value)}
            />
          </label>
        </div>
      )}
      {checker.type === 'custom' && (
        <div className="checker-code">
          <EditorSlot>
            <AuthoringEditor
              modelKey={`${draftId}-checker`}
              language="typescript"
              label="Custom checker"
              value={checker.source}
              onChange={(source) => setChecker({ type: 'custom', source })}
            />
          </EditorSlot>
        </div>
      )}
      <h3 className="subhead">Limits</h3>
      <div className="authoring-row">
        <NumberField
          label="CPU time per test (ms)"
          value={limits.cpuMs}
          min={10}
          max={30_000}
          hint="Every reference must stay within a third of it."
          onValid={(cpuMs) => editor.setContent((c) => ({ ...c, limits: { ...c.limits, cpuMs } }))}
        />
        <NumberField
          label="Memory (MB)"
          value={limits.memoryMb}
          min={8}
          max={2048}
          hint="What one test's run may use."
          onValid={(memoryMb) => editor.setContent((c) => ({ ...c, limits: { ...c.limits, memoryMb } }))}
        />
      </div>
      <p className="muted small">
        The statement states the limits on a line starting with <code>**Limits:**</code>; Validate says the exact line
        when it differs.
      </p>
    </div>
  );
}

/** A whole number in a range: kept as typed, applied only when it is valid, with the range under it. */
function NumberField(props: {
  label: string;
  value: number;
  min: number;
  max: number;
  hint: string;
  onValid(value: number): void;
}) {
  const [text, setText] = useState(String(props.value));
  const n = Number(text);
  const valid = text.trim() !== '' && Number.isInteger(n) && n >= props.min && n <= props.max;
  return (
    <label className="field">
      <span>{props.label}</span>
      <input
        type="number"
        min={props.min}
        max={props.max}
        value={text}
        aria-invalid={valid ? undefined : true}
        onChange={(e) => {
          setText(e.target.value);
          const next = Number(e.target.value);
          if (Number.isInteger(next) && next >= props.min && next <= props.max) props.onValid(next);
        }}
      />
      {valid ? (
        <span className="field-hint">{props.hint}</span>
      ) : (
        <span className="field-error">
          A whole number from {props.min.toLocaleString('en')} to {props.max.toLocaleString('en')}.
        </span>
      )}
    </label>
  );
}
