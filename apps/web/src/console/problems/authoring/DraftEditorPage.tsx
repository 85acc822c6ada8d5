import type { DraftIssue, ProblemDraft } from '@assay/contracts';
import { useEffect, useState } from 'react';
import { api } from '../../../api/client.ts';
import { Link, navigate, useSearchParams } from '../../../router.ts';
import { Dialog } from '../../../ui/Dialog.tsx';
import { LoadState } from '../../ui/LoadState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useLoad } from '../../ui/useLoad.ts';
import { useStaff } from '../../useStaff.ts';
import './authoring.css';
import { CheckerSection } from './CheckerSection.tsx';
import { ReadOnlyEditors } from './readOnlyEditors.ts';
import { SignatureSection } from './SignatureSection.tsx';
import { SolutionsSection } from './SolutionsSection.tsx';
import { DetailsSection, StatementSection } from './sections.tsx';
import { isMissingExpected, TestsSection } from './TestsSection.tsx';
import { type SaveState, useDraftEditor } from './useDraftEditor.ts';
import { ValidationSection } from './ValidationSection.tsx';

const SECTIONS = [
  { id: 'details', label: 'Details', owns: (w: string) => w === 'problem.yaml' || w === 'problem' },
  { id: 'statement', label: 'Statement', owns: (w: string) => w === 'statement.md' },
  { id: 'signature', label: 'Signature', owns: (w: string) => w.startsWith('signature') },
  { id: 'checker', label: 'Checker & limits', owns: (w: string) => w.startsWith('checker') },
  { id: 'tests', label: 'Tests', owns: (w: string) => w.startsWith('tests') },
  { id: 'solutions', label: 'Solutions', owns: (w: string) => w.startsWith('solutions') },
  { id: 'validation', label: 'Validation', owns: () => false },
] as const;
type SectionId = (typeof SECTIONS)[number]['id'];

/** `/admin/problems/drafts/new[?from=<versionId>]`: creates the draft, then shows it at its own address. */
export function NewDraftPage() {
  const from = useSearchParams().get('from');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api<ProblemDraft>('POST', '/api/admin/problem-drafts', from ? { fromVersionId: from } : {}).then(
      (draft) => live && navigate(`/admin/problems/drafts/${draft.id}`, { replace: true }),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [from]);
  return (
    <>
      <PageHeader
        title={from ? 'New version' : 'New problem'}
        crumbs={[{ label: 'Problems', href: '/admin/problems' }]}
      />
      {error ? (
        <div className="callout callout-bad" role="alert">
          {error}
        </div>
      ) : (
        <p className="muted">Creating the draft…</p>
      )}
    </>
  );
}

export function DraftEditorPage({ id }: { id: string }) {
  const loaded = useLoad(() => api<ProblemDraft>('GET', `/api/admin/problem-drafts/${id}`), [id]);
  return <LoadState loaded={loaded}>{(draft) => <DraftEditor key={draft.id} initial={draft} />}</LoadState>;
}

function SaveIndicator({ state, error }: { state: SaveState; error: string | null }) {
  const text: Record<SaveState, string> = {
    saved: 'All changes saved',
    unsaved: 'Unsaved changes',
    saving: 'Saving…',
    conflict: 'Changed elsewhere',
    error: 'Not saved',
  };
  return (
    <span className={`save-state save-${state}`} data-testid="save-state" title={error ?? undefined}>
      <span className="save-dot" aria-hidden="true" />
      {text[state]}
    </span>
  );
}

/** Why Publish is not available now; empty when it is ([W29]). */
function publishBlockers(draft: ProblemDraft, saveState: SaveState, readOnly: boolean, published: boolean): string[] {
  if (readOnly) return ['Only admins publish problems.'];
  if (published) return ['This content is published; edit the draft to make its next version.'];
  if (saveState !== 'saved') return ['Save the draft first (it saves on its own a moment after you stop typing).'];
  const v = draft.validation;
  if (!v) return ['Validate the draft first: publishing needs a passing validation.'];
  if (v.stale) return ['The draft changed since it was validated: validate again.'];
  if (!v.ok)
    return v.issues
      .slice(0, 3)
      .map((i) => `${i.where}: ${i.message.split('\n')[0]?.replace(/[;:,]?\s*(add|write|add the line):?$/, '')}`)
      .concat(v.issues.length > 3 ? [`and ${v.issues.length - 3} more on the Validation tab`] : []);
  return [];
}

function DraftEditor({ initial }: { initial: ProblemDraft }) {
  const editor = useDraftEditor(initial);
  const { user } = useStaff();
  const readOnly = user.role !== 'admin';
  const [section, setSection] = useState<SectionId>('details');
  const [deleting, setDeleting] = useState<'ask' | 'busy' | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const deleteDraft = async () => {
    setDeleting('busy');
    try {
      await api('DELETE', `/api/admin/problem-drafts/${draft.id}`);
      navigate('/admin/problems/drafts', { replace: true });
    } catch (error) {
      setDeleteError(error instanceof Error ? error.message : String(error));
      setDeleting(null);
    }
  };
  const { draft, fields, saveState } = editor;

  // Live issues: the fast check's after each save; Validate's for what only the judge can tell.
  const validationIssues: DraftIssue[] = draft.validation && !draft.validation.stale ? draft.validation.issues : [];
  const live = [
    ...editor.checkIssues,
    ...validationIssues.filter((v) => !editor.checkIssues.some((c) => c.where === v.where && c.message === v.message)),
  ];
  const countFor = (owns: (where: string) => boolean) =>
    live.filter((i) => owns(i.where) && !isMissingExpected(i)).length;
  const blockers = publishBlockers(draft, saveState, readOnly, editor.published !== null);

  const validate = async () => {
    const next = await editor.validate();
    if (next) setSection('validation');
  };

  return (
    <div className="authoring" data-testid="draft-editor">
      <PageHeader
        crumbs={[
          { label: 'Problems', href: '/admin/problems' },
          { label: 'Drafts', href: '/admin/problems/drafts' },
        ]}
        title={fields.content.title || 'Untitled problem'}
        subtitle={
          <span className="draft-subtitle">
            <code>{`${fields.packId}/${fields.problemId}`}</code>
            {!readOnly && (
              <>
                <span aria-hidden="true">·</span>
                <SaveIndicator state={saveState} error={editor.saveError} />
              </>
            )}
            {draft.publishedVersionId && (
              <>
                <span aria-hidden="true">·</span>
                <Link
                  className="badge badge-ok published-link"
                  href={`/admin/problems/${draft.publishedVersionId}`}
                  title="Open the version this draft last published"
                >
                  published
                </Link>
              </>
            )}
          </span>
        }
        actions={
          readOnly ? undefined : (
            <>
              <button
                type="button"
                className="btn btn-secondary"
                disabled={editor.busy !== null}
                onClick={() => void editor.computeExpected()}
              >
                {editor.busy === 'compute' ? 'Computing…' : 'Compute expected outputs'}
              </button>
              <button
                type="button"
                className="btn btn-secondary"
                disabled={editor.busy !== null}
                onClick={() => void validate()}
              >
                {editor.busy === 'validate' ? 'Validating…' : 'Validate'}
              </button>
              <button
                type="button"
                className="btn btn-primary"
                disabled={editor.busy !== null || blockers.length > 0}
                title={blockers.join('\n') || 'Publish as a new immutable version'}
                onClick={() => void editor.publish()}
              >
                {editor.busy === 'publish' ? 'Publishing…' : 'Publish'}
              </button>
            </>
          )
        }
      />

      {readOnly && (
        <div className="callout callout-info banner" role="status" data-testid="read-only">
          You can look at this draft; only admins edit, validate and publish problems.
        </div>
      )}
      {saveState === 'conflict' && (
        <div className="callout callout-bad banner" role="alert">
          {editor.saveError}{' '}
          <button type="button" className="btn btn-secondary btn-small" onClick={() => void editor.reload()}>
            Reload the draft
          </button>
        </div>
      )}
      {saveState === 'error' && (
        <div className="callout callout-bad banner" role="alert" data-testid="save-error">
          Not saved: {editor.saveError}
        </div>
      )}
      {editor.actionError && (
        <div className="callout callout-bad banner" role="alert" data-testid="action-error">
          {editor.actionError}
        </div>
      )}
      {editor.busy === 'validate' && (
        <div className="callout callout-info banner" role="status">
          Validating with the judge: every solution on every test. This takes a few seconds.
        </div>
      )}
      {editor.published && (
        <div className="callout callout-ok banner" role="status" data-testid="published">
          {editor.published.created ? 'Published' : 'Already published: nothing changed since'}{' '}
          <code>{editor.published.ref}</code>.{' '}
          <Link href={`/admin/problems/${editor.published.versionId}`}>Open the version</Link>
        </div>
      )}
      {!readOnly && blockers.length > 0 && !editor.published && (
        <div className="publish-blockers" data-testid="publish-blockers">
          <span className="muted small">Publishing is unavailable:</span>
          <ul>
            {blockers.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        </div>
      )}

      <div className="authoring-body">
        <div className="authoring-tabs" aria-label="Draft sections" aria-orientation="vertical" role="tablist">
          {SECTIONS.map((s) => {
            const count = s.id === 'validation' ? 0 : countFor(s.owns);
            const v = draft.validation;
            return (
              <button
                key={s.id}
                type="button"
                role="tab"
                aria-selected={section === s.id}
                className={`authoring-tab${section === s.id ? ' active' : ''}`}
                onClick={() => setSection(s.id)}
              >
                <span>{s.label}</span>
                {s.id === 'tests' && <span className="tab-count">{fields.content.tests.length}</span>}
                {s.id === 'solutions' && <span className="tab-count">{fields.content.solutions.length}</span>}
                {count > 0 && (
                  <span className="tab-issues" title={`${count} to fix`}>
                    {count}
                  </span>
                )}
                {s.id === 'validation' && v && (
                  <span className={`tab-status ${v.stale ? 'stale' : v.ok ? 'ok' : 'bad'}`}>
                    {v.stale ? 'stale' : v.ok ? 'passed' : 'failed'}
                  </span>
                )}
              </button>
            );
          })}
        </div>
        <section className="authoring-panel card" data-testid={`section-${section}`}>
          <h2 className="panel-title">{SECTIONS.find((s) => s.id === section)?.label}</h2>
          <ReadOnlyEditors.Provider value={readOnly}>
            <fieldset className="panel-fieldset" disabled={readOnly}>
              {section === 'details' && <DetailsSection editor={editor} />}
              {section === 'details' && !readOnly && (
                <div className="danger-zone">
                  <div>
                    <strong>Delete this draft</strong>
                    <p className="muted small">
                      Versions it published stay in the library and in every assessment that uses them.
                    </p>
                    {deleteError && <p className="field-error">{deleteError}</p>}
                  </div>
                  <button type="button" className="btn btn-danger btn-small" onClick={() => setDeleting('ask')}>
                    Delete draft
                  </button>
                </div>
              )}
              {section === 'statement' && <StatementSection editor={editor} draftId={draft.id} />}
              {section === 'signature' && <SignatureSection editor={editor} />}
              {section === 'checker' && <CheckerSection editor={editor} draftId={draft.id} />}
              {section === 'tests' && <TestsSection editor={editor} issues={live} draftId={draft.id} />}
              {section === 'solutions' && <SolutionsSection editor={editor} draftId={draft.id} issues={live} />}
              {section === 'validation' && (
                <ValidationSection
                  validation={draft.validation}
                  unsaved={saveState !== 'saved'}
                  busy={editor.busy !== null || readOnly}
                  onValidate={() => void validate()}
                />
              )}
            </fieldset>
          </ReadOnlyEditors.Provider>
        </section>
      </div>
      {deleting && (
        <Dialog
          title="Delete this draft?"
          confirmLabel="Delete draft"
          tone="danger"
          busy={deleting === 'busy'}
          onConfirm={() => void deleteDraft()}
          onCancel={() => setDeleting(null)}
        >
          <p>
            The draft <strong>{fields.content.title || 'Untitled problem'}</strong> and its unpublished changes are
            removed. Published versions are not.
          </p>
        </Dialog>
      )}
    </div>
  );
}
