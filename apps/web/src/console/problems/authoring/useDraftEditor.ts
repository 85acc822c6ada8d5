import {
  type ComputeExpectedResponse,
  checkDraft,
  type DraftContent,
  type ProblemDraft,
  type PublishDraftResponse,
} from '@assay/contracts';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, api } from '../../../api/client.ts';

/** How long typing may pause before the draft is saved ([W26]). */
export const AUTOSAVE_MS = 800;

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'conflict' | 'error';

export interface DraftFields {
  packId: string;
  problemId: string;
  content: DraftContent;
}

export type Busy = 'validate' | 'compute' | 'publish' | null;

/**
 * A draft being edited: the server's copy, the local edits, autosave (debounced, with the optimistic
 * `updatedAt` token), the fast check after each save, and the judge-backed actions.
 */
export function useDraftEditor(initial: ProblemDraft) {
  const [draft, setDraft] = useState(initial);
  const [fields, setFields] = useState<DraftFields>({
    packId: initial.packId,
    problemId: initial.problemId,
    content: initial.content,
  });
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [published, setPublished] = useState<PublishDraftResponse | null>(null);

  // The latest values, for the save that runs after a pause.
  const state = useRef({ fields, updatedAt: initial.updatedAt, dirty: false });
  const saving = useRef<Promise<void> | null>(null);
  const timer = useRef<number | undefined>(undefined);

  const save = useCallback(async (): Promise<void> => {
    if (saving.current) await saving.current;
    if (!state.current.dirty) return;
    const sent = state.current.fields;
    state.current.dirty = false;
    setSaveState('saving');
    const run = (async () => {
      try {
        const saved = await api<ProblemDraft>('PUT', `/api/admin/problem-drafts/${initial.id}`, {
          ...sent,
          updatedAt: state.current.updatedAt,
        });
        state.current.updatedAt = saved.updatedAt;
        setDraft(saved);
        setSaveError(null);
        setSaveState(state.current.dirty ? 'unsaved' : 'saved');
      } catch (error) {
        state.current.dirty = true;
        const conflict = error instanceof ApiError && error.status === 409;
        setSaveState(conflict ? 'conflict' : 'error');
        setSaveError(error instanceof Error ? error.message : String(error));
      }
    })();
    saving.current = run;
    await run;
    saving.current = null;
  }, [initial.id]);

  const update = useCallback(
    (change: (current: DraftFields) => DraftFields) => {
      setFields((current) => {
        const next = change(current);
        state.current.fields = next;
        state.current.dirty = true;
        return next;
      });
      setSaveState((s) => (s === 'conflict' ? s : 'unsaved'));
      setPublished(null);
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => {
        if (state.current.dirty) void save();
      }, AUTOSAVE_MS);
    },
    [save],
  );

  const setContent = useCallback(
    (change: (content: DraftContent) => DraftContent) => update((f) => ({ ...f, content: change(f.content) })),
    [update],
  );

  /** Saves now what is pending; false when it could not be saved. */
  const flush = useCallback(async (): Promise<boolean> => {
    window.clearTimeout(timer.current);
    await save();
    return !state.current.dirty;
  }, [save]);

  // Ctrl+S / ⌘S saves now, as in any editor, instead of the browser's "save page".
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() === 's' && (event.ctrlKey || event.metaKey) && !event.altKey) {
        event.preventDefault();
        void flush();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [flush]);

  // Leaving the page with unsaved edits asks first; the pending save still runs.
  useEffect(() => {
    const onLeave = (event: BeforeUnloadEvent) => {
      if (state.current.dirty) event.preventDefault();
    };
    window.addEventListener('beforeunload', onLeave);
    return () => {
      window.removeEventListener('beforeunload', onLeave);
      window.clearTimeout(timer.current);
    };
  }, []);

  const act = useCallback(
    async <T>(kind: Exclude<Busy, null>, path: string): Promise<T | null> => {
      setActionError(null);
      if (!(await flush())) {
        setActionError('The draft could not be saved; resolve that first.');
        return null;
      }
      setBusy(kind);
      try {
        return await api<T>('POST', `/api/admin/problem-drafts/${initial.id}/${path}`);
      } catch (error) {
        setActionError(error instanceof Error ? error.message : String(error));
        return null;
      } finally {
        setBusy(null);
      }
    },
    [flush, initial.id],
  );

  const replaceFromServer = useCallback((next: ProblemDraft) => {
    state.current = {
      fields: { packId: next.packId, problemId: next.problemId, content: next.content },
      updatedAt: next.updatedAt,
      dirty: false,
    };
    setDraft(next);
    setFields(state.current.fields);
    setSaveState('saved');
    setSaveError(null);
  }, []);

  const validate = useCallback(async () => {
    const next = await act<ProblemDraft>('validate', 'validate');
    if (next) setDraft(next);
    return next;
  }, [act]);

  const computeExpected = useCallback(async () => {
    const result = await act<ComputeExpectedResponse>('compute', 'compute-expected');
    if (result) replaceFromServer(result.draft);
    return result;
  }, [act, replaceFromServer]);

  const publish = useCallback(async () => {
    const result = await act<PublishDraftResponse>('publish', 'publish');
    if (result) {
      setPublished(result);
      setDraft(await api<ProblemDraft>('GET', `/api/admin/problem-drafts/${initial.id}`));
    }
    return result;
  }, [act, initial.id]);

  const reload = useCallback(async () => {
    replaceFromServer(await api<ProblemDraft>('GET', `/api/admin/problem-drafts/${initial.id}`));
  }, [replaceFromServer, initial.id]);

  // [W27] The fast checks on the text as it is now: the very function the API's check runs.
  const checkIssues = useMemo(() => checkDraft(fields.content), [fields.content]);

  return {
    draft,
    fields,
    update,
    setContent,
    saveState,
    saveError,
    checkIssues,
    busy,
    actionError,
    published,
    validate,
    computeExpected,
    publish,
    reload,
  };
}

export type DraftEditor = ReturnType<typeof useDraftEditor>;
