import type { ResultsOverview } from '@assay/contracts';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { Link, navigate, useSearchParams } from '../../router.ts';
import { formatDateTime, formatScore } from '../ui/format.ts';
import { LoadState } from '../ui/LoadState.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { useLoad } from '../ui/useLoad.ts';
import { DecisionBadge, formatWhen, StatusBadge } from './resultLabels.tsx';
import './results.css';

/** [W34] Where results start: every assessment with its counts, the latest attempts, and a candidate search. */
export function ResultsOverviewPage() {
  const q = useSearchParams().get('q') ?? '';
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);
  const loaded = useLoad(
    () => api<ResultsOverview>('GET', `/api/admin/results${q ? `?q=${encodeURIComponent(q)}` : ''}`),
    [q],
  );
  return (
    <>
      <PageHeader title="Results" subtitle="Every assessment's attempts, and the candidates waiting for a decision." />
      <form
        className="toolbar"
        onSubmit={(event) => {
          event.preventDefault();
          const next = draft.trim();
          navigate(next ? `/admin/results?q=${encodeURIComponent(next)}` : '/admin/results');
        }}
      >
        <input
          className="input results-search"
          type="search"
          placeholder="Find a candidate by name or email"
          aria-label="Find a candidate"
          maxLength={200}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" className="btn btn-primary">
          Search
        </button>
        {q && (
          <Link className="btn btn-ghost" href="/admin/results">
            Clear
          </Link>
        )}
      </form>
      <LoadState loaded={loaded}>
        {(overview) => (
          <div className="overview" data-testid="results-overview">
            {!q && (
              <section>
                <h2 className="section-title">Assessments</h2>
                {overview.assessments.length === 0 ? (
                  <div className="empty-state">
                    <p className="muted">
                      No assessments yet: build one under Assessments, invite candidates, and results gather here.
                    </p>
                  </div>
                ) : (
                  <table className="data-table">
                    <thead>
                      <tr>
                        <th>Assessment</th>
                        <th className="num">Invited</th>
                        <th className="num">Started</th>
                        <th className="num">Finished</th>
                        <th className="num">Awaiting decision</th>
                      </tr>
                    </thead>
                    <tbody>
                      {overview.assessments.map((a) => (
                        <tr key={a.id}>
                          <td>
                            <Link href={`/admin/assessments/${a.id}/results`} className="strong-link">
                              {a.title}
                            </Link>
                            <div className="muted small">Created {formatDateTime(a.createdAt)}</div>
                          </td>
                          <td className="num">{a.invited.toLocaleString()}</td>
                          <td className="num">{a.started.toLocaleString()}</td>
                          <td className="num">{a.finished.toLocaleString()}</td>
                          <td className="num">
                            {a.undecided > 0 ? (
                              <span className="badge badge-warn">{a.undecided.toLocaleString()}</span>
                            ) : (
                              '0'
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </section>
            )}
            <section>
              <h2 className="section-title">{q ? `Attempts matching “${q}”` : 'Latest attempts'}</h2>
              {overview.recent.length === 0 ? (
                <div className="empty-state">
                  <p className="muted">
                    {q
                      ? 'No candidate matches: check the spelling, or search a part of the email.'
                      : 'No one has started an assessment yet.'}
                  </p>
                </div>
              ) : (
                <table className="data-table">
                  <thead>
                    <tr>
                      <th>Candidate</th>
                      <th>Assessment</th>
                      <th>Status</th>
                      <th className="num">Score</th>
                      <th>Decision</th>
                      <th>When</th>
                    </tr>
                  </thead>
                  <tbody>
                    {overview.recent.map((r) => (
                      <tr key={r.id}>
                        <td>
                          <Link href={`/admin/attempts/${r.id}`} className="strong-link">
                            {r.name}
                          </Link>
                          <div className="muted small">{r.email}</div>
                        </td>
                        <td>
                          <Link href={`/admin/assessments/${r.assessmentId}/results`}>{r.assessmentTitle}</Link>
                        </td>
                        <td>
                          <StatusBadge status={r.status} />
                        </td>
                        <td className="num nowrap">
                          {r.score === null ? '—' : `${formatScore(r.score)} / ${r.maxScore}`}
                        </td>
                        <td>
                          <DecisionBadge decision={r.decision} />
                        </td>
                        <td className="muted nowrap">{formatWhen(r.at)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          </div>
        )}
      </LoadState>
    </>
  );
}
