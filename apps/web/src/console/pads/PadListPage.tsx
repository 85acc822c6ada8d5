import type { PadSummary } from '@assay/contracts';
import { languageDefinition } from '@assay/judge/languages';
import { useState } from 'react';
import { Link, navigate } from '../../router.ts';
import { copyText } from '../assessments/copyText.ts';
import { formatDateTime } from '../ui/format.ts';
import { LoadState } from '../ui/LoadState.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { useLoad } from '../ui/useLoad.ts';
import { CreatePadDialog } from './CreatePadDialog.tsx';
import { padApi } from './padApi.ts';
import './pads.css';

/** `/admin/pads` ([W39]): every pad, newest first, with its link; New pad opens the create dialog ([W40]). */
export function PadListPage() {
  const [creating, setCreating] = useState(false);
  const loaded = useLoad(() => padApi.list(), []);
  return (
    <div className="pads" data-testid="pad-list">
      <PageHeader
        title="Pads"
        subtitle="Live interview pads: write code together, run it, keep private notes, replay it afterwards."
        actions={
          <button type="button" className="btn btn-primary" data-testid="new-pad" onClick={() => setCreating(true)}>
            New pad
          </button>
        }
      />
      <LoadState loaded={loaded}>
        {(data) => <PadTable pads={data.pads} onCreate={() => setCreating(true)} />}
      </LoadState>
      {creating && (
        // [W40] A new pad opens at once: the interviewer is usually about to share its link.
        <CreatePadDialog onCreated={(id) => navigate(`/pad/${id}`)} onCancel={() => setCreating(false)} />
      )}
    </div>
  );
}

function PadTable(props: { pads: PadSummary[]; onCreate(): void }) {
  if (props.pads.length === 0)
    return (
      <div className="empty-state" data-testid="pads-empty">
        <h2>No pads yet</h2>
        <p className="muted">
          A pad is a shared editor for a live interview: create one, send the candidate its link, and run code together.
          Start blank or from a library problem.
        </p>
        <button type="button" className="btn btn-primary" onClick={props.onCreate}>
          Create your first pad
        </button>
      </div>
    );
  return (
    <table className="data-table pad-table">
      <thead>
        <tr>
          <th>Pad</th>
          <th>Status</th>
          <th>Participants</th>
          <th>Created</th>
          <th>Ended</th>
          <th>
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {props.pads.map((pad) => (
          <PadRow key={pad.id} pad={pad} />
        ))}
      </tbody>
    </table>
  );
}

/** [W41] One pad: its problem, who joined (with their colours), copy link, open, playback once ended. */
function PadRow({ pad }: { pad: PadSummary }) {
  const [copied, setCopied] = useState<'yes' | 'no'>();
  const copy = async () => {
    setCopied((await copyText(pad.candidateLink)) ? 'yes' : 'no');
    setTimeout(() => setCopied(undefined), 2000);
  };
  return (
    <tr data-testid="pad-row" data-pad-id={pad.id}>
      <td>
        <Link className="row-title" href={`/pad/${pad.id}`}>
          {pad.title}
        </Link>
        <div className="muted small">
          {pad.problem ? pad.problem.title : 'Blank pad'} · {languageDefinition(pad.language).label}
        </div>
      </td>
      <td>
        <span className={`badge ${pad.status === 'open' ? 'badge-ok' : 'badge-neutral'}`}>
          {pad.status === 'open' ? 'Open' : 'Ended'}
        </span>
      </td>
      <td>
        {pad.participants.length === 0 ? (
          <span className="muted">Nobody yet</span>
        ) : (
          <ul className="pad-people">
            {pad.participants.map((p) => (
              <li key={p.id} title={p.role === 'candidate' ? `${p.name} (candidate)` : p.name}>
                <span className="pad-dot" style={{ background: p.colour }} aria-hidden="true" />
                {p.name}
                {p.role === 'candidate' && <span className="muted small"> · candidate</span>}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td>{formatDateTime(pad.createdAt)}</td>
      <td>{pad.endedAt ? formatDateTime(pad.endedAt) : <span className="muted">–</span>}</td>
      <td className="pad-actions">
        {pad.status === 'open' && pad.candidateLink && (
          <button type="button" className="btn btn-secondary btn-small" data-testid="copy-pad-link" onClick={copy}>
            {copied === 'yes' ? 'Copied' : copied === 'no' ? 'Copy failed' : 'Copy candidate link'}
          </button>
        )}
        <Link className="btn btn-secondary btn-small" href={`/pad/${pad.id}`}>
          Open pad
        </Link>
        {pad.status === 'ended' && (
          <Link className="btn btn-ghost btn-small" href={`/admin/pads/${pad.id}/playback`}>
            Playback
          </Link>
        )}
      </td>
    </tr>
  );
}
