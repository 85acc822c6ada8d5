import type { DraftChecker } from '@assay/contracts';
import { useState } from 'react';
import { AuthoringEditor, EditorSlot } from './sections.tsx';
import type { DraftEditor } from './useDraftEditor.ts';

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
