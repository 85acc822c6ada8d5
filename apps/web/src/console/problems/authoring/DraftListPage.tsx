import type { DraftListResponse } from '@assay/contracts';
import { api } from '../../../api/client.ts';
import { Link } from '../../../router.ts';
import { formatDateTime } from '../../ui/format.ts';
import { LoadState } from '../../ui/LoadState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useLoad } from '../../ui/useLoad.ts';
import { useStaff } from '../../useStaff.ts';
import './authoring.css';

/** `/admin/problems/drafts`: problems being authored, newest change first. */
export function DraftListPage() {
  const loaded = useLoad(() => api<DraftListResponse>('GET', '/api/admin/problem-drafts'), []);
  const { user } = useStaff();
  return (
    <div className="authoring-list">
      <PageHeader
        title="Drafts"
        subtitle="Problems being written in the browser. A draft becomes a version when it validates and is published."
        crumbs={[{ label: 'Problems', href: '/admin/problems' }]}
        actions={
          user.role === 'admin' ? (
            <Link className="btn btn-primary" href="/admin/problems/drafts/new">
              New problem
            </Link>
          ) : undefined
        }
      />
      <LoadState loaded={loaded}>
        {({ drafts }) =>
          drafts.length === 0 ? (
            <div className="empty-state">
              <p>
                <strong>No drafts yet.</strong>
              </p>
              <p className="muted">
                Start a new problem, or open a problem in the library and choose New version to edit a copy of it.
              </p>
            </div>
          ) : (
            <table className="data-table drafts-table" data-testid="drafts-table">
              <thead>
                <tr>
                  <th>Title</th>
                  <th>Publishes as</th>
                  <th>Author</th>
                  <th>Validation</th>
                  <th>Last change</th>
                </tr>
              </thead>
              <tbody>
                {drafts.map((d) => (
                  <tr key={d.id}>
                    <td>
                      <Link href={`/admin/problems/drafts/${d.id}`}>{d.title || 'Untitled problem'}</Link>
                      {d.publishedVersionId && <span className="badge badge-neutral draft-published">published</span>}
                    </td>
                    <td className="mono small">{`${d.packId}/${d.problemId}`}</td>
                    <td>{d.authorName ?? '—'}</td>
                    <td>
                      {d.validationOk === null ? (
                        <span className="muted small">not run or changed since</span>
                      ) : d.validationOk ? (
                        <span className="badge badge-ok">passed</span>
                      ) : (
                        <span className="badge badge-bad">failed</span>
                      )}
                    </td>
                    <td className="small">{formatDateTime(d.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </LoadState>
    </div>
  );
}
