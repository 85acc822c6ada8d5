import type { StaffUser, StaffUserResponse } from '@assay/contracts';
import { type FormEvent, useState } from 'react';
import { ApiError, api, NetworkError } from '../api/client.ts';
import type { Theme } from '../ui/useTheme.ts';

/** `/login`: email and password; every refusal says what was wrong and what to do. */
export function LoginPage(props: { theme: Theme; onToggleTheme(): void; onSignedIn(user: StaffUser): void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { user } = await api<StaffUserResponse>('POST', '/api/auth/login', { email: email.trim(), password });
      props.onSignedIn(user);
    } catch (caught) {
      setError(signInError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login-screen" data-testid="login">
      <form className="card login-card" onSubmit={submit} noValidate>
        <div className="page-brand">
          <span className="brand-mark">A</span> Assay
        </div>
        <h1>Sign in</h1>
        <p className="muted">For admins and interviewers. Candidates open the link from their invitation.</p>
        <label className="field">
          <span>Email</span>
          <input
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
          />
        </label>
        <label className="field">
          <span>Password</span>
          <input
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        {error && (
          <p className="form-error" role="alert" data-testid="login-error">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn-primary btn-large login-submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <button type="button" className="btn btn-ghost btn-small login-theme" onClick={props.onToggleTheme}>
          {props.theme === 'dark' ? 'Light theme' : 'Dark theme'}
        </button>
      </form>
    </main>
  );
}

function signInError(error: unknown): string {
  if (error instanceof NetworkError) return `${error.message} Check your connection and try again.`;
  if (!(error instanceof ApiError)) return 'Something went wrong. Try again.';
  if (error.status === 400) return 'Enter your email address and your password.';
  if (error.status === 429) {
    const seconds = error.retryAfterMs ? Math.ceil(error.retryAfterMs / 1000) : undefined;
    return `Too many sign-in attempts: after 10 wrong passwords in a minute, sign-in pauses to protect the account. ${
      seconds ? `Try again in ${seconds} s.` : 'Try again in a minute.'
    }`;
  }
  return error.message;
}
