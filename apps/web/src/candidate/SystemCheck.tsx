import type { InvitationSummary } from '@assay/contracts';
import { useEffect, useState } from 'react';
import { Page } from '../ui/Page.tsx';
import { liveUrl } from './liveChannel.ts';

type Status = 'checking' | 'ok' | 'warn' | 'fail';

interface Check {
  label: string;
  status: Status;
  detail: string;
}

function browserCheck(): Check {
  const missing = [
    ['WebSocket', typeof WebSocket === 'function'],
    [
      'local storage',
      (() => {
        try {
          localStorage.setItem('assay.check', '1');
          localStorage.removeItem('assay.check');
          return true;
        } catch {
          return false;
        }
      })(),
    ],
    ['modern JavaScript', typeof structuredClone === 'function' && typeof Array.prototype.at === 'function'],
    ['Web Workers', typeof Worker === 'function'],
  ]
    .filter(([, ok]) => !ok)
    .map(([name]) => name);
  return missing.length === 0
    ? { label: 'Browser', status: 'ok', detail: 'Supported' }
    : {
        label: 'Browser',
        status: 'fail',
        detail: `Missing ${missing.join(', ')}. Use a current Chrome, Edge, Firefox or Safari, outside private mode.`,
      };
}

function fullscreenCheck(required: boolean): Check {
  if (document.fullscreenEnabled) {
    return {
      label: 'Fullscreen',
      status: 'ok',
      detail: required ? 'Available: the assessment opens in fullscreen' : 'Available',
    };
  }
  return {
    label: 'Fullscreen',
    status: required ? 'warn' : 'ok',
    detail: required ? 'Not available in this browser: leaving it is recorded as it happens' : 'Not needed',
  };
}

/** Measures the connection the assessment needs: an HTTP round trip and the live channel. */
async function connectionCheck(): Promise<Check> {
  const started = performance.now();
  try {
    const response = await fetch('/api/health', { cache: 'no-store' });
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
  } catch (error) {
    return { label: 'Connection', status: 'fail', detail: `Cannot reach the server (${(error as Error).message}).` };
  }
  const roundTrip = Math.round(performance.now() - started);
  const live = await new Promise<boolean>((resolve) => {
    const socket = new WebSocket(liveUrl());
    const timer = setTimeout(() => {
      socket.close();
      resolve(false);
    }, 5000);
    socket.onmessage = () => {
      clearTimeout(timer);
      socket.close();
      resolve(true);
    };
    socket.onerror = () => {
      clearTimeout(timer);
      resolve(false);
    };
  });
  if (!live) {
    return {
      label: 'Connection',
      status: 'warn',
      detail: `Server reachable (${roundTrip} ms) but live updates are blocked (a proxy or firewall?). Results will still arrive, a little slower.`,
    };
  }
  return { label: 'Connection', status: 'ok', detail: `Good (${roundTrip} ms round trip, live updates working)` };
}

const ICON: Record<Status, string> = { checking: '…', ok: '✓', warn: '!', fail: '✕' };

export function SystemCheck(props: { invitation: InvitationSummary; onStart: () => Promise<void> }) {
  const { invitation } = props;
  const [checks, setChecks] = useState<Check[]>(() => [
    browserCheck(),
    fullscreenCheck(invitation.proctoring.fullscreen),
    { label: 'Connection', status: 'checking', detail: 'Checking…' },
  ]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    void connectionCheck().then((c) => setChecks((all) => all.map((x) => (x.label === c.label ? c : x))));
  }, []);

  const ready = checks.every((c) => c.status === 'ok' || c.status === 'warn');

  const start = async () => {
    setBusy(true);
    setError(undefined);
    if (invitation.proctoring.fullscreen && document.fullscreenEnabled) {
      // Needs this click (a user gesture); a refusal is not a reason to stop the candidate.
      await document.documentElement.requestFullscreen().catch(() => {});
    }
    try {
      await props.onStart();
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  return (
    <Page testId="system-check">
      <div className="card">
        <p className="eyebrow">{invitation.title}</p>
        <h1>System check</h1>
        <ul className="checks">
          {checks.map((c) => (
            <li key={c.label} className={`check check-${c.status}`} data-testid={`check-${c.label.toLowerCase()}`}>
              <span className="check-icon" aria-hidden="true">
                {ICON[c.status]}
              </span>
              <span className="check-label">{c.label}</span>
              <span className="check-detail">{c.detail}</span>
            </li>
          ))}
        </ul>
      </div>
      <div className="card start-card">
        <div>
          <h2>Ready when you are</h2>
          <p className="muted">
            The {invitation.durationMinutes}-minute timer starts when you press Start and cannot be paused.
          </p>
        </div>
        <button
          type="button"
          className="btn btn-primary btn-large"
          data-testid="start"
          disabled={!ready || busy}
          onClick={() => void start()}
        >
          {busy ? 'Starting…' : 'Start the assessment'}
        </button>
      </div>
      {error && <div className="callout callout-bad">{error}</div>}
    </Page>
  );
}
