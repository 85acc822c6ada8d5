import type {
  ResetPasswordResponse,
  StaffRole,
  TeamListResponse,
  TeamMember,
  TeamMemberResponse,
} from '@assay/contracts';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { formatDateTime } from '../ui/format.ts';
import { LoadState } from '../ui/LoadState.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { useLoad } from '../ui/useLoad.ts';
import { useStaff } from '../useStaff.ts';
import { AddMemberDialog } from './AddMemberDialog.tsx';
import { OneTimePassword } from './OneTimePassword.tsx';
import './team.css';
import { initials } from '../ui/initials.ts';

export const ROLE_LABELS: Record<StaffRole, string> = { admin: 'Admin', interviewer: 'Interviewer' };

/** `/admin/team` ([W21]): who may sign in, with which role; add, change a role, deactivate. */
export function TeamPage() {
  const { user, refresh } = useStaff();
  const loaded = useLoad(() => api<TeamListResponse>('GET', '/api/admin/team'), []);
  const [adding, setAdding] = useState(false);
  const [confirming, setConfirming] = useState<TeamMember | null>(null);
  const [resetting, setResetting] = useState<TeamMember | null>(null);
  const [newPassword, setNewPassword] = useState<{ name: string; password: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const change = async <T,>(member: TeamMember, what: string, send: () => Promise<T>): Promise<T | undefined> => {
    setBusy(member.id);
    setError(null);
    try {
      const answer = await send();
      loaded.reload();
      // The signed-in admin's own role may have changed: the navigation follows.
      if (member.id === user.id) await refresh();
      return answer;
    } catch (caught) {
      setError(`Could not ${what} ${member.name}: ${(caught as Error).message}`);
      return undefined;
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <PageHeader
        title="Team"
        subtitle="Who can sign in to this console, and what each person may do."
        actions={
          <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
            Add member
          </button>
        }
      />
      <div className="team-roles">
        <div>
          <span className="badge role-badge-admin">Admin</span> Everything: problems, assessments, invitations, results,
          the team and the audit log.
        </div>
        <div>
          <span className="badge role-badge-interviewer">Interviewer</span> Reads problems and assessments, reviews
          results and runs pads. Cannot change the team or settings.
        </div>
      </div>
      {error && (
        <div className="callout callout-bad team-error" role="alert" data-testid="team-error">
          <span>{error}</span>
          <button type="button" className="btn btn-ghost btn-small" onClick={() => setError(null)}>
            Dismiss
          </button>
        </div>
      )}
      <LoadState loaded={loaded}>
        {({ members }) => (
          <table className="data-table team-table" data-testid="team-table">
            <thead>
              <tr>
                <th>Member</th>
                <th>Role</th>
                <th>Status</th>
                <th>Last sign-in</th>
                <th className="actions-col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => {
                const self = member.id === user.id;
                return (
                  <tr
                    key={member.id}
                    data-testid="team-row"
                    data-email={member.email}
                    className={member.active ? '' : 'inactive'}
                  >
                    <td>
                      <div className="member" title={`Added ${formatDateTime(member.createdAt)}`}>
                        <span className="avatar" aria-hidden="true">
                          {initials(member.name)}
                        </span>
                        <div className="member-text">
                          <div className="member-name">
                            {member.name} {self && <span className="badge role-badge-interviewer">You</span>}
                          </div>
                          <div className="muted small">{member.email}</div>
                        </div>
                      </div>
                    </td>
                    <td>
                      <select
                        className="input role-select"
                        aria-label={`Role of ${member.name}`}
                        value={member.role}
                        disabled={busy === member.id || !member.active}
                        onChange={(event) => {
                          const role = event.target.value as StaffRole;
                          void change(member, 'change the role of', () =>
                            api<TeamMemberResponse>('PUT', `/api/admin/team/${member.id}/role`, { role }),
                          );
                        }}
                      >
                        {Object.entries(ROLE_LABELS).map(([value, label]) => (
                          <option key={value} value={value}>
                            {label}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      {member.active ? (
                        <span className="badge badge-ok">Active</span>
                      ) : (
                        <span className="badge badge-bad" title={`Since ${formatDateTime(member.deactivatedAt)}`}>
                          Deactivated
                        </span>
                      )}
                    </td>
                    <td className="muted" title={formatDateTime(member.lastSignInAt)}>
                      {member.lastSignInAt ? formatDay(member.lastSignInAt) : 'Never'}
                    </td>
                    <td className="actions-col">
                      {!self && (
                        <button
                          type="button"
                          className="btn btn-ghost btn-small"
                          disabled={busy === member.id}
                          onClick={() => setResetting(member)}
                        >
                          Reset password
                        </button>
                      )}
                      {member.active ? (
                        !self && (
                          <button
                            type="button"
                            className="btn btn-outline-danger btn-small"
                            disabled={busy === member.id}
                            onClick={() => setConfirming(member)}
                          >
                            Deactivate
                          </button>
                        )
                      ) : (
                        <button
                          type="button"
                          className="btn btn-secondary btn-small"
                          disabled={busy === member.id}
                          onClick={() =>
                            void change(member, 'reactivate', () =>
                              api<TeamMemberResponse>('POST', `/api/admin/team/${member.id}/reactivate`),
                            )
                          }
                        >
                          Reactivate
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </LoadState>
      {adding && (
        <AddMemberDialog
          onClose={(added) => {
            setAdding(false);
            if (added) loaded.reload();
          }}
          onAdded={() => loaded.reload()}
        />
      )}
      {confirming && (
        <Dialog
          title={`Deactivate ${confirming.name}?`}
          confirmLabel="Deactivate"
          tone="danger"
          busy={busy === confirming.id}
          onCancel={() => setConfirming(null)}
          onConfirm={async () => {
            const member = confirming;
            await change(member, 'deactivate', () =>
              api<TeamMemberResponse>('POST', `/api/admin/team/${member.id}/deactivate`),
            );
            setConfirming(null);
          }}
        >
          <p>
            {confirming.name} ({confirming.email}) is signed out everywhere at once and cannot sign in until an admin
            reactivates the account.
          </p>
          <p className="muted">Their assessments, reviews and audit entries stay as they are.</p>
        </Dialog>
      )}
      {resetting && (
        <Dialog
          title={`Reset the password of ${resetting.name}?`}
          confirmLabel="Reset password"
          tone="danger"
          busy={busy === resetting.id}
          onCancel={() => setResetting(null)}
          onConfirm={async () => {
            const member = resetting;
            const answer = await change(member, 'reset the password of', () =>
              api<ResetPasswordResponse>('POST', `/api/admin/team/${member.id}/password`, {}),
            );
            setResetting(null);
            if (answer?.generatedPassword) setNewPassword({ name: member.name, password: answer.generatedPassword });
          }}
        >
          <p>
            {resetting.name} is signed out everywhere, and their current password stops working. A new one is generated
            and shown to you once, to send them.
          </p>
        </Dialog>
      )}
      {newPassword && (
        <OneTimePassword
          title={`New password for ${newPassword.name}`}
          password={newPassword.password}
          onDone={() => setNewPassword(null)}
        />
      )}
    </>
  );
}

/** `Nov 28, 2026`: the table's dates; the time is in their title. */
function formatDay(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}
