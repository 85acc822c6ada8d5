import type { AssessmentResults } from '@assay/contracts';
import { api } from '../../api/client.ts';
import { formatPercent } from '../ui/format.ts';
import { LoadState } from '../ui/LoadState.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { useLoad } from '../ui/useLoad.ts';
import { ResultCharts } from './ResultCharts.tsx';
import { ResultsTable } from './ResultsTable.tsx';
import './results.css';

function Stat(props: { label: string; value: string; hint?: string }) {
  return (
    <div className="stat">
      <div className="stat-value">{props.value}</div>
      <div className="stat-label">{props.label}</div>
      {props.hint && <div className="muted small">{props.hint}</div>}
    </div>
  );
}

/** [W34] [W35] An assessment's results: headline numbers, the four charts and the attempts table. */
export function AssessmentResultsPage({ id }: { id: string }) {
  const loaded = useLoad(() => api<AssessmentResults>('GET', `/api/admin/assessments/${id}/results`), [id]);
  return (
    <LoadState loaded={loaded}>
      {(results) => {
        const { aggregates, rows } = results;
        const decided = rows.filter((r) => r.decision !== 'undecided').length;
        const scores = rows.filter((r) => r.status === 'finished').map((r) => r.score ?? 0);
        const mean = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
        return (
          <div className="results-page" data-testid="assessment-results">
            <PageHeader
              crumbs={[
                { label: 'Results', href: '/admin/results' },
                { label: results.assessment.title, href: `/admin/assessments/${id}` },
              ]}
              title={`${results.assessment.title}: results`}
              subtitle={`${results.tasks.length} task${results.tasks.length === 1 ? '' : 's'} · ${aggregates.maxScore} points · ${results.assessment.durationMinutes} minutes`}
              actions={
                <a
                  className="btn btn-secondary"
                  href={`/api/admin/assessments/${id}/results.csv`}
                  download="results.csv"
                  data-testid="export-csv"
                >
                  Export CSV
                </a>
              }
            />
            <div className="stat-row">
              <Stat label="Invited" value={rows.length.toLocaleString()} />
              <Stat label="Started" value={aggregates.started.toLocaleString()} />
              <Stat label="Finished" value={aggregates.finished.toLocaleString()} />
              <Stat
                label="Mean score"
                value={mean === null ? '—' : formatPercent(mean, aggregates.maxScore)}
                hint={mean === null ? undefined : `of ${aggregates.maxScore} points`}
              />
              <Stat label="Reviewed" value={`${decided.toLocaleString()} / ${aggregates.finished.toLocaleString()}`} />
            </div>
            <ResultCharts results={results} />
            <h2 className="section-title">Attempts</h2>
            <ResultsTable results={results} />
          </div>
        );
      }}
    </LoadState>
  );
}
