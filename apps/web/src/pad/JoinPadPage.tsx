import type { PadParticipant, PadStatus } from '@assay/contracts';
import { PAD_LIMITS } from '@assay/contracts';
import { useState } from 'react';
import { ApiError, api } from '../api/client.ts';
import { useLoad } from '../console/ui/useLoad.ts';
import { navigate } from '../router.ts';
import { Page } from '../ui/Page.tsx';
import { useTheme } from '../ui/useTheme.ts';
import './joinPad.css';

interface Invitation {
  padId: string;
  title: string;
  status: PadStatus;
  me?: PadParticipant | null;
}

/**
 * `/pad/join/:token` ([W42]–[W44]): a candidate's way into a live pad. It shows the pad's title, asks
 * for the name the others will see, joins, and opens the pad. An ended interview or a bad link says so.
 */
export function JoinPadPage({ token }: { token: string }) {
  // The browser's (or this browser's chosen) theme, as the pad page it leads to shows.
  useTheme();
  const loaded = useLoad(() => api<Invitation>('GET', `/api/pads/join/${encodeURIComponent(token)}`), [token]);
  if (loaded.state === 'loading')
    return (
      <Page testId="join-pad">
        <p className="muted">Opening the interview…</p>
      </Page>
    );
  if (loaded.state === 'error') {
    // [W44] A link that opens nothing says what to do; anything else can be retried.
    const missing = loaded.error instanceof ApiError && (loaded.error.status === 404 || loaded.error.status === 400);
    return (
      <Page testId="join-pad">
        <div className="card" data-testid="join-pad-error">
          <h1>{missing ? 'This interview link does not work' : 'The interview could not be opened'}</h1>
          <p>
            {missing
              ? 'Check that the whole link was copied, or ask your interviewer to send it again.'
              : loaded.error.message}
          </p>
          {!missing && (
            <button type="button" className="btn btn-secondary" onClick={loaded.reload}>
              Try again
            </button>
          )}
        </div>
      </Page>
    );
  }
  return <JoinForm token={token} invitation={loaded.data} />;
}

function JoinForm({ token, invitation }: { token: string; invitation: Invitation }) {
  const [name, setName] = useState(invitation.me?.name ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [ended, setEnded] = useState(invitation.status === 'ended');

  const join = async () => {
    if (!name.trim()) {
      setError('Type your name: it is how the others see you in the pad.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const joined = await api<{ padId: string }>('POST', `/api/pads/join/${encodeURIComponent(token)}`, {
        name: name.trim(),
      });
      navigate(`/pad/${joined.padId}`);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'API_ERR_PAD_ENDED') setEnded(true);
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };

  // [W43] An ended interview takes nobody: say so instead of asking for a name.
  if (ended)
    return (
      <Page testId="join-pad">
        <div className="card" data-testid="join-pad-ended">
          <p className="eyebrow">Live interview</p>
          <h1>{invitation.title}</h1>
          <p>This interview has ended, so the pad no longer takes participants. Thank you for taking part.</p>
        </div>
      </Page>
    );
  return (
    <Page testId="join-pad">
      <form
        className="card join-pad"
        onSubmit={(e) => {
          e.preventDefault();
          void join();
        }}
      >
        <p className="eyebrow">Live interview</p>
        <h1 data-testid="join-pad-title">{invitation.title}</h1>
        <p className="lead">
          You are joining a shared code editor. Everyone in the pad sees what you type, your cursor and your name, and
          can run the code with you. Edits are kept so that the interviewer can replay the session afterwards.
        </p>
        <label className="join-pad-name">
          <span>Your name</span>
          <input
            data-testid="join-pad-name"
            value={name}
            maxLength={PAD_LIMITS.nameChars}
            autoComplete="name"
            placeholder="Ada Lovelace"
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        {error && (
          <p className="join-pad-error" role="alert" data-testid="join-pad-message">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn-primary" data-testid="join-pad-submit" disabled={busy}>
          {busy ? 'Joining…' : invitation.me ? 'Continue' : 'Join the interview'}
        </button>
      </form>
    </Page>
  );
}
