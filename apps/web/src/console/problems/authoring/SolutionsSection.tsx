import {
  DRAFT_LIMITS,
  type DraftIssue,
  type DraftSolution,
  draftSolutionPath,
  type LanguageId,
  type SolutionKind,
} from '@assay/contracts';
import { LANGUAGES, languageDefinition } from '@assay/judge/languages';
import { useContext, useState } from 'react';
import { useLanguageAvailability } from '../../../api/languages.ts';
import { LanguageOptions } from '../../../ui/LanguageChoices.tsx';
import { ReadOnlyEditors } from './readOnlyEditors.ts';
import { AuthoringEditor, EditorSlot, IssueList } from './sections.tsx';
import type { DraftEditor } from './useDraftEditor.ts';

/** What each kind of solution must get from the judge ([P10]). */
export const SOLUTION_KIND_LABELS: Record<SolutionKind, { label: string; verdict: string }> = {
  accepted: { label: 'Reference', verdict: 'must be accepted on every test, within a third of the CPU limit' },
  wrong_answer: { label: 'Wrong answer', verdict: 'must get wrong answer on the hidden tests' },
  time_limit: { label: 'Too slow', verdict: 'must exceed the time limit on the hidden tests, even at 3 × the limit' },
};

function starter(editor: DraftEditor): string {
  const { signature } = editor.fields.content;
  const params = signature.params.map((p) => p.name).join(', ');
  return `function ${signature.function}(${params}) {\n  \n}\n`;
}

/** [W28] Reference and known-bad solutions, each in Monaco, with the verdict it must get. */
export function SolutionsSection({
  editor,
  draftId,
  issues,
}: {
  editor: DraftEditor;
  draftId: string;
  issues: DraftIssue[];
}) {
  const { solutions } = editor.fields.content;
  const [selected, setSelected] = useState(0);
  const readOnly = useContext(ReadOnlyEditors);
  const availability = useLanguageAvailability();
  const index = Math.min(selected, solutions.length - 1);
  const current = solutions[index];
  const setSolutions = (change: (s: DraftSolution[]) => DraftSolution[]) =>
    editor.setContent((c) => ({ ...c, solutions: change(c.solutions) }));
  const setCurrent = (change: Partial<DraftSolution>) =>
    setSolutions((all) => all.map((s, i) => (i === index ? { ...s, ...change } : s)));
  const add = (category: SolutionKind) => {
    const taken = new Set(solutions.map((s) => s.name));
    let n = 1;
    const base = category === 'accepted' ? 'reference' : category === 'wrong_answer' ? 'wrong' : 'slow';
    while (taken.has(`${base}-${n}`)) n++;
    setSolutions((all) => [
      ...all,
      { name: `${base}-${n}`, category, language: 'javascript', source: starter(editor) },
    ]);
    setSelected(solutions.length);
  };
  const nameOk = current ? /^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(current.name) : true;

  return (
    <div className="solutions-split">
      <aside className="solution-list">
        <ul>
          {solutions.map((s, i) => {
            const bad = issues.some((issue) => issue.where === draftSolutionPath(s));
            return (
              <li key={`${s.category}/${s.name}/${s.language}`}>
                <button
                  type="button"
                  className={`solution-item${i === index ? ' active' : ''}`}
                  aria-current={i === index ? 'true' : undefined}
                  onClick={() => setSelected(i)}
                >
                  <span className="solution-name mono">
                    {s.name}
                    {languageDefinition(s.language).extension}
                  </span>
                  <span
                    className={`badge badge-${s.category === 'accepted' ? 'ok' : s.category === 'wrong_answer' ? 'bad' : 'warn'}`}
                  >
                    {SOLUTION_KIND_LABELS[s.category].label}
                  </span>
                  {bad && <span className="dot-bad" title="Validation failed for this solution" />}
                </button>
              </li>
            );
          })}
        </ul>
        <div className="solution-add" hidden={readOnly}>
          <button
            type="button"
            className="btn btn-secondary btn-small"
            disabled={solutions.length >= DRAFT_LIMITS.solutions}
            onClick={() => add('accepted')}
          >
            Add reference
          </button>
          <button
            type="button"
            className="btn btn-secondary btn-small"
            disabled={solutions.length >= DRAFT_LIMITS.solutions}
            onClick={() => add('wrong_answer')}
          >
            Add known-bad
          </button>
        </div>
        <p className="muted small">
          The library asks for a JavaScript and a TypeScript reference (one marked <code>{'// @idiomatic'}</code>), a
          wrong solution and a too-slow one.
        </p>
      </aside>
      {current ? (
        <div className="solution-detail">
          <div className="solution-fields">
            <label className="field">
              <span>File name</span>
              <input
                className="mono"
                value={current.name}
                aria-invalid={nameOk ? undefined : true}
                onChange={(e) => setCurrent({ name: e.target.value })}
              />
              {!nameOk && <span className="field-error">Letters, digits, dashes and underscores.</span>}
            </label>
            <label className="field">
              <span>Must get</span>
              <select
                value={current.category}
                aria-label="Declared verdict"
                onChange={(e) => setCurrent({ category: e.target.value as SolutionKind })}
              >
                {(Object.keys(SOLUTION_KIND_LABELS) as SolutionKind[]).map((k) => (
                  <option key={k} value={k}>
                    {k === 'accepted'
                      ? 'Accepted (reference)'
                      : k === 'wrong_answer'
                        ? 'Wrong answer'
                        : 'Time limit exceeded'}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Language</span>
              <select value={current.language} onChange={(e) => setCurrent({ language: e.target.value as LanguageId })}>
                <LanguageOptions languages={LANGUAGES} availability={availability} />
              </select>
            </label>
            <button
              type="button"
              hidden={readOnly}
              className="btn btn-ghost btn-small solution-delete"
              onClick={() => {
                setSolutions((all) => all.filter((_, i) => i !== index));
                setSelected(Math.max(0, index - 1));
              }}
            >
              Delete
            </button>
          </div>
          <p className="muted small">
            {SOLUTION_KIND_LABELS[current.category].label}: {SOLUTION_KIND_LABELS[current.category].verdict}.
          </p>
          <EditorSlot>
            <AuthoringEditor
              modelKey={`${draftId}-solution-${index}`}
              language={current.language}
              label={`Solution ${current.name}`}
              value={current.source}
              onChange={(source) => setCurrent({ source })}
            />
          </EditorSlot>
          <IssueList issues={issues.filter((i) => i.where === draftSolutionPath(current))} />
        </div>
      ) : (
        <div className="empty-state">
          <p>
            <strong>No solutions yet.</strong>
          </p>
          <p className="muted">Add a reference solution; Compute expected outputs runs it on every test.</p>
        </div>
      )}
    </div>
  );
}
