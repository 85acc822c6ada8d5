import {
  type AssessmentDetail,
  type CreateInvitationsResponse,
  INVITATION_STATUSES,
  type InvitationStatus,
  type InvitationView,
} from '@assay/contracts';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { Link } from '../../router.ts';
import { formatDateTime, formatScore } from '../ui/format.ts';
import { assessmentApi } from './assessmentApi.ts';
import { BulkInvite } from './BulkInvite.tsx';
import { copyText } from './copyText.ts';
import { InvitationActions } from './InvitationActions.tsx';

const STATUS_LABELS: Record<InvitationStatus, string> = {
  invited: 'Invited',
  started: 'In progress',
  finished: 'Finished',
  expired: 'Expired',
  revoked: 'Revoked',
};
const STATUS_BADGES: Record<InvitationStatus, string> = {
  invited: 'badge-accent',
  started: 'badge-warn',
  finished: 'badge-ok',
  expired: 'badge-neutral',
  revoked: 'badge-bad',
};

export function StatusBadge({ status }: { status: InvitationStatus }) {
  return (
    <span className={`badge ${STATUS_BADGES[status]}`} data-testid="invitation-status">
      {STATUS_LABELS[status]}
    </span>
  );
}

/** The candidates of an assessment ([W32]): invite one or many, then follow, copy, extend, re-open, revoke. */
export function InvitationsPanel(props: { assessment: AssessmentDetail; canManage: boolean; onChanged(): void }) {
  const { assessment } = props;
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<InvitationStatus | ''>('');
  const [rows, setRows] = useState<InvitationView[]>([]);
  const [total, setTotal] = useState(0);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const [mode, setMode] = useState<'none' | 'one' | 'bulk'>('none');
  const [notice, setNotice] = useState<string>();

  const load = useCallback(
    async (cursor: string | null) => {
      setLoading(true);
      setError(undefined);
      try {
        const page = await assessmentApi.invitations(assessment.id, { q: query, status, cursor });
        setRows((current) => (cursor ? [...current, ...page.invitations] : page.invitations));
        setTotal(page.total);
        setNext(page.next);
      } catch (e) {
        setError((e as Error).message);
      } finally {
        setLoading(false);
      }
    },
    [assessment.id, query, status],
  );
  useEffect(() => {
    const timer = setTimeout(() => void load(null), query ? 250 : 0);
    return () => clearTimeout(timer);
  }, [load, query]);

  const created = (response: CreateInvitationsResponse) => {
    props.onChanged();
    void load(null);
    const n = response.invitations.length;
    const failed = response.emailFailures.length;
    setNotice(
      response.emailed
        ? `${n} ${n === 1 ? 'candidate' : 'candidates'} invited; ${n - failed} emailed${failed ? `, ${failed} could not be emailed (copy their links below)` : ''}.`
        : `${n} ${n === 1 ? 'candidate' : 'candidates'} invited. Email is off: copy each link below and send it.`,
    );
  };
  const replaced = (invitation: InvitationView, message: string) => {
    setRows((current) => current.map((r) => (r.id === invitation.id ? invitation : r)));
    setNotice(message);
    props.onChanged();
  };

  const closed = assessment.archived;
  return (
    <section className="card invitations" data-testid="invitations">
      <div className="section-head">
        <div>
          <h2 className="section-title">Candidates</h2>
          <p className="muted small section-sub">
            {total.toLocaleString()} {total === 1 ? 'invitation' : 'invitations'}
            {status || query ? ' match' : ''}
          </p>
        </div>
        {props.canManage && !closed && (
          <div className="section-actions">
            <button
              type="button"
              className={`btn ${mode === 'one' ? 'btn-primary' : 'btn-secondary'}`}
              onClick={() => setMode(mode === 'one' ? 'none' : 'one')}
            >
              Invite candidate
            </button>
            <button
              type="button"
              className={`btn ${mode === 'bulk' ? 'btn-primary' : 'btn-secondary'}`}
              onClick={() => setMode(mode === 'bulk' ? 'none' : 'bulk')}
            >
              Bulk invite (CSV)
            </button>
          </div>
        )}
      </div>

      {mode === 'one' && <InviteForm assessmentId={assessment.id} onCreated={created} />}
      {mode === 'bulk' && (
        <BulkInvite
          assessmentId={assessment.id}
          onCreated={(response) => {
            created(response);
          }}
          onClose={() => setMode('none')}
        />
      )}
      {notice && (
        <div className="callout callout-ok notice-line" role="status" data-testid="invitations-notice">
          <span>{notice}</span>
          <button type="button" className="btn btn-ghost btn-small" onClick={() => setNotice(undefined)}>
            Dismiss
          </button>
        </div>
      )}

      <div className="toolbar">
        <input
          className="input toolbar-search"
          type="search"
          placeholder="Search name or email"
          aria-label="Search candidates"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <select
          className="input"
          aria-label="Status"
          value={status}
          onChange={(e) => setStatus(e.target.value as InvitationStatus | '')}
        >
          <option value="">Every status</option>
          {INVITATION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <div className="callout callout-bad" role="alert">
          {error}
        </div>
      )}
      {rows.length === 0 && !loading ? (
        <div className="empty-inline">
          {query || status
            ? 'No candidate matches. Clear the search or pick another status.'
            : props.canManage
              ? closed
                ? 'Nobody was invited before this assessment was archived.'
                : 'Nobody is invited yet. Invite one candidate, or many at once from a CSV file with a name,email header.'
              : 'Nobody is invited yet.'}
        </div>
      ) : (
        <table className="data-table invitation-table" data-testid="invitation-table">
          <thead>
            <tr>
              <th>Candidate</th>
              <th>Status</th>
              <th>Timing</th>
              <th className="num">Score</th>
              <th className="actions-col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-testid="invitation-row">
                <td>
                  <div className="row-title">{row.name}</div>
                  <div className="muted small">{row.email}</div>
                </td>
                <td>
                  <StatusBadge status={row.status} />
                  {row.extraMinutes > 0 && (
                    <div className="muted small" title="Extra minutes given (accommodations, re-opening)">
                      +{row.extraMinutes} min
                    </div>
                  )}
                </td>
                <td className="small">
                  <Timing row={row} />
                </td>
                <td className="num">
                  {row.status === 'finished' || row.status === 'started' ? formatScore(row.score) : '—'}
                </td>
                <td className="actions-col">
                  <div className="row-actions">
                    {(row.status === 'started' || row.status === 'finished') && (
                      <Link className="btn btn-ghost btn-small" href={`/admin/attempts/${row.attemptId}`}>
                        View attempt
                      </Link>
                    )}
                    {props.canManage && (
                      <>
                        <CopyLink row={row} onCopied={setNotice} />
                        <InvitationActions
                          row={row}
                          emailEnabled={assessment.emailEnabled}
                          onDone={replaced}
                          onMessage={setNotice}
                        />
                      </>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(next || loading) && (
        <div className="load-more">
          {loading ? (
            <span className="muted small">Loading…</span>
          ) : (
            <button type="button" className="btn btn-secondary btn-small" onClick={() => void load(next)}>
              Show more ({(total - rows.length).toLocaleString()} left)
            </button>
          )}
        </div>
      )}
    </section>
  );
}

function Timing({ row }: { row: InvitationView }) {
  if (row.status === 'finished') return <>Finished {formatDateTime(row.finishedAt)}</>;
  if (row.status === 'started') return <>Due {formatDateTime(row.deadline)}</>;
  if (row.status === 'revoked') return <span className="muted">Link withdrawn</span>;
  if (!row.expiresAt) return <span className="muted">Link does not expire</span>;
  return (
    <>
      {row.status === 'expired' ? 'Expired' : 'Expires'} {formatDateTime(row.expiresAt)}
    </>
  );
}

function CopyLink({ row, onCopied }: { row: InvitationView; onCopied(message: string): void }) {
  if (row.status === 'revoked') return null;
  if (!row.link)
    return (
      <span className="muted small link-note" title="Links made before links were kept cannot be shown again">
        Link shown only at creation
      </span>
    );
  const link = row.link;
  return (
    <button
      type="button"
      className="btn btn-secondary btn-small"
      data-testid="copy-link"
      onClick={async () =>
        onCopied((await copyText(link)) ? `Link for ${row.name} copied.` : `Link for ${row.name}: ${link}`)
      }
    >
      Copy link
    </button>
  );
}

function InviteForm(props: { assessmentId: string; onCreated(response: CreateInvitationsResponse): void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [shown, setShown] = useState(false);
  const nameError = shown && !name.trim() ? 'Give the candidate’s name.' : undefined;
  const emailError =
    shown && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()) ? 'Give an email such as ada@example.com.' : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setShown(true);
    if (!name.trim() || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) return;
    setBusy(true);
    setError(undefined);
    try {
      props.onCreated(await assessmentApi.invite(props.assessmentId, [{ name: name.trim(), email: email.trim() }]));
      setName('');
      setEmail('');
      setShown(false);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="invite-form" data-testid="invite-form" onSubmit={submit} noValidate>
      <label className="field">
        <span>Name</span>
        <input
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={Boolean(nameError)}
        />
        {nameError && <span className="field-error">{nameError}</span>}
      </label>
      <label className="field">
        <span>Email</span>
        <input
          type="email"
          value={email}
          maxLength={254}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={Boolean(emailError)}
        />
        {emailError && <span className="field-error">{emailError}</span>}
      </label>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? 'Inviting…' : 'Invite'}
      </button>
      {error && (
        <p className="form-error invite-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
