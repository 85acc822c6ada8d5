import { useEffect, useRef } from 'react';
import { CopyButton } from './CopyButton.tsx';

/** A password the API generated, shown once with a copy button ([W21]): nobody can see it again. */
export function OneTimePassword(props: { title: string; password: string; onDone(): void }) {
  const done = useRef<HTMLButtonElement>(null);
  useEffect(() => done.current?.focus(), []);
  return (
    <div className="dialog-backdrop">
      <div className="dialog team-dialog" role="dialog" aria-modal="true" aria-label={props.title}>
        <h2>{props.title}</h2>
        <p>
          Send them this one-time password privately, with the sign-in address. They can change it under{' '}
          <strong>Settings</strong> after signing in.
        </p>
        <div className="secret-box">
          <code data-testid="generated-password">{props.password}</code>
          <CopyButton text={props.password} />
        </div>
        <p className="callout team-warn small">It is shown only now: once this dialog is closed, nobody can see it.</p>
        <div className="dialog-actions">
          <button type="button" className="btn btn-primary" ref={done} onClick={props.onDone}>
            Done
          </button>
        </div>
      </div>
    </div>
  );
}
