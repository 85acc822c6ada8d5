import type { DraftContent } from '@assay/contracts';
import { formatType, isIdentifier, parseType } from '@assay/judge/signature';
import type { DraftEditor } from './useDraftEditor.ts';

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
