import type { LanguageId, ProblemDetail, Task } from '@assay/contracts';
import { lazy, Suspense, useState } from 'react';
import { ApiError, api } from '../../api/client.ts';
import { StatementPanel } from '../../candidate/StatementPanel.tsx';
import { Link } from '../../router.ts';

import { formatDateTime } from '../ui/format.ts';
import { LoadState } from '../ui/LoadState.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { useLoad } from '../ui/useLoad.ts';
import { useStaff } from '../useStaff.ts';
import { DifficultyBadge, languageLabel, testsText } from './ProblemLibraryPage.tsx';
import './problems.css';
import { useDocumentTheme } from '../../ui/useDocumentTheme.ts';

const CodeEditor = lazy(() => import('../../editor/CodeEditor.tsx'));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const nothing = () => undefined;

/** The task a candidate would get for this version, as the first task worth 100 points. */
function taskOf(problem: ProblemDetail): Task {
  return {
    position: 0,
    title: problem.title,
    difficulty: problem.difficulty,
    points: 100,
    statement: problem.statement,
    signature: problem.signature,
    starter: problem.starter,
    samples: problem.samples,
    code: {},
    language: null,
    bestScore: null,
    limits: { timeMs: problem.limits.timeMs, memoryMb: problem.limits.memoryMb },
    latest: { run: null, submit: null },
  };
}

function checkerText(checker: ProblemDetail['checker']): string {
  switch (checker.kind) {
    case 'exact':
      return 'Exact match';
    case 'unordered':
      return 'Unordered (any order of the elements)';
    case 'custom':
      return 'Custom checker (JavaScript)';
    case 'float': {
      const parts = [
        checker.absTolerance !== undefined ? `abs ${checker.absTolerance}` : '',
        checker.relTolerance !== undefined ? `rel ${checker.relTolerance}` : '',
      ].filter(Boolean);
      return `Floating point${parts.length ? ` (${parts.join(', ')})` : ''}`;
    }
  }
}

/** [W25] One problem version exactly as a candidate sees it, with what staff need beside it. */
export function ProblemPreviewPage({ id }: { id: string }) {
  const valid = UUID.test(id);
  const loaded = useLoad(
    () =>
      valid
        ? api<ProblemDetail>('GET', `/api/admin/problems/${id}`)
        : Promise.reject(new ApiError(404, 'NOT_FOUND', '')),
    [id, valid],
  );
  if (loaded.state === 'error' && loaded.error instanceof ApiError && loaded.error.status === 404)
    return <PreviewNotFound />;
  return <LoadState loaded={loaded}>{(problem) => <Preview problem={problem} />}</LoadState>;
}

function PreviewNotFound() {
  return (
    <>
      <PageHeader title="Problem not found" crumbs={[{ label: 'Problems', href: '/admin/problems' }]} />
      <div className="empty-state" data-testid="problem-not-found">
        <h2>No problem version at this address</h2>
        <p className="muted">The link may be cut short, or the version is not in this library.</p>
        <Link className="btn btn-secondary" href="/admin/problems">
          Back to the library
        </Link>
      </div>
    </>
  );
}

function Preview({ problem }: { problem: ProblemDetail }) {
  const { user } = useStaff();
  const theme = useDocumentTheme();
  const [language, setLanguage] = useState<LanguageId>(problem.languages[0] ?? 'javascript');
  const versionCount = problem.versions.length;
  return (
    <>
      <PageHeader
        title={problem.title}
        crumbs={[{ label: 'Problems', href: '/admin/problems' }]}
        subtitle={
          <>
            <span className="mono">{problem.ref}</span> · version {problem.version} of {versionCount}
            {problem.latest ? ' (latest)' : ''} · added {formatDateTime(problem.createdAt)}
          </>
        }
        actions={
          user.role === 'admin' && (
            <Link className="btn btn-primary" href={`/admin/problems/drafts/new?from=${problem.id}`}>
              New version
            </Link>
          )
        }
      />
      {!problem.latest && (
        <p className="callout callout-lib-warn" data-testid="not-latest">
          This is not the latest version of {problem.ref}.{' '}
          <Link href={`/admin/problems/${problem.versions[0]?.id ?? problem.id}`}>Open the latest</Link>
        </p>
      )}
      <div className="preview-layout">
        <div className="preview-main">
          <section className="preview-candidate" aria-label="As candidates see it">
            <div className="preview-bar">
              <span className="eyebrow">Candidate view</span>
              <div className="segmented" role="tablist" aria-label="Language">
                {problem.languages.map((l) => (
                  <button
                    key={l}
                    type="button"
                    role="tab"
                    aria-selected={l === language}
                    className={l === language ? 'active' : ''}
                    onClick={() => setLanguage(l)}
                  >
                    {languageLabel(l)}
                  </button>
                ))}
              </div>
            </div>
            <StatementPanel task={taskOf(problem)} language={language} />
          </section>
          <section className="card preview-section" aria-labelledby="starter-title">
            <div className="preview-section-head">
              <h2 id="starter-title">Starter code</h2>
              <span className="muted small">
                {languageLabel(language)} · what the editor holds when a candidate opens the task
              </span>
            </div>
            <div className="starter-editor" data-testid="starter-editor">
              <Suspense fallback={<div className="editor-loading">Loading the editor…</div>}>
                <CodeEditor
                  modelKey={`preview/${problem.id}/${language}`}
                  language={language}
                  initialValue={problem.starter[language] ?? ''}
                  theme={theme}
                  readOnly={true}
                  onChange={nothing}
                  onRun={nothing}
                  onSubmit={nothing}
                  onSave={nothing}
                />
              </Suspense>
            </div>
          </section>
          <section className="card preview-section" aria-labelledby="samples-title">
            <div className="preview-section-head">
              <h2 id="samples-title">Sample tests</h2>
              <span className="muted small">
                Candidates run these; {problem.hiddenCount} hidden tests judge a submission
              </span>
            </div>
            <table className="data-table samples-table" data-testid="samples">
              <thead>
                <tr>
                  <th>Test</th>
                  <th>Input</th>
                  <th>Expected</th>
                </tr>
              </thead>
              <tbody>
                {problem.samples.map((sample) => (
                  <tr key={sample.id}>
                    <td className="mono small">{sample.id}</td>
                    <td className="mono small sample-value">{sample.input}</td>
                    <td className="mono small sample-value">{sample.expected}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
        <StaffFacts problem={problem} />
      </div>
    </>
  );
}

function StaffFacts({ problem }: { problem: ProblemDetail }) {
  return (
    <aside className="preview-aside" aria-label="Staff facts" data-testid="staff-facts">
      <section className="card facts-card">
        <h2>Details</h2>
        <dl className="problem-facts">
          <dt>Difficulty</dt>
          <dd>
            <DifficultyBadge difficulty={problem.difficulty} />
          </dd>
          <dt>Tags</dt>
          <dd>
            <div className="chips">
              {problem.tags.length === 0 ? (
                <span className="muted">None</span>
              ) : (
                problem.tags.map((tag) => (
                  <span key={tag} className="tag-chip">
                    {tag}
                  </span>
                ))
              )}
            </div>
          </dd>
          <dt>Tests</dt>
          <dd>{testsText(problem)}</dd>
          <dt>Checker</dt>
          <dd>{checkerText(problem.checker)}</dd>
          <dt>Interactive</dt>
          <dd>{problem.interactive ? 'Yes: calls functions the judge provides' : 'No'}</dd>
          <dt>Limits</dt>
          <dd>{problem.limits.text}</dd>
          <dt>Languages</dt>
          <dd>{problem.languages.map(languageLabel).join(', ')}</dd>
        </dl>
      </section>
      <section className="card facts-card">
        <h2>Versions</h2>
        <ol className="version-list" data-testid="versions">
          {problem.versions.map((v) => (
            <li key={v.id} className={v.id === problem.id ? 'current' : ''}>
              {v.id === problem.id ? (
                <span className="version-name">Version {v.version}</span>
              ) : (
                <Link className="version-name" href={`/admin/problems/${v.id}`}>
                  Version {v.version}
                </Link>
              )}
              {v.latest && <span className="badge badge-ok version-badge">latest</span>}
              <div className="muted small">
                {formatDateTime(v.createdAt)} · {v.usedIn === 0 ? 'not used' : `used in ${v.usedIn}`}
              </div>
            </li>
          ))}
        </ol>
      </section>
      <section className="card facts-card">
        <h2>Used in</h2>
        {problem.usedIn.count === 0 ? (
          <p className="muted small">No assessment uses this version yet.</p>
        ) : (
          <ul className="usage-list" data-testid="used-in">
            {problem.usedIn.assessments.map((a) => (
              <li key={a.id}>
                <Link href={`/admin/assessments/${a.id}`}>{a.title}</Link>
              </li>
            ))}
            {problem.usedIn.count > problem.usedIn.assessments.length && (
              <li className="muted small">and {problem.usedIn.count - problem.usedIn.assessments.length} more</li>
            )}
          </ul>
        )}
      </section>
    </aside>
  );
}
