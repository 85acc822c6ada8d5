import type { Submission } from '@assay/contracts';
import { VerdictBadge } from '../../ui/verdicts.tsx';
import { offsetLabel } from './playback.ts';

/** [W36] A task's runs and submissions in time order; one opens to show every test's verdict and time. */
export function SubmissionList(props: {
  submissions: Submission[];
  startedAt: number;
  open: string | null;
  onToggle(id: string): void;
}) {
  if (props.submissions.length === 0) return <p className="muted">No runs or submissions for this task.</p>;
  return (
    <ol className="submission-list" data-testid="submission-list">
      {props.submissions.map((s) => {
        const open = props.open === s.id;
        return (
          <li key={s.id} className={`submission-item${open ? ' open' : ''}`} data-testid={`submission-${s.id}`}>
            <button type="button" className="submission-head" aria-expanded={open} onClick={() => props.onToggle(s.id)}>
              <span className="submission-time num">{offsetLabel(Date.parse(s.createdAt) - props.startedAt)}</span>
              <span className={`badge ${s.mode === 'submit' ? 'badge-accent' : 'badge-neutral-soft'}`}>
                {s.mode === 'submit' ? (s.automatic ? 'Submitted at finish' : 'Submission') : 'Run'}
              </span>
              {s.verdict ? <VerdictBadge verdict={s.verdict} /> : <span className="badge badge-warn">{s.status}</span>}
              <span className="muted small">
                {s.report ? `${s.report.passed}/${s.report.total} tests` : ''}
                {s.report?.judgeMs !== undefined ? ` · judged in ${Math.round(s.report.judgeMs)} ms` : ''}
              </span>
              <span className="submission-chevron" aria-hidden="true">
                {open ? '▾' : '▸'}
              </span>
            </button>
            {open && s.report && (
              <div className="submission-detail">
                {s.report.compileError && (
                  <p className="callout callout-bad small">
                    Line {s.report.compileError.line}: {s.report.compileError.message}
                  </p>
                )}
                <table className="data-table test-table">
                  <thead>
                    <tr>
                      <th>Test</th>
                      <th>Verdict</th>
                      <th className="num">CPU</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.report.tests.map((test) => (
                      <tr key={test.id}>
                        <td>
                          <div className="mono test-id">{test.id}</div>
                          <div className="muted small">{test.kind}</div>
                        </td>
                        <td>
                          <VerdictBadge verdict={test.verdict} />
                          {test.message && <div className="muted small test-message">{test.message}</div>}
                        </td>
                        <td
                          className="num nowrap"
                          title={test.wallMs === undefined ? undefined : `${Math.round(test.wallMs)} ms wall-clock`}
                        >
                          {test.cpuMs === undefined ? '—' : `${Math.round(test.cpuMs)} ms`}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
