import type { AssessmentDetail } from '@assay/contracts';
import { languageDefinition } from '@assay/judge/languages';
import { useState } from 'react';
import { MarkdownBlock } from '../../candidate/StatementPanel.tsx';
import { Link, navigate } from '../../router.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { formatDateTime } from '../ui/format.ts';
import { LoadState } from '../ui/LoadState.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { useLoad } from '../ui/useLoad.ts';
import { useStaff } from '../useStaff.ts';
import { assessmentApi } from './assessmentApi.ts';
import { InvitationsPanel } from './InvitationsPanel.tsx';
import './assessments.css';

/** `/admin/assessments/:id` ([W32]): the summary, the tasks, the settings and the candidates. */
export function AssessmentDetailPage({ id }: { id: string }) {
  const loaded = useLoad(() => assessmentApi.get(id), [id]);
  return (
    <LoadState loaded={loaded}>{(assessment) => <Detail assessment={assessment} reload={loaded.reload} />}</LoadState>
  );
}

function Detail({ assessment: a, reload }: { assessment: AssessmentDetail; reload(): void }) {
  const { user } = useStaff();
  const admin = user.role === 'admin';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const totalPoints = a.tasks.reduce((sum, t) => sum + t.points, 0);

  const act = async (run: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await run();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="assessments" data-testid="assessment-detail">
      <PageHeader
        title={
          <>
            {a.title} {a.archived && <span className="badge badge-neutral title-badge">Archived</span>}
          </>
        }
        crumbs={[{ label: 'Assessments', href: '/admin/assessments' }]}
        subtitle={`${a.tasks.length} ${a.tasks.length === 1 ? 'task' : 'tasks'} · ${a.durationMinutes} minutes · ${a.languages.map((l) => languageDefinition(l).label).join(', ')}`}
        actions={
          <>
            <Link className="btn btn-secondary" href={`/admin/assessments/${a.id}/preview`}>
              Preview
            </Link>
            <Link className="btn btn-secondary" href={`/admin/assessments/${a.id}/results`}>
              Results
            </Link>
            {admin && (
              <>
                <Link className="btn btn-secondary" href={`/admin/assessments/${a.id}/edit`}>
                  Edit
                </Link>
                <button
                  type="button"
                  className="btn btn-secondary"
                  disabled={busy}
                  onClick={() =>
                    act(async () => navigate(`/admin/assessments/${(await assessmentApi.duplicate(a.id)).id}/edit`))
                  }
                >
                  Duplicate
                </button>
                <button
                  type="button"
                  className="btn btn-secondary"
                  disabled={busy}
                  onClick={() =>
                    act(async () => {
                      await assessmentApi.setArchived(a.id, !a.archived);
                      reload();
                    })
                  }
                >
                  {a.archived ? 'Unarchive' : 'Archive'}
                </button>
                {a.counts.invited === 0 && !a.locked && (
                  <button
                    type="button"
                    className="btn btn-outline-danger"
                    disabled={busy}
                    onClick={() => setConfirmDelete(true)}
                  >
                    Delete
                  </button>
                )}
              </>
            )}
          </>
        }
      />
      {error && (
        <div className="callout callout-bad" role="alert">
          {error}
        </div>
      )}
      {a.archived && (
        <div className="callout callout-warn">
          This assessment is archived: it is hidden from the list and takes no new invitations. Candidates already
          invited can still take it.
        </div>
      )}

      <div className="stat-row">
        <Stat label="Invited" value={a.counts.invited} />
        <Stat label="Started" value={a.counts.started} />
        <Stat label="Finished" value={a.counts.finished} />
        <Stat label="Total points" value={totalPoints} />
      </div>

      <div className="detail-grid">
        <section className="card">
          <div className="section-head">
            <h2 className="section-title">Tasks</h2>
            {a.locked && (
              <span className="muted small" title="A candidate has started: tasks can no longer change">
                Fixed: candidates have started
              </span>
            )}
          </div>
          <ol className="task-summary" data-testid="task-summary">
            {a.tasks.map((t) => (
              <li key={t.position}>
                <span className="task-number">{t.position + 1}</span>
                <div className="task-row-text">
                  <div className="task-row-title">{t.title}</div>
                  <div className="muted small">
                    <span className="mono">{t.ref}</span> ·{' '}
                    <span className={`difficulty difficulty-${t.difficulty}`}>{t.difficulty}</span>
                  </div>
                </div>
                <span className="points-badge">{t.points} pts</span>
              </li>
            ))}
          </ol>
        </section>
        <section className="card">
          <h2 className="section-title">Settings</h2>
          <dl className="settings-list">
            <div>
              <dt>Invitations</dt>
              <dd>
                {a.invitationExpiryDays === null
                  ? 'Do not expire'
                  : `Expire after ${a.invitationExpiryDays} ${a.invitationExpiryDays === 1 ? 'day' : 'days'}`}
              </dd>
            </div>
            <div>
              <dt>Proctoring</dt>
              <dd>
                {[a.proctoring.fullscreen && 'Fullscreen', a.proctoring.recordEvents && 'Tab switches and pastes']
                  .filter(Boolean)
                  .join(' · ') || 'Nothing recorded'}
              </dd>
            </div>
            <div>
              <dt>Email</dt>
              <dd>{a.emailEnabled ? 'Invitations are emailed' : 'Off: copy links to send them'}</dd>
            </div>
            <div>
              <dt>Created</dt>
              <dd>
                {formatDateTime(a.createdAt)}
                {a.createdBy && ` by ${a.createdBy}`}
              </dd>
            </div>
          </dl>
          {a.description.trim() && (
            <>
              <h3 className="subsection-title">Description for candidates</h3>
              <MarkdownBlock markdown={a.description} className="description-text" />
            </>
          )}
        </section>
      </div>

      <InvitationsPanel assessment={a} canManage={admin} onChanged={reload} />

      {confirmDelete && (
        <Dialog
          title="Delete this assessment?"
          confirmLabel="Delete"
          tone="danger"
          busy={busy}
          onCancel={() => setConfirmDelete(false)}
          onConfirm={() =>
            act(async () => {
              await assessmentApi.remove(a.id);
              navigate('/admin/assessments');
            })
          }
        >
          <p>Nobody was invited to “{a.title}” yet, so nothing else is lost. This cannot be undone.</p>
        </Dialog>
      )}
    </div>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div className="stat">
      <div className="stat-value">{value.toLocaleString()}</div>
      <div className="stat-label">{label}</div>
    </div>
  );
}
