import { type ChangePasswordResponse, MIN_PASSWORD_LENGTH, type SettingsResponse } from '@assay/contracts';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/client.ts';
import { LoadState } from '../ui/LoadState.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { useLoad } from '../ui/useLoad.ts';
import { useStaff } from '../useStaff.ts';
import { ROLE_LABELS } from './TeamPage.tsx';
import './team.css';

/** `/admin/settings` ([W23]): your account and password for everyone; the installation's facts for admins. */
export function SettingsPage() {
  const { user } = useStaff();
  return (
    <>
      <PageHeader title="Settings" subtitle="Your account, and how this Assay installation is set up." />
      <div className="settings-grid">
        <div className="settings-column">
          <section className="card settings-card" aria-labelledby="account-title">
            <h2 id="account-title">Your account</h2>
            <dl className="settings-facts">
              <dt>Name</dt>
              <dd>{user.name}</dd>
              <dt>Email</dt>
              <dd>{user.email}</dd>
              <dt>Role</dt>
              <dd>
                <span className={`badge role-badge-${user.role}`}>{ROLE_LABELS[user.role]}</span>
              </dd>
            </dl>
            <p className="muted small">Ask an admin of your team to change your name, email or role.</p>
          </section>
          {user.role === 'admin' && <Installation />}
        </div>
        <div className="settings-column">
          <PasswordForm />
        </div>
      </div>
    </>
  );
}

function PasswordForm() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const refuse = (message: string) => setResult({ ok: false, message });
    if (!current) return refuse('Type your current password.');
    if (next.length < MIN_PASSWORD_LENGTH)
      return refuse(`The new password must be at least ${MIN_PASSWORD_LENGTH} characters (it has ${next.length}).`);
    if (next !== repeat) return refuse('The two new passwords differ: type the same one twice.');
    setBusy(true);
    setResult(null);
    try {
      const { endedSessions } = await api<ChangePasswordResponse>('POST', '/api/auth/password', {
        currentPassword: current,
        newPassword: next,
      });
      setCurrent('');
      setNext('');
      setRepeat('');
      setResult({
        ok: true,
        message:
          endedSessions > 0
            ? `Password changed. ${endedSessions} other session${endedSessions === 1 ? ' was' : 's were'} signed out.`
            : 'Password changed. You stay signed in here.',
      });
    } catch (caught) {
      const message = (caught as Error).message;
      refuse(`${message.charAt(0).toUpperCase()}${message.slice(1)}${/[.!?]$/.test(message) ? '' : '.'}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card settings-card" aria-labelledby="password-title">
      <h2 id="password-title">Change password</h2>
      <form onSubmit={submit} noValidate data-testid="password-form">
        <label className="field">
          <span>Current password</span>
          <input
            type="password"
            autoComplete="current-password"
            value={current}
            maxLength={200}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </label>
        <label className="field">
          <span>New password</span>
          <input
            type="password"
            autoComplete="new-password"
            value={next}
            maxLength={200}
            onChange={(e) => setNext(e.target.value)}
          />
          <span className="field-hint">
            At least {MIN_PASSWORD_LENGTH} characters. Your other sessions will be signed out.
          </span>
        </label>
        <label className="field">
          <span>Repeat the new password</span>
          <input
            type="password"
            autoComplete="new-password"
            value={repeat}
            maxLength={200}
            onChange={(e) => setRepeat(e.target.value)}
          />
        </label>
        {result && (
          <p
            className={result.ok ? 'form-ok' : 'form-error'}
            role={result.ok ? 'status' : 'alert'}
            data-testid="password-result"
          >
            {result.message}
          </p>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Changing…' : 'Change password'}
        </button>
      </form>
    </section>
  );
}

const DATABASE_LABELS: Record<SettingsResponse['database']['kind'], string> = {
  postgresql: 'PostgreSQL',
  pglite: 'Embedded (PGlite)',
};
const QUEUE_LABELS: Record<SettingsResponse['queue']['kind'], string> = {
  bullmq: 'BullMQ on Redis: several judge workers',
  'in-process': 'In-process: this server judges',
};

function Installation() {
  const loaded = useLoad(() => api<SettingsResponse>('GET', '/api/admin/settings'), []);
  return (
    <section className="card settings-card" aria-labelledby="installation-title" data-testid="installation">
      <h2 id="installation-title">Installation</h2>
      <p className="muted small">
        Read from the running server. These are set by environment variables when Assay starts; see the deployment guide
        to change them.
      </p>
      <LoadState loaded={loaded}>
        {(settings) => (
          <dl className="settings-facts">
            <dt>Public URL</dt>
            <dd className="mono">{settings.publicUrl}</dd>
            <dt>Database</dt>
            <dd>
              {DATABASE_LABELS[settings.database.kind]}
              <div className="muted small">{settings.database.version}</div>
              {settings.database.kind === 'pglite' && (
                <div className="muted small">Fine for trying Assay; set DATABASE_URL for a team.</div>
              )}
            </dd>
            <dt>Judge queue</dt>
            <dd>{QUEUE_LABELS[settings.queue.kind]}</dd>
            <dt>Languages</dt>
            <dd className="settings-languages">
              {settings.judge.languages.map((language) => (
                <span
                  key={language.id}
                  className={`badge ${language.available ? 'badge-ok' : 'badge-bad'}`}
                  title={`Runner: ${language.runner}`}
                >
                  {language.label}
                  {language.available ? '' : ' · unavailable'}
                </span>
              ))}
              {/* [W61] What is missing and what to install, as the server's probe said. */}
              {settings.judge.languages.flatMap((language) =>
                language.available || !language.reason
                  ? []
                  : [
                      <p key={language.id} className="language-unavailable" data-testid={`unavailable-${language.id}`}>
                        <strong>{language.label} — unavailable:</strong> {language.reason}
                      </p>,
                    ],
              )}
            </dd>
            <dt>Email</dt>
            <dd>
              {settings.email.configured ? (
                <span className="badge badge-ok">Configured</span>
              ) : (
                <>
                  <span className="badge badge-warn">Not configured</span>
                  <div className="muted small">
                    Invitation links are shown to copy. Set SMTP_URL to send invitations by email.
                  </div>
                </>
              )}
            </dd>
          </dl>
        )}
      </LoadState>
    </section>
  );
}
