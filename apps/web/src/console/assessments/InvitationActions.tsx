import type { InvitationView } from '@assay/contracts';
import { useEffect, useRef, useState } from 'react';
import { Dialog } from '../../ui/Dialog.tsx';
import { assessmentApi } from './assessmentApi.ts';

type Action = 'extend' | 'reopen' | 'revoke' | 'expiry';

/** A row's menu of changes ([W32]): extra time, re-open, expiry, reminder, revoke; each asks first. */
export function InvitationActions(props: {
  row: InvitationView;
  emailEnabled: boolean;
  onDone(invitation: InvitationView, message: string): void;
  onMessage(message: string): void;
}) {
  const { row } = props;
  const [open, setOpen] = useState(false);
  const [action, setAction] = useState<Action | null>(null);
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const items: { action: Action | 'remind'; label: string; danger?: boolean }[] = [];
  if (row.status === 'invited' || row.status === 'started' || row.status === 'expired')
    items.push({ action: 'extend', label: 'Give extra time…' });
  if (row.status === 'finished') items.push({ action: 'reopen', label: 'Re-open attempt…' });
  if (row.status === 'invited' || row.status === 'expired') items.push({ action: 'expiry', label: 'Change expiry…' });
  if (row.status === 'invited' && props.emailEnabled) items.push({ action: 'remind', label: 'Send reminder' });
  if (row.status === 'invited' || row.status === 'expired')
    items.push({ action: 'revoke', label: 'Revoke invitation…', danger: true });
  if (items.length === 0) return null;

  return (
    <div className="menu" ref={menu}>
      <button
        type="button"
        className="btn btn-ghost btn-small"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={`More actions for ${row.name}`}
        onClick={() => setOpen(!open)}
      >
        •••
      </button>
      {open && (
        <div className="menu-list" role="menu">
          {items.map((item) => (
            <button
              key={item.action}
              type="button"
              role="menuitem"
              className={`menu-item${item.danger ? ' danger' : ''}`}
              onClick={async () => {
                setOpen(false);
                if (item.action !== 'remind') return setAction(item.action);
                try {
                  props.onMessage((await assessmentApi.remind(row.id)).message);
                } catch (e) {
                  props.onMessage((e as Error).message);
                }
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
      {action && <ActionDialog action={action} row={row} onClose={() => setAction(null)} onDone={props.onDone} />}
    </div>
  );
}

const TITLES: Record<Action, string> = {
  extend: 'Give extra time',
  reopen: 'Re-open the attempt',
  revoke: 'Revoke the invitation',
  expiry: 'Change the link’s expiry',
};

function ActionDialog(props: {
  action: Action;
  row: InvitationView;
  onClose(): void;
  onDone(invitation: InvitationView, message: string): void;
}) {
  const { action, row } = props;
  const [minutes, setMinutes] = useState(action === 'reopen' ? '15' : '10');
  const [reason, setReason] = useState('');
  const [never, setNever] = useState(row.expiresAt === null);
  const [date, setDate] = useState(() =>
    toLocalInput(row.expiresAt ?? new Date(Date.now() + 7 * 86_400_000).toISOString()),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function confirm() {
    const n = Number(minutes);
    if ((action === 'extend' || action === 'reopen') && !(Number.isInteger(n) && n >= 1 && n <= 600))
      return setError('Give between 1 and 600 minutes.');
    if ((action === 'extend' || action === 'reopen') && !reason.trim())
      return setError('Say why: it is kept in the audit log.');
    setBusy(true);
    setError(undefined);
    try {
      const result =
        action === 'extend'
          ? await assessmentApi.extend(row.id, n, reason.trim())
          : action === 'reopen'
            ? await assessmentApi.reopen(row.id, n, reason.trim())
            : action === 'revoke'
              ? await assessmentApi.revoke(row.id)
              : await assessmentApi.setExpiry(row.id, never ? null : new Date(date).toISOString());
      const messages: Record<Action, string> = {
        extend: `${row.name} has ${n} more minutes.`,
        reopen: `${row.name}'s attempt is open again for ${n} minutes.`,
        revoke: `${row.name}'s invitation is revoked: the link no longer opens.`,
        expiry: never
          ? `${row.name}'s link no longer expires.`
          : `${row.name}'s link now expires ${new Date(date).toLocaleString()}.`,
      };
      props.onDone(result.invitation, messages[action]);
      props.onClose();
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={TITLES[action]}
      confirmLabel={action === 'revoke' ? 'Revoke' : action === 'reopen' ? 'Re-open' : 'Save'}
      tone={action === 'revoke' ? 'danger' : 'primary'}
      busy={busy}
      onCancel={props.onClose}
      onConfirm={() => void confirm()}
    >
      {action === 'revoke' && (
        <p>
          {row.name}’s link will stop working and say the invitation was withdrawn. You can invite {row.email} again
          later.
        </p>
      )}
      {(action === 'extend' || action === 'reopen') && (
        <>
          <p className="muted">
            {action === 'reopen'
              ? `${row.name} can continue from where they stopped, for the minutes you give from now. Finishing again submits what changed.`
              : row.status === 'started'
                ? `The minutes are added to ${row.name}'s deadline now.`
                : `The minutes are added to ${row.name}'s time when they start.`}
          </p>
          <label className="field">
            <span>Minutes</span>
            <input type="number" min={1} max={600} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
          </label>
          <label className="field">
            <span>Reason (kept in the audit log)</span>
            <input
              value={reason}
              maxLength={500}
              placeholder={action === 'reopen' ? 'Finished by mistake' : 'Extra-time accommodation'}
              onChange={(e) => setReason(e.target.value)}
            />
          </label>
        </>
      )}
      {action === 'expiry' && (
        <>
          <label className="checkbox">
            <input type="checkbox" checked={never} onChange={(e) => setNever(e.target.checked)} /> The link never
            expires
          </label>
          {!never && (
            <label className="field">
              <span>Expires at</span>
              <input type="datetime-local" value={date} onChange={(e) => setDate(e.target.value)} />
            </label>
          )}
        </>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}

/** An ISO time as a `datetime-local` input's value, in the reader's time zone. */
function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
