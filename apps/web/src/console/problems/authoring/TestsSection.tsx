import {
  DRAFT_LIMITS,
  type DraftIssue,
  type DraftTest,
  draftTestPath,
  type GenerateTestsResponse,
} from '@assay/contracts';
import { type ChangeEvent, useContext, useState } from 'react';
import { api } from '../../../api/client.ts';
import { ReadOnlyEditors } from './readOnlyEditors.ts';
import { AuthoringEditor, EditorSlot } from './sections.tsx';
import { nameTests, parseTests } from './testInput.ts';
import type { DraftEditor } from './useDraftEditor.ts';

/** Texts longer than this are shown, not edited, inline: a 200 KB array in an input helps nobody. */
const INLINE_EDIT_CHARS = 4000;
/** What the library asks of a problem ([P9]); Validate enforces it. */
const MINIMUMS = { sample: 3, hidden: 15 };

export const isMissingExpected = (issue: DraftIssue) => issue.message.startsWith('has no expected value');

function JsonCell(props: { label: string; value: unknown; optional?: boolean; onValue(value: unknown): void }) {
  const shown = props.value === undefined ? '' : JSON.stringify(props.value);
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  // A change from outside (compute expected) replaces what is shown unless the author is mid-edit.
  const [last, setLast] = useState(shown);
  if (shown !== last) {
    setLast(shown);
    if (!error) setText(shown);
  }
  if (shown.length > INLINE_EDIT_CHARS)
    return (
      <span className="json-large mono" title="Too large to edit here: delete the test and paste or import it again">
        {shown.slice(0, 80)}… ({Math.round(shown.length / 1024)} KB)
      </span>
    );
  return (
    <>
      <input
        className={`input mono json-input${error ? ' invalid' : ''}${props.optional && text === '' ? ' missing' : ''}`}
        aria-label={props.label}
        value={text}
        placeholder={props.optional ? 'compute from the reference' : ''}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          if (next.trim() === '' && props.optional) {
            setError(null);
            props.onValue(undefined);
            return;
          }
          try {
            const value = JSON.parse(next) as unknown;
            setError(null);
            props.onValue(value);
          } catch {
            setError('not JSON yet');
          }
        }}
      />
      {error && <span className="cell-error">{error}</span>}
    </>
  );
}

const GENERATOR_TEMPLATE = `// Runs in the judge's sandbox (no imports, 2 s of CPU). Return the tests:
// [{ args: [...], expected?: ... }]; leave out expected to compute it from the reference.
function generate() {
  const tests = [];
  for (let n = 1; n <= 5; n++) {
    const nums = Array.from({ length: n * 200 }, (_, i) => ((i * 7919 + n) % 2001) - 1000);
    tests.push({ args: [nums] });
  }
  return tests;
}
`;

/** [W27] The tests: a table with live fit errors per row; add, edit, delete, paste JSON, import files, generate. */
export function TestsSection({
  editor,
  issues,
  draftId,
}: {
  editor: DraftEditor;
  issues: DraftIssue[];
  draftId: string;
}) {
  const { tests } = editor.fields.content;
  const [filter, setFilter] = useState<'all' | 'sample' | 'hidden'>('all');
  const [pasting, setPasting] = useState(false);
  const [pasteText, setPasteText] = useState('');
  const [pasteKind, setPasteKind] = useState<'sample' | 'hidden'>('hidden');
  const [inputError, setInputError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [generating, setGenerating] = useState(false);
  const [generator, setGenerator] = useState(GENERATOR_TEMPLATE);
  const [running, setRunning] = useState(false);
  const readOnly = useContext(ReadOnlyEditors);

  const setTests = (change: (tests: DraftTest[]) => DraftTest[]) =>
    editor.setContent((c) => ({ ...c, tests: change(c.tests) }));
  const setTest = (name: string, change: Partial<DraftTest>) =>
    setTests((all) =>
      all.map((t) => {
        if (t.name !== name) return t;
        const next = { ...t, ...change };
        if ('expected' in change && change.expected === undefined) delete next.expected;
        return next;
      }),
    );
  const add = (added: DraftTest[]) => {
    if (tests.length + added.length > DRAFT_LIMITS.tests) {
      setInputError(
        `a draft holds at most ${DRAFT_LIMITS.tests} tests; this would make ${tests.length + added.length}: add fewer`,
      );
      return false;
    }
    setTests((all) => [...all, ...added]);
    setInputError(null);
    setNotice(`Added ${added.length} test${added.length === 1 ? '' : 's'}.`);
    return true;
  };

  const addPasted = () => {
    try {
      if (add(nameTests(parseTests(pasteText), pasteKind, tests))) {
        setPasteText('');
        setPasting(false);
      }
    } catch (error) {
      setInputError((error as Error).message);
    }
  };

  const runGenerator = async () => {
    setRunning(true);
    setInputError(null);
    try {
      const made = await api<GenerateTestsResponse>('POST', `/api/admin/problem-drafts/${draftId}/generate`, {
        source: generator,
      });
      if (add(nameTests(made.tests, pasteKind, tests))) setGenerating(false);
    } catch (error) {
      setInputError((error as Error).message);
    } finally {
      setRunning(false);
    }
  };

  const importFiles = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    try {
      const added: DraftTest[] = [];
      for (const file of files) {
        if (file.size > DRAFT_LIMITS.draftBytes) throw new Error(`${file.name} is larger than a whole draft may be`);
        let parsed: ReturnType<typeof parseTests>;
        try {
          parsed = parseTests(await file.text());
        } catch (error) {
          throw new Error(`${file.name}: ${(error as Error).message}`);
        }
        // A test file (tests/hidden/big.json) keeps its name.
        const base = file.name.replace(/\.(json|jsonl)$/i, '');
        const named = parsed.length === 1 && !parsed[0]?.name ? [{ ...parsed[0], name: base }] : parsed;
        added.push(...nameTests(named as typeof parsed, pasteKind, [...tests, ...added]));
      }
      add(added);
    } catch (error) {
      setInputError((error as Error).message);
    }
  };

  const counts = { sample: 0, hidden: 0 };
  for (const t of tests) counts[t.kind]++;
  const shown = tests.filter((t) => filter === 'all' || t.kind === filter);
  // A missing expected value is not a mistake yet: Compute expected outputs fills it.
  const issuesOf = (t: DraftTest) => issues.filter((i) => i.where === draftTestPath(t) && !isMissingExpected(i));
  const rowsWithIssues = tests.filter((t) => issuesOf(t).length > 0).length;
  const missingExpected = tests.filter((t) => t.expected === undefined).length;

  return (
    <div className="tests-section">
      <div className="tests-toolbar">
        <div className="segmented" role="tablist" aria-label="Show tests">
          {(['all', 'sample', 'hidden'] as const).map((f) => (
            <button
              key={f}
              type="button"
              role="tab"
              aria-selected={filter === f}
              className={filter === f ? 'active' : ''}
              onClick={() => setFilter(f)}
            >
              {f === 'all' ? `All ${tests.length}` : `${f === 'sample' ? 'Sample' : 'Hidden'} ${counts[f]}`}
            </button>
          ))}
        </div>
        {!readOnly && (
          <div className="tests-actions">
            <label className="field inline-field">
              <span>New tests are</span>
              <select value={pasteKind} onChange={(e) => setPasteKind(e.target.value as 'sample' | 'hidden')}>
                <option value="sample">sample</option>
                <option value="hidden">hidden</option>
              </select>
            </label>
            <button
              type="button"
              className="btn btn-secondary btn-small"
              onClick={() =>
                add(nameTests([{ args: editor.fields.content.signature.params.map(() => null) }], pasteKind, tests))
              }
            >
              Add test
            </button>
            <button type="button" className="btn btn-secondary btn-small" onClick={() => setPasting((p) => !p)}>
              Paste JSON
            </button>
            <button type="button" className="btn btn-secondary btn-small" onClick={() => setGenerating((g) => !g)}>
              Generate
            </button>
            <label className="btn btn-secondary btn-small file-button">
              Import files
              <input
                type="file"
                accept=".json,.jsonl,application/json"
                multiple
                onChange={(e) => void importFiles(e)}
              />
            </label>
          </div>
        )}
      </div>
      <p className="muted small tests-summary">
        {counts.sample} sample · {counts.hidden} hidden (the library asks for {MINIMUMS.sample} and {MINIMUMS.hidden},
        samples are shown to candidates, as examples in the statement).
        {missingExpected > 0 && (
          <span data-testid="tests-missing-expected">
            {' '}
            {missingExpected} without an expected value: Compute expected outputs fills them.
          </span>
        )}
        {rowsWithIssues > 0 && (
          <span className="tests-bad" data-testid="tests-with-issues">
            {' '}
            {rowsWithIssues} test{rowsWithIssues === 1 ? '' : 's'} do not fit the signature yet.
          </span>
        )}
      </p>
      {pasting && (
        <div className="paste-panel card">
          <label className="field">
            <span>Paste tests as JSON</span>
            <textarea
              className="mono"
              rows={6}
              value={pasteText}
              aria-label="Tests as JSON"
              placeholder={'[{"args": [[1, 2, 3]], "expected": 6}, {"args": [[]], "expected": 0}]'}
              onChange={(e) => setPasteText(e.target.value)}
            />
            <span className="field-hint">
              One test (<code>{'{"args": [...], "expected": ...}'}</code>), an array of them, or one per line. Leave out{' '}
              <code>expected</code> to compute it from the reference.
            </span>
          </label>
          <div className="paste-actions">
            <button type="button" className="btn btn-ghost btn-small" onClick={() => setPasting(false)}>
              Cancel
            </button>
            <button type="button" className="btn btn-primary btn-small" onClick={addPasted}>
              Add {pasteKind} tests
            </button>
          </div>
        </div>
      )}
      {generating && (
        <div className="paste-panel card generator-panel">
          <div className="pane-label">Generator (JavaScript)</div>
          <EditorSlot>
            <AuthoringEditor
              modelKey={`${draftId}-generator`}
              language="javascript"
              label="Test generator"
              value={generator}
              onChange={setGenerator}
            />
          </EditorSlot>
          <div className="paste-actions">
            <button type="button" className="btn btn-ghost btn-small" onClick={() => setGenerating(false)}>
              Cancel
            </button>
            <button
              type="button"
              className="btn btn-primary btn-small"
              disabled={running}
              onClick={() => void runGenerator()}
            >
              {running ? 'Running…' : `Run and add ${pasteKind} tests`}
            </button>
          </div>
        </div>
      )}
      {inputError && (
        <div className="callout callout-bad" role="alert" data-testid="tests-input-error">
          {inputError}
        </div>
      )}
      {notice && !inputError && (
        <span className="sr-only" role="status">
          {notice}
        </span>
      )}
      {shown.length === 0 ? (
        <div className="empty-state">
          <p>
            <strong>No {filter === 'all' ? '' : `${filter} `}tests yet.</strong>
          </p>
          <p className="muted">Add one, paste a list as JSON, or import test files (tests/hidden/*.json).</p>
        </div>
      ) : (
        <div className="tests-scroll">
          <table className="data-table tests-table" data-testid="tests-table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Kind</th>
                <th>Arguments (JSON array)</th>
                <th>Expected (JSON)</th>
                {!readOnly && <th aria-label="Actions" />}
              </tr>
            </thead>
            <tbody>
              {shown.map((test) => {
                const rowIssues = issuesOf(test);
                return (
                  <tr
                    key={test.name}
                    className={rowIssues.length > 0 ? 'row-bad' : ''}
                    data-testid={`test-${test.name}`}
                  >
                    <td className="mono test-name">{test.name}</td>
                    <td>
                      <select
                        className="input kind-select"
                        aria-label={`Kind of ${test.name}`}
                        value={test.kind}
                        onChange={(e) => setTest(test.name, { kind: e.target.value as 'sample' | 'hidden' })}
                      >
                        <option value="sample">sample</option>
                        <option value="hidden">hidden</option>
                      </select>
                    </td>
                    <td>
                      <JsonCell
                        label={`Arguments of ${test.name}`}
                        value={test.args}
                        onValue={(args) => {
                          if (Array.isArray(args)) setTest(test.name, { args });
                        }}
                      />
                      {rowIssues.map((issue) => (
                        <div className="cell-error" key={issue.message}>
                          {issue.message}
                        </div>
                      ))}
                    </td>
                    <td>
                      <JsonCell
                        label={`Expected of ${test.name}`}
                        value={test.expected}
                        optional
                        onValue={(expected) => setTest(test.name, { expected })}
                      />
                    </td>
                    {!readOnly && (
                      <td className="row-actions">
                        <button
                          type="button"
                          className="btn btn-ghost btn-small"
                          aria-label={`Delete ${test.name}`}
                          onClick={() => setTests((all) => all.filter((t) => t.name !== test.name))}
                        >
                          Delete
                        </button>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
