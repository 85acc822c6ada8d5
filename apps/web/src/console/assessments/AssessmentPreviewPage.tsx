import type { AssessmentPreview, InvitationSummary, LanguageId, Task } from '@assay/contracts';
import { languageDefinition } from '@assay/judge/languages';
import { useState } from 'react';
import { InvitationPage } from '../../candidate/InvitationPage.tsx';
import { StatementPanel } from '../../candidate/StatementPanel.tsx';
import { Link } from '../../router.ts';
import { LoadState } from '../ui/LoadState.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { useLoad } from '../ui/useLoad.ts';
import { assessmentApi } from './assessmentApi.ts';
import './assessments.css';

/**
 * `/admin/assessments/:id/preview` ([W33]): the candidate's invitation page and every task as it opens,
 * drawn by the candidate's own components, from data that needs no invitation: no clock starts and no
 * attempt is created.
 */
export function AssessmentPreviewPage({ id }: { id: string }) {
  const loaded = useLoad(() => assessmentApi.preview(id), [id]);
  return <LoadState loaded={loaded}>{(preview) => <Preview id={id} preview={preview} />}</LoadState>;
}

function Preview({ id, preview }: { id: string; preview: AssessmentPreview }) {
  const [view, setView] = useState<'intro' | 'tasks'>('intro');
  const invitation: InvitationSummary = {
    candidateName: 'your candidate',
    title: preview.title,
    description: preview.description,
    durationMinutes: preview.durationMinutes,
    taskCount: preview.tasks.length,
    languages: preview.languages,
    proctoring: preview.proctoring,
    status: 'not_started',
    expiresAt: null,
  };
  return (
    <div className="assessments" data-testid="assessment-preview">
      <PageHeader
        title={`Preview: ${preview.title}`}
        crumbs={[
          { label: 'Assessments', href: '/admin/assessments' },
          { label: preview.title, href: `/admin/assessments/${id}` },
        ]}
        subtitle="What candidates see. No clock runs, nothing is recorded and no attempt is created."
        actions={
          <Link className="btn btn-secondary" href={`/admin/assessments/${id}`}>
            Back to the assessment
          </Link>
        }
      />
      <div className="segmented segmented-large" role="tablist" aria-label="Preview">
        <button
          type="button"
          role="tab"
          aria-selected={view === 'intro'}
          className={view === 'intro' ? 'active' : ''}
          onClick={() => setView('intro')}
        >
          Invitation page
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={view === 'tasks'}
          className={view === 'tasks' ? 'active' : ''}
          onClick={() => setView('tasks')}
        >
          Tasks ({preview.tasks.length})
        </button>
      </div>
      <div className="preview-frame">
        {view === 'intro' ? (
          <InvitationPage invitation={invitation} onContinue={async () => setView('tasks')} />
        ) : (
          <PreviewTasks preview={preview} />
        )}
      </div>
    </div>
  );
}

function PreviewTasks({ preview }: { preview: AssessmentPreview }) {
  const [position, setPosition] = useState(0);
  const [language, setLanguage] = useState<LanguageId>(preview.languages[0] as LanguageId);
  const current = preview.tasks.find((t) => t.position === position) ?? preview.tasks[0];
  if (!current) return <p className="muted preview-empty">This assessment has no tasks.</p>;
  // The candidate's statement takes a whole task; the parts a preview has no use for stay empty.
  const task: Task = { ...current, code: {}, language: null, bestScore: null, latest: { run: null, submit: null } };
  return (
    <div className="preview-tasks" data-testid="preview-tasks">
      <nav className="preview-task-list" aria-label="Tasks">
        {preview.tasks.map((t) => (
          <button
            key={t.position}
            type="button"
            className={`preview-task${t.position === current.position ? ' active' : ''}`}
            aria-current={t.position === current.position ? 'true' : undefined}
            onClick={() => setPosition(t.position)}
          >
            <span className="task-number">{t.position + 1}</span>
            <span className="preview-task-text">
              <span className="task-row-title">{t.title}</span>
              <span className="muted small">{t.points} points</span>
            </span>
          </button>
        ))}
      </nav>
      <div className="preview-task-body">
        <StatementPanel task={task} language={language} />
        <section className="preview-code">
          <div className="section-head">
            <h3 className="subsection-title">Starter code</h3>
            {preview.languages.length > 1 && (
              <select
                className="input"
                aria-label="Language"
                value={language}
                onChange={(e) => setLanguage(e.target.value as LanguageId)}
              >
                {preview.languages.map((l) => (
                  <option key={l} value={l}>
                    {languageDefinition(l).label}
                  </option>
                ))}
              </select>
            )}
          </div>
          <pre className="starter-code" data-testid="starter-code">
            {current.starter[language] ?? ''}
          </pre>
          {current.samples.length > 0 && (
            <>
              <h3 className="subsection-title">Sample tests</h3>
              <table className="data-table samples-table">
                <thead>
                  <tr>
                    <th>Input</th>
                    <th>Expected</th>
                  </tr>
                </thead>
                <tbody>
                  {current.samples.map((s) => (
                    <tr key={s.id}>
                      <td className="mono">{s.input}</td>
                      <td className="mono">{s.expected}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>
      </div>
    </div>
  );
}
