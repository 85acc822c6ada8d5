import {
  type CreateInvitationsResponse,
  type CsvCheckResponse,
  MAX_CSV_BYTES,
  MAX_INVITATIONS_PER_REQUEST,
} from '@assay/contracts';
import { useMemo, useState } from 'react';
import { assessmentApi } from './assessmentApi.ts';

/** Rows the preview table shows at most; the counts above it cover every row. */
const PREVIEW_ROWS = 200;

/**
 * Bulk invitations from a CSV ([W33]): pick a file or paste, check it on the server (nothing is
 * created), see every row with its problems, then invite everyone, or only the good rows, at once.
 */
export function BulkInvite(props: {
  assessmentId: string;
  onCreated(response: CreateInvitationsResponse): void;
  onClose(): void;
}) {
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string>();
  const [checked, setChecked] = useState<CsvCheckResponse | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [created, setCreated] = useState<CreateInvitationsResponse | null>(null);

  const bad = useMemo(() => new Map((checked?.errors ?? []).map((e) => [e.row, e.message])), [checked]);
  const good = useMemo(() => (checked?.rows ?? []).filter((r) => !bad.has(r.row)), [checked, bad]);
  const fileErrors = (checked?.errors ?? []).filter((e) => !checked?.rows.some((r) => r.row === e.row));

  async function check() {
    if (new Blob([csv]).size > MAX_CSV_BYTES)
      return setError('The file is larger than 2 MiB: split it into smaller files.');
    setBusy(true);
    setError(undefined);
    try {
      setChecked(await assessmentApi.checkCsv(props.assessmentId, csv));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function invite(rows: { name: string; email: string }[]) {
    setBusy(true);
    setError(undefined);
    try {
      const response = await assessmentApi.invite(
        props.assessmentId,
        rows.map((r) => ({ name: r.name, email: r.email })),
      );
      setCreated(response);
      props.onCreated(response);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  if (created)
    return (
      <div className="bulk" data-testid="bulk-done">
        <p>
          <strong>{created.invitations.length.toLocaleString()} candidates invited.</strong>{' '}
          {created.emailed
            ? created.emailFailures.length > 0
              ? `${created.emailFailures.length} could not be emailed: ${created.emailFailures
                  .slice(0, 3)
                  .map((f) => f.email)
                  .join(', ')}${created.emailFailures.length > 3 ? '…' : ''}. Send them their links.`
              : 'Everyone was emailed their link.'
            : 'Email is off: download the links and send them.'}
        </p>
        <div className="bulk-actions">
          <button type="button" className="btn btn-secondary" onClick={() => downloadLinks(created)}>
            Download links (CSV)
          </button>
          <button type="button" className="btn btn-ghost" onClick={props.onClose}>
            Close
          </button>
        </div>
      </div>
    );

  return (
    <div className="bulk" data-testid="bulk-invite">
      {!checked ? (
        <>
          <p className="muted small bulk-intro">
            A CSV with a header line naming <code>name</code> and <code>email</code> (other columns are ignored), one
            candidate a line, up to {MAX_INVITATIONS_PER_REQUEST.toLocaleString()}. Nothing is created until you
            confirm.
          </p>
          <div className="bulk-source">
            <label className="btn btn-secondary file-button">
              Choose CSV file
              <input
                type="file"
                accept=".csv,text/csv,text/plain"
                data-testid="csv-file"
                onChange={async (e) => {
                  const file = e.target.files?.[0];
                  if (!file) return;
                  if (file.size > MAX_CSV_BYTES) return setError(`${file.name} is larger than 2 MiB: split it.`);
                  setFileName(file.name);
                  setCsv(await file.text());
                }}
              />
            </label>
            <span className="muted small">
              {fileName ? `${fileName} loaded, or edit it below` : 'or paste it below'}
            </span>
          </div>
          <textarea
            className="input bulk-text mono"
            aria-label="CSV of candidates"
            data-testid="csv-text"
            rows={7}
            placeholder={'name,email\nAda Lovelace,ada@example.com\n"Hopper, Grace",grace@example.com'}
            value={csv}
            onChange={(e) => setCsv(e.target.value)}
          />
          <div className="bulk-actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy || !csv.trim()}
              onClick={() => void check()}
            >
              {busy ? 'Checking…' : 'Check the list'}
            </button>
            <button type="button" className="btn btn-ghost" onClick={props.onClose}>
              Cancel
            </button>
          </div>
        </>
      ) : (
        <div data-testid="csv-preview">
          <div className="bulk-summary">
            <span>
              <strong>{checked.rows.length.toLocaleString()}</strong> {checked.rows.length === 1 ? 'row' : 'rows'}
            </span>
            <span className="badge badge-ok">{good.length.toLocaleString()} ready</span>
            {checked.errors.length > 0 && (
              <span className="badge badge-bad" data-testid="csv-error-count">
                {checked.errors.length.toLocaleString()} to fix
              </span>
            )}
          </div>
          {fileErrors.map((e) => (
            <div key={`${e.row}-${e.message}`} className="callout callout-bad">
              Line {e.row}: {e.message}
            </div>
          ))}
          {checked.rows.length > 0 && (
            <div className="bulk-table-wrap">
              <table className="data-table bulk-table">
                <thead>
                  <tr>
                    <th className="num">Line</th>
                    <th>Name</th>
                    <th>Email</th>
                    <th>Check</th>
                  </tr>
                </thead>
                <tbody>
                  {[...checked.rows]
                    .sort((a, b) => Number(bad.has(b.row)) - Number(bad.has(a.row)) || a.row - b.row)
                    .slice(0, PREVIEW_ROWS)
                    .map((r) => (
                      <tr key={r.row} className={bad.has(r.row) ? 'row-error' : ''} data-testid="csv-row">
                        <td className="num">{r.row}</td>
                        <td>{r.name || <span className="muted">(empty)</span>}</td>
                        <td>{r.email || <span className="muted">(empty)</span>}</td>
                        <td>
                          {bad.has(r.row) ? (
                            <span className="row-error-text" data-testid="csv-row-error">
                              {bad.get(r.row)}
                            </span>
                          ) : (
                            <span className="ok-text">Ready</span>
                          )}
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
              {checked.rows.length > PREVIEW_ROWS && (
                <p className="muted small">
                  Showing {PREVIEW_ROWS} of {checked.rows.length.toLocaleString()} rows, those to fix first.
                </p>
              )}
            </div>
          )}
          <div className="bulk-actions">
            {checked.errors.length === 0 ? (
              <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void invite(good)}>
                {busy
                  ? 'Inviting…'
                  : `Invite ${good.length.toLocaleString()} ${good.length === 1 ? 'candidate' : 'candidates'}`}
              </button>
            ) : (
              good.length > 0 &&
              fileErrors.length === 0 && (
                <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void invite(good)}>
                  {busy
                    ? 'Inviting…'
                    : `Skip ${checked.errors.length} bad ${checked.errors.length === 1 ? 'row' : 'rows'} and invite ${good.length.toLocaleString()}`}
                </button>
              )
            )}
            <button type="button" className="btn btn-secondary" onClick={() => setChecked(null)}>
              Edit the list
            </button>
            <button type="button" className="btn btn-ghost" onClick={props.onClose}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** The created invitations as a CSV to send from elsewhere: name, email, link, expiry. */
function downloadLinks(created: CreateInvitationsResponse) {
  // A spreadsheet must not run a name as a formula ([A39] does the same for the results export).
  const cell = (value: string) => `"${(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value).replaceAll('"', '""')}"`;
  const lines = [
    'name,email,link,expires_at',
    ...created.invitations.map((i) => [i.name, i.email, i.link, i.expiresAt ?? ''].map(cell).join(',')),
  ];
  const url = URL.createObjectURL(new Blob([`${lines.join('\r\n')}\r\n`], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'invitation-links.csv';
  a.click();
  URL.revokeObjectURL(url);
}
