import type { AssessmentListItem } from '@assay/contracts';
import { useMemo, useState } from 'react';
import { Link, navigate } from '../../router.ts';
import { formatDateTime } from '../ui/format.ts';
import { LoadState } from '../ui/LoadState.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { useLoad } from '../ui/useLoad.ts';
import { useStaff } from '../useStaff.ts';
import { assessmentApi } from './assessmentApi.ts';
import './assessments.css';

/** Where an assessment stands, as the list filters it. */
type Stage = 'draft' | 'open' | 'results' | 'archived';
const STAGE_LABELS: Record<Stage, string> = {
  draft: 'Not sent',
  open: 'Invitations out',
  results: 'Has results',
  archived: 'Archived',
};

function stageOf(a: AssessmentListItem): Stage {
  if (a.archived) return 'archived';
  if (a.counts.finished > 0) return 'results';
  return a.counts.invited > 0 ? 'open' : 'draft';
}

const STAGE_BADGE: Record<Stage, string> = {
  draft: 'badge-neutral',
  open: 'badge-accent',
  results: 'badge-ok',
  archived: 'badge-neutral',
};

/** `/admin/assessments` ([W30]): every assessment with its counts; search, stage filter, archived ones on request. */
export function AssessmentListPage() {
  const { user } = useStaff();
  const [showArchived, setShowArchived] = useState(false);
  const [query, setQuery] = useState('');
  const [stage, setStage] = useState<Stage | ''>('');
  const loaded = useLoad(() => assessmentApi.list(showArchived ? 'include' : 'exclude'), [showArchived]);

  return (
    <div className="assessments" data-testid="assessment-list">
      <PageHeader
        title="Assessments"
        subtitle="Build timed coding assessments, invite candidates and follow their progress."
        actions={
          user.role === 'admin' && (
            <Link className="btn btn-primary" href="/admin/assessments/new">
              New assessment
            </Link>
          )
        }
      />
      <div className="toolbar">
        <input
          className="input toolbar-search"
          type="search"
          placeholder="Search by title"
          aria-label="Search assessments"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <select
          className="input"
          aria-label="Stage"
          value={stage}
          onChange={(e) => setStage(e.target.value as Stage | '')}
        >
          <option value="">All stages</option>
          {(['draft', 'open', 'results'] as const).map((s) => (
            <option key={s} value={s}>
              {STAGE_LABELS[s]}
            </option>
          ))}
          {showArchived && <option value="archived">Archived</option>}
        </select>
        <label className="checkbox">
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> Show
          archived
        </label>
      </div>
      <LoadState loaded={loaded}>
        {(data) => (
          <AssessmentTable
            assessments={data.assessments}
            query={query}
            stage={stage}
            canCreate={user.role === 'admin'}
          />
        )}
      </LoadState>
    </div>
  );
}

function AssessmentTable(props: {
  assessments: AssessmentListItem[];
  query: string;
  stage: Stage | '';
  canCreate: boolean;
}) {
  const shown = useMemo(() => {
    const q = props.query.trim().toLowerCase();
    return props.assessments.filter(
      (a) => (!q || a.title.toLowerCase().includes(q)) && (!props.stage || stageOf(a) === props.stage),
    );
  }, [props.assessments, props.query, props.stage]);

  if (props.assessments.length === 0)
    return (
      <div className="empty-state">
        <h2>No assessments yet</h2>
        <p className="muted">
          An assessment is a timed set of tasks from the problem library. Build one, then invite candidates by email or
          with a CSV.
        </p>
        {props.canCreate && (
          <Link className="btn btn-primary" href="/admin/assessments/new">
            Build your first assessment
          </Link>
        )}
      </div>
    );
  if (shown.length === 0)
    return (
      <div className="empty-state">
        <p className="muted">No assessment matches this search. Clear the search or pick another stage.</p>
      </div>
    );
  return (
    <table className="data-table assessment-table">
      <thead>
        <tr>
          <th>Assessment</th>
          <th>Stage</th>
          <th className="num">Invited</th>
          <th className="num">Started</th>
          <th className="num">Finished</th>
          <th>Created</th>
        </tr>
      </thead>
      <tbody>
        {shown.map((a) => {
          const stage = stageOf(a);
          return (
            <tr
              key={a.id}
              className="row-link"
              onClick={(e) => {
                if (!(e.target as HTMLElement).closest('a')) navigate(`/admin/assessments/${a.id}`);
              }}
            >
              <td>
                <Link className="row-title" href={`/admin/assessments/${a.id}`}>
                  {a.title}
                </Link>
                <div className="muted small">
                  {a.taskCount} {a.taskCount === 1 ? 'task' : 'tasks'} · {a.durationMinutes} min
                </div>
              </td>
              <td>
                <span className={`badge ${STAGE_BADGE[stage]}`}>{STAGE_LABELS[stage]}</span>
              </td>
              <td className="num">{a.counts.invited}</td>
              <td className="num">{a.counts.started}</td>
              <td className="num">{a.counts.finished}</td>
              <td>
                <div>{formatDateTime(a.createdAt)}</div>
                {a.createdBy && <div className="muted small">by {a.createdBy}</div>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
