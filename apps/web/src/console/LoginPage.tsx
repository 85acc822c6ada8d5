import type { StaffUser, StaffUserResponse } from '@assay/contracts';
import { type FormEvent, useState } from 'react';
import { ApiError, api, NetworkError } from '../api/client.ts';
import { Link } from '../router.ts';
import type { Theme } from '../ui/useTheme.ts';

/** `/login`: email and password; every refusal says what was wrong and what to do ([W20]). */
export function LoginPage(props: {
  theme: Theme;
  onToggleTheme(): void;
  /** The session this browser had ended meanwhile: say so, rather than silently showing the form. */
  sessionEnded?: boolean;
  onSignedIn(user: StaffUser): void;
}) {
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
      <div className="login-corner">
        <button type="button" className="btn btn-ghost btn-small" onClick={props.onToggleTheme}>
          {props.theme === 'dark' ? '☀ Light' : '☾ Dark'}
        </button>
      </div>
      <div className="login-column">
        <Link className="page-brand login-brand" href="/">
          <span className="brand-mark">A</span> Assay
        </Link>
        <form className="card login-card" onSubmit={submit} noValidate>
          <h1>Sign in to the console</h1>
          <p className="muted">For admins and interviewers of this Assay.</p>
          {props.sessionEnded && !error && (
            <p className="login-notice" role="status" data-testid="session-ended">
              Your session has ended: you were signed out, or an admin changed your account. Sign in again to continue.
            </p>
          )}
          <label className="field">
            <span>Email</span>
            <input
              type="email"
              autoComplete="username"
              placeholder="you@company.com"
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
            <p className="form-error login-error" role="alert" data-testid="login-error">
              {error}
            </p>
          )}
          <button type="submit" className="btn btn-primary btn-large login-submit" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        <p className="login-foot muted small">
          Taking an assessment? Open the link from your invitation email instead. Forgot your password? Ask an admin of
          your team to set a new one.
        </p>
      </div>
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
  if (error.status === 401) return 'The email or password is wrong. Check both and try again.';
  return sentence(error.message);
}

/** The API's messages start in lower case (they are also read inside other sentences). */
function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
