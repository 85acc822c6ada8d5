import type { CreatePadBody } from '@assay/contracts';
import { PAD_LIMITS } from '@assay/contracts';
import { LANGUAGES, type Language } from '@assay/judge/languages';
import { useState } from 'react';
import { useLanguageAvailability } from '../../api/languages.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { LanguageOptions, UnavailableLanguages } from '../../ui/LanguageChoices.tsx';
import { LoadState } from '../ui/LoadState.tsx';
import { useLoad } from '../ui/useLoad.ts';
import { padApi } from './padApi.ts';

/**
 * [W40] Create a pad: a title, a language, and optionally a problem of the library (its statement,
 * starter code and samples come with it). Errors are the API's own messages, shown in the dialog.
 */
export function CreatePadDialog(props: { onCreated(id: string): void; onCancel(): void }) {
  const [title, setTitle] = useState('');
  const [language, setLanguage] = useState<Language>('javascript');
  const [problemVersionId, setProblemVersionId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const problems = useLoad(() => padApi.problems(), []);
  const availability = useLanguageAvailability();

  const create = async () => {
    if (!title.trim()) {
      setError('Give the pad a title, such as the candidate’s name and the role.');
      return;
    }
    setBusy(true);
    setError(undefined);
    const body: CreatePadBody = { title: title.trim(), language, ...(problemVersionId ? { problemVersionId } : {}) };
    try {
      const pad = await padApi.create(body);
      props.onCreated(pad.id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="New pad"
      confirmLabel={busy ? 'Creating…' : 'Create pad'}
      busy={busy}
      onConfirm={create}
      onCancel={props.onCancel}
    >
      <form
        className="pad-create"
        data-testid="create-pad"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <label className="field">
          <span>Title</span>
          <input
            data-testid="pad-title"
            value={title}
            maxLength={PAD_LIMITS.titleChars}
            placeholder="Ada Lovelace – backend"
            onChange={(e) => setTitle(e.target.value)}
          />
        </label>
        <label className="field">
          <span>Language</span>
          <select data-testid="pad-language" value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
            <LanguageOptions languages={LANGUAGES} availability={availability} />
          </select>
          <span className="field-hint">Anyone in the pad can switch it later.</span>
          <UnavailableLanguages languages={LANGUAGES} availability={availability} />
        </label>
        <div className="field">
          <span id="pad-problem-label">Problem</span>
          <LoadState loaded={problems}>
            {(data) => (
              <select
                data-testid="pad-problem"
                aria-labelledby="pad-problem-label"
                value={problemVersionId}
                onChange={(e) => setProblemVersionId(e.target.value)}
              >
                <option value="">None: a blank pad (Run runs the whole program)</option>
                {[...data.problems]
                  .sort((a, b) => a.title.localeCompare(b.title))
                  .map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.title} ({p.ref}, {p.difficulty})
                    </option>
                  ))}
              </select>
            )}
          </LoadState>
          <span className="field-hint">
            A library problem shows its statement beside the editor, with its starter code and runnable samples.
          </span>
        </div>
        {error && (
          <p className="field-error" role="alert" data-testid="create-pad-error">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
