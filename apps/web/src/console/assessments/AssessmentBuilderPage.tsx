import type { AssessmentDetail } from '@assay/contracts';
import { LANGUAGES, languageDefinition } from '@assay/judge/languages';
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { unavailableReason, useLanguageAvailability } from '../../api/languages.ts';
import { MarkdownBlock } from '../../candidate/StatementPanel.tsx';
import { Link, navigate } from '../../router.ts';
import { UnavailableLanguages } from '../../ui/LanguageChoices.tsx';
import { LoadState } from '../ui/LoadState.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { useLoad } from '../ui/useLoad.ts';
import { assessmentApi } from './assessmentApi.ts';
import { type Draft, EMPTY_DRAFT, type Errors, fromDetail, toInput, validateDraft } from './assessmentDraft.ts';
import { TaskList } from './TaskList.tsx';
import './assessments.css';

/** `/admin/assessments/new` and `/admin/assessments/:id/edit` ([W31]). */
export function AssessmentBuilderPage({ id }: { id?: string }) {
  const loaded = useLoad(async () => (id ? assessmentApi.get(id) : null), [id]);
  return (
    <LoadState loaded={loaded}>
      {(existing) => <BuilderForm key={existing?.id ?? 'new'} existing={existing} />}
    </LoadState>
  );
}

function BuilderForm({ existing }: { existing: AssessmentDetail | null }) {
  const [draft, setDraft] = useState<Draft>(() => (existing ? fromDetail(existing) : EMPTY_DRAFT));
  const [shown, setShown] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string>();
  const [descriptionTab, setDescriptionTab] = useState<'write' | 'preview'>('write');
  const errors = validateDraft(draft);
  const locked = existing?.locked ?? false;
  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const availability = useLanguageAvailability();
  // [W61] A new assessment offers only what this server can judge; an existing one keeps its choice.
  useEffect(() => {
    if (existing || !availability) return;
    setDraft((d) => ({ ...d, languages: d.languages.filter((l) => unavailableReason(availability, l) === undefined) }));
  }, [existing, availability]);
  const errorOf = (field: keyof Errors) => (shown ? errors[field] : undefined);

  async function save(event: FormEvent) {
    event.preventDefault();
    setShown(true);
    if (Object.keys(errors).length > 0) return;
    setSaving(true);
    setServerError(undefined);
    try {
      const id = existing
        ? (await assessmentApi.update(existing.id, toInput(draft))).id
        : (await assessmentApi.create(toInput(draft))).id;
      navigate(`/admin/assessments/${id}`);
    } catch (error) {
      setServerError(error instanceof ApiError || error instanceof Error ? error.message : String(error));
      setSaving(false);
    }
  }

  const title = existing ? `Edit ${existing.title}` : 'New assessment';
  return (
    <form className="assessments builder" data-testid="assessment-builder" onSubmit={save} noValidate>
      <PageHeader
        title={title}
        crumbs={[
          { label: 'Assessments', href: '/admin/assessments' },
          ...(existing ? [{ label: existing.title, href: `/admin/assessments/${existing.id}` }] : []),
        ]}
        subtitle="Candidates see the title, the description, the duration and the languages before they start."
      />
      {locked && (
        <div className="callout callout-warn" data-testid="locked-notice">
          A candidate has already started this assessment, so its tasks, duration, languages and proctoring are fixed
          (their score and clock depend on them). You can still change the title, description and invitation expiry, or
          duplicate the assessment to change the rest.
        </div>
      )}
      <div className="builder-grid">
        <div className="builder-main">
          <section className="card">
            <h2 className="section-title">Basics</h2>
            <label className="field">
              <span>Title</span>
              <input
                value={draft.title}
                maxLength={200}
                placeholder="Backend engineer, phone screen"
                aria-invalid={Boolean(errorOf('title'))}
                onChange={(e) => update({ title: e.target.value })}
              />
              {errorOf('title') && <span className="field-error">{errorOf('title')}</span>}
            </label>
            <div className="field">
              <div className="field-head">
                <span id="description-label">Description for candidates</span>
                <div className="segmented" role="tablist" aria-label="Description view">
                  {(['write', 'preview'] as const).map((tab) => (
                    <button
                      key={tab}
                      type="button"
                      role="tab"
                      aria-selected={descriptionTab === tab}
                      className={descriptionTab === tab ? 'active' : ''}
                      onClick={() => setDescriptionTab(tab)}
                    >
                      {tab === 'write' ? 'Write' : 'Preview'}
                    </button>
                  ))}
                </div>
              </div>
              {descriptionTab === 'write' ? (
                <textarea
                  aria-labelledby="description-label"
                  rows={6}
                  maxLength={20000}
                  value={draft.description}
                  placeholder="What the assessment covers and anything candidates should know. Markdown works."
                  onChange={(e) => update({ description: e.target.value })}
                />
              ) : (
                <div className="description-preview">
                  {draft.description.trim() ? (
                    <MarkdownBlock markdown={draft.description} />
                  ) : (
                    <p className="muted">Nothing to preview yet.</p>
                  )}
                </div>
              )}
              <span className="field-hint">Markdown: **bold**, `code`, lists and links.</span>
            </div>
          </section>

          <section className="card">
            <div className="section-head">
              <h2 className="section-title">Tasks</h2>
              <span className="muted small">
                {draft.tasks.length} {draft.tasks.length === 1 ? 'task' : 'tasks'} ·{' '}
                {draft.tasks.reduce((sum, t) => sum + (Number(t.points) || 0), 0)} points
              </span>
            </div>
            <TaskList tasks={draft.tasks} locked={locked} onChange={(tasks) => update({ tasks })} />
            {errorOf('tasks') && <p className="field-error">{errorOf('tasks')}</p>}
          </section>
        </div>

        <aside className="builder-side">
          <section className="card">
            <h2 className="section-title">Timing</h2>
            <label className="field">
              <span>Duration (minutes)</span>
              <input
                type="number"
                min={1}
                max={600}
                value={draft.durationMinutes}
                disabled={locked}
                aria-invalid={Boolean(errorOf('durationMinutes'))}
                onChange={(e) => update({ durationMinutes: e.target.value })}
              />
              {errorOf('durationMinutes') && <span className="field-error">{errorOf('durationMinutes')}</span>}
              <span className="field-hint">The clock starts when the candidate presses Start.</span>
            </label>
            <label className="checkbox">
              <input type="checkbox" checked={draft.expires} onChange={(e) => update({ expires: e.target.checked })} />{' '}
              Invitations expire
            </label>
            {draft.expires && (
              <label className="field field-inline">
                <span>after</span>
                <input
                  type="number"
                  min={1}
                  max={365}
                  className="input-short"
                  aria-label="Days until an invitation expires"
                  value={draft.expiryDays}
                  aria-invalid={Boolean(errorOf('expiryDays'))}
                  onChange={(e) => update({ expiryDays: e.target.value })}
                />
                <span>days</span>
              </label>
            )}
            {errorOf('expiryDays') && <p className="field-error">{errorOf('expiryDays')}</p>}
          </section>

          <section className="card">
            <h2 className="section-title">Languages</h2>
            <fieldset className="checkbox-list" disabled={locked}>
              <legend className="sr-only">Languages candidates may use</legend>
              {LANGUAGES.map((language) => (
                <label key={language} className="checkbox" title={unavailableReason(availability, language)}>
                  <input
                    type="checkbox"
                    checked={draft.languages.includes(language)}
                    // [W61] Not offered while this server cannot judge it; one already chosen can be removed.
                    disabled={
                      unavailableReason(availability, language) !== undefined && !draft.languages.includes(language)
                    }
                    onChange={(e) =>
                      update({
                        languages: e.target.checked
                          ? LANGUAGES.filter((l) => l === language || draft.languages.includes(l))
                          : draft.languages.filter((l) => l !== language),
                      })
                    }
                  />{' '}
                  {languageDefinition(language).label}
                  {unavailableReason(availability, language) === undefined ? '' : ' (unavailable)'}
                </label>
              ))}
            </fieldset>
            <UnavailableLanguages languages={LANGUAGES} availability={availability} />
            {errorOf('languages') && <p className="field-error">{errorOf('languages')}</p>}
          </section>

          <section className="card">
            <h2 className="section-title">Proctoring</h2>
            <fieldset className="checkbox-list" disabled={locked}>
              <legend className="sr-only">What the assessment records</legend>
              <label className="checkbox checkbox-block">
                <input
                  type="checkbox"
                  checked={draft.proctoring.fullscreen}
                  onChange={(e) => update({ proctoring: { ...draft.proctoring, fullscreen: e.target.checked } })}
                />
                <span>
                  Ask for fullscreen
                  <span className="field-hint">Records when the candidate leaves it.</span>
                </span>
              </label>
              <label className="checkbox checkbox-block">
                <input
                  type="checkbox"
                  checked={draft.proctoring.recordEvents}
                  onChange={(e) => update({ proctoring: { ...draft.proctoring, recordEvents: e.target.checked } })}
                />
                <span>
                  Record tab switches and pastes
                  <span className="field-hint">Candidates are told what is recorded before they start.</span>
                </span>
              </label>
            </fieldset>
          </section>
        </aside>
      </div>

      <div className="builder-actions">
        {serverError && (
          <p className="form-error" role="alert" data-testid="builder-error">
            {serverError}
          </p>
        )}
        {shown && Object.keys(errors).length > 0 && (
          <p className="form-error" role="alert">
            Fix the fields marked above to save.
          </p>
        )}
        <Link className="btn btn-ghost" href={existing ? `/admin/assessments/${existing.id}` : '/admin/assessments'}>
          Cancel
        </Link>
        <button type="submit" className="btn btn-primary" disabled={saving}>
          {saving ? 'Saving…' : existing ? 'Save changes' : 'Create assessment'}
        </button>
      </div>
    </form>
  );
}
