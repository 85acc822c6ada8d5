import type { PackImportResponse, PackIssueView } from '@assay/contracts';
import { useRef, useState } from 'react';
import { PACK_MAX_BYTES, uploadPack } from './uploadPack.ts';

type Stage =
  | { kind: 'idle' }
  | { kind: 'uploading'; percent: number }
  | { kind: 'validating' }
  | { kind: 'done'; imported: PackImportResponse }
  | { kind: 'failed'; message: string; issues: PackIssueView[] };

/** The API's messages start in lower case, to be quoted; on their own they read as a sentence. */
function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** Issues grouped by problem, in the order the server reported them. */
function byProblem(issues: PackIssueView[]): [string, PackIssueView[]][] {
  const groups = new Map<string, PackIssueView[]>();
  for (const issue of issues) groups.set(issue.problem, [...(groups.get(issue.problem) ?? []), issue]);
  return [...groups];
}

/**
 * [W25] "Import pack": pick a zip, watch it upload and validate, then either what was imported or every
 * issue by problem and file. Nothing is imported unless every problem passes ([A78]).
 */
export function PackImportPanel(props: { onClose(): void; onImported(imported: PackImportResponse): void }) {
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const busy = stage.kind === 'uploading' || stage.kind === 'validating';

  const start = async () => {
    if (!file) return;
    if (file.size > PACK_MAX_BYTES) {
      setStage({
        kind: 'failed',
        message: `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; a pack archive is at most 20 MB. Split the pack or shrink its largest tests.`,
        issues: [],
      });
      return;
    }
    setStage({ kind: 'uploading', percent: 0 });
    const result = await uploadPack(file, (sent, total) => {
      const percent = total > 0 ? Math.round((sent / total) * 100) : 0;
      setStage(percent >= 100 ? { kind: 'validating' } : { kind: 'uploading', percent });
    });
    if (result.ok) {
      setStage({ kind: 'done', imported: result.imported });
      props.onImported(result.imported);
    } else setStage({ kind: 'failed', message: sentence(result.message), issues: result.issues });
  };

  return (
    <section className="card pack-import" aria-labelledby="pack-import-title" data-testid="pack-import">
      <div className="pack-import-head">
        <div>
          <h2 id="pack-import-title">Import a problem pack</h2>
          <p className="muted small">
            A .zip as <strong>Export</strong> or <code>pnpm problems export</code> writes it, up to 20 MB. Every problem
            is validated by the judge first; if one fails, nothing is imported.
          </p>
        </div>
        <button type="button" className="btn btn-ghost btn-small" onClick={props.onClose} disabled={busy}>
          Close
        </button>
      </div>
      <div className="pack-import-row">
        <label className="pack-file">
          <input
            ref={input}
            type="file"
            accept=".zip,application/zip"
            aria-label="Pack archive"
            disabled={busy}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setStage({ kind: 'idle' });
            }}
          />
          <span className="btn btn-secondary btn-small">Choose file…</span>
          <span className={file ? 'pack-file-name' : 'pack-file-name muted'}>
            {file ? file.name : 'No file chosen'}
          </span>
        </label>
        <button type="button" className="btn btn-primary" disabled={!file || busy} onClick={() => void start()}>
          {busy ? 'Importing…' : 'Import'}
        </button>
      </div>

      {stage.kind === 'uploading' && (
        <div className="pack-progress" data-testid="pack-progress">
          <progress max={100} value={stage.percent} aria-label="Upload progress" />
          <span className="muted small">Uploading… {stage.percent}%</span>
        </div>
      )}
      {stage.kind === 'validating' && (
        <div className="pack-progress" data-testid="pack-progress">
          <span className="spinner" aria-hidden="true" />
          <span className="muted small">
            Validating every problem with the judge: reference solutions, known-bad solutions, samples and limits. This
            can take a minute for a large pack.
          </span>
        </div>
      )}
      {stage.kind === 'done' && (
        <div className="callout callout-lib-ok" role="status" data-testid="pack-import-done">
          Imported pack <strong>{stage.imported.packId}</strong>:{' '}
          {stage.imported.created === 0
            ? 'every problem was already in the library with the same content; nothing new was created.'
            : `${stage.imported.created} new ${stage.imported.created === 1 ? 'version' : 'versions'} of ${stage.imported.problems.length} ${stage.imported.problems.length === 1 ? 'problem' : 'problems'}.`}
        </div>
      )}
      {stage.kind === 'failed' && (
        <div className="pack-errors" role="alert" data-testid="pack-import-errors">
          <p className="callout callout-bad">{stage.message}</p>
          {byProblem(stage.issues).map(([problem, issues]) => (
            <div key={problem} className="pack-error-group">
              <h3 className="mono">{problem || 'The archive'}</h3>
              <ul>
                {issues.map((issue) => (
                  <li key={`${issue.file}:${issue.line}:${issue.message}`}>
                    <div className="pack-error-where mono">
                      {issue.file}
                      {issue.line > 1 ? `:${issue.line}` : ''}
                    </div>
                    <div className="pack-error-message">{issue.message}</div>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
