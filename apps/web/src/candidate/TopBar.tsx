import type { Theme } from '../ui/useTheme.ts';
import type { SaveState } from './codeSync.ts';
import { formatClock } from './useCountdown.ts';

function SaveIndicator({ state }: { state: SaveState }) {
  const [text, tone] = (() => {
    switch (state.kind) {
      case 'saved':
        return [state.at ? 'All changes saved' : 'Saved', 'ok'];
      case 'saving':
        return ['Saving…', 'muted'];
      case 'pending':
        return ['Unsaved changes', 'muted'];
      case 'offline':
        return ['Offline: changes kept in this browser', 'warn'];
      case 'closed':
        return ['Read-only', 'muted'];
      case 'error':
        return [state.message, 'bad'];
    }
  })();
  return (
    <span className={`save save-${tone}`} data-testid="save-state" data-state={state.kind} title={text}>
      <span className="save-dot" aria-hidden="true" />
      {text}
    </span>
  );
}

export type TimerUrgency = 'normal' | 'low' | 'critical';

/** The timer's colour ([W18]): amber from 10 minutes left, red from 5, matching the warnings' first steps. */
export function timerUrgency(remainingMs: number): TimerUrgency {
  if (remainingMs <= 5 * 60_000) return 'critical';
  if (remainingMs <= 10 * 60_000) return 'low';
  return 'normal';
}

export function TopBar(props: {
  title: string;
  candidate: string;
  remaining: number;
  saveState: SaveState;
  connected: boolean;
  theme: Theme;
  onToggleTheme: () => void;
  onFinish: () => void;
  finishDisabled: boolean;
}) {
  const urgency = timerUrgency(props.remaining);
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          A
        </span>
        <span className="brand-title">{props.title}</span>
      </div>
      <div className="topbar-center">
        <SaveIndicator state={props.saveState} />
        {!props.connected && <span className="save save-warn">Reconnecting…</span>}
      </div>
      <div className="topbar-right">
        <span className={`timer timer-${urgency}`} data-urgency={urgency}>
          <span className="timer-label">Time left</span>
          <span data-testid="timer" role="timer" aria-label={`Time left ${formatClock(props.remaining)}`}>
            {formatClock(props.remaining)}
          </span>
        </span>
        <button
          type="button"
          className="btn btn-ghost btn-icon"
          onClick={props.onToggleTheme}
          title={props.theme === 'dark' ? 'Light theme' : 'Dark theme'}
          aria-label={props.theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
        >
          {props.theme === 'dark' ? '☀' : '☾'}
        </button>
        <span className="candidate-name">{props.candidate}</span>
        <button
          type="button"
          className="btn btn-outline-danger"
          data-testid="finish"
          disabled={props.finishDisabled}
          onClick={props.onFinish}
        >
          Finish
        </button>
      </div>
    </header>
  );
}
