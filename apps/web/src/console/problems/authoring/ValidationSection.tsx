import type { DraftValidation } from '@assay/contracts';
import { verdictLabel, verdictTone } from '../../../ui/verdicts.tsx';
import { formatDateTime } from '../../ui/format.ts';

const SHORT: Record<string, string> = {
  accepted: 'AC',
  wrong_answer: 'WA',
  runtime_error: 'RE',
  time_limit_exceeded: 'TLE',
  memory_limit_exceeded: 'MLE',
  output_limit_exceeded: 'OLE',
  compile_error: 'CE',
  internal_error: 'IE',
};

/** [W29] What Validate found: the failed rules with where, and the per-solution × per-test grid. */
export function ValidationSection(props: {
  validation: DraftValidation | null;
  unsaved: boolean;
  busy: boolean;
  onValidate(): void;
}) {
  const { validation } = props;
  if (!validation)
    return (
      <div className="empty-state">
        <p>
          <strong>Not validated yet.</strong>
        </p>
        <p className="muted">
          Validate runs the checks of <code>pnpm problems validate</code> with the real judge: every reference accepted
          on every test within a third of the CPU limit, each known-bad solution gets its verdict, samples appear in the
          statement, and the library's minimums.
        </p>
        <button type="button" className="btn btn-primary" disabled={props.busy} onClick={props.onValidate}>
          Validate now
        </button>
      </div>
    );
  const stale = validation.stale || props.unsaved;
  return (
    <div className="validation" data-testid="validation">
      <div
        className={`callout ${validation.ok ? (stale ? 'callout-warn' : 'callout-ok') : 'callout-bad'} validation-summary`}
        data-testid="validation-summary"
      >
        <strong>
          {validation.ok
            ? 'Validation passed'
            : `Validation failed: ${validation.issues.length} rule${validation.issues.length === 1 ? '' : 's'} to fix`}
        </strong>
        <span className="muted small">
          {' '}
          · ran {formatDateTime(validation.ranAt)} in {(validation.durationMs / 1000).toFixed(1)} s
        </span>
        {stale && <div className="small">The draft changed since this run: validate again before publishing.</div>}
      </div>
      {validation.issues.length > 0 && (
        <ol className="rule-list" data-testid="validation-issues">
          {validation.issues.map((issue) => (
            <li key={`${issue.where}:${issue.message}`}>
              <code className="rule-where">{issue.where}</code>
              <span className="rule-message">{issue.message}</span>
            </li>
          ))}
        </ol>
      )}
      {validation.solutions.length > 0 && (
        <>
          <h3 className="subhead">Solutions × tests</h3>
          <div className="table-scroll grid-scroll">
            <table className="verdict-grid" data-testid="validation-grid">
              <thead>
                <tr>
                  <th className="grid-solution">Solution</th>
                  <th>Got</th>
                  {validation.tests.map((t) => (
                    <th key={t.name} className={`grid-test grid-${t.kind}`} title={`${t.kind} test ${t.name}`}>
                      <span>{t.name}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {validation.solutions.map((s) => (
                  <tr key={s.name} className={s.ok ? '' : 'row-bad'}>
                    <td className="grid-solution" title={s.detail}>
                      <div className="mono">{s.name}</div>
                      <div className="muted grid-expect">
                        must get {s.expect.map(verdictLabel).join(' or ').toLowerCase()}
                      </div>
                    </td>
                    <td>
                      <span className={`badge badge-${s.ok ? 'ok' : 'bad'}`} title={s.detail}>
                        {s.ok ? '✓ ' : '✗ '}
                        {verdictLabel(s.verdict)}
                      </span>
                    </td>
                    {validation.tests.map((t) => {
                      const cell = s.cells[t.name];
                      return (
                        <td key={t.name} className="grid-cell">
                          {cell ? (
                            <span
                              className={`cell cell-${verdictTone(cell.verdict)}`}
                              title={`${t.name}: ${verdictLabel(cell.verdict)}, ${cell.cpuMs.toFixed(1)} ms CPU`}
                            >
                              {SHORT[cell.verdict] ?? '?'}
                              <small>{cell.cpuMs < 10 ? cell.cpuMs.toFixed(1) : Math.round(cell.cpuMs)}</small>
                            </span>
                          ) : (
                            <span className="cell cell-none" title={`${t.name}: not judged (not needed for this rule)`}>
                              –
                            </span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted small">
            Each cell: verdict and CPU ms. Known-bad solutions are judged on hidden tests only; a too-slow one stops at
            its first time limit, largest test first.
          </p>
        </>
      )}
    </div>
  );
}
