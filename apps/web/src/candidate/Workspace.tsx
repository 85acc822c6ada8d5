import type { AttemptView, LanguageId, RunBody, Submission, SubmitBody, Task } from '@assay/contracts';
import { LANGUAGES, languageDefinition, languageOfFile } from '@assay/judge/languages';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, api, NetworkError, withRetry } from '../api/client.ts';
import { useLanguageAvailability } from '../api/languages.ts';
import type { EditorHandle } from '../editor/CodeEditor.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { LanguageOptions, UnavailableLanguages } from '../ui/LanguageChoices.tsx';
import { Splitter, useStoredSize } from '../ui/Splitter.tsx';
import { shortcutLabel } from '../ui/shortcuts.ts';
import { Toasts, useToasts } from '../ui/Toasts.tsx';
import { useFocusWrap } from '../ui/useFocusWrap.ts';
import { useTheme } from '../ui/useTheme.ts';
import { CodeSync, type SaveState } from './codeSync.ts';
import { parseCustomInputs } from './customInputs.ts';
import { FinishDialog } from './FinishDialog.tsx';
import { startProctoring } from './proctoring.ts';
import { type PanelTab, ResultsPanel } from './ResultsPanel.tsx';
import { StatementPanel } from './StatementPanel.tsx';
import { TaskSidebar, taskProgress } from './TaskSidebar.tsx';
import { TopBar } from './TopBar.tsx';
import { hasUnsubmittedChanges, recallSubmitted, rememberSubmitted } from './unsubmitted.ts';
import { useDeadline } from './useDeadline.ts';
import { useLiveAttempt } from './useLiveAttempt.ts';
import { useOpenElsewhere } from './useOpenElsewhere.ts';

// Monaco is the heaviest part of the app: it loads while the workspace's first paint is on screen.
const CodeEditor = lazy(() => import('../editor/CodeEditor.tsx'));

// Each task's editor model is named like a file in its language: `task-0.ts` ([J50]).
const modelKey = (position: number, language: LanguageId) =>
  `task-${position}${languageDefinition(language).extension}`;
const parseModelKey = (key: string) => {
  const [, position, file] = /^task-(\d+)(\..+)$/.exec(key) ?? [];
  return { position: Number(position), language: languageOfFile(file ?? '') ?? LANGUAGES[0] };
};

export function Workspace(props: { view: AttemptView; onFinished: (view: AttemptView) => void }) {
  const { view, onFinished } = props;
  const { attempt, assessment, tasks } = view;
  const { toasts, push } = useToasts();
  const [theme, toggleTheme] = useTheme();
  // The task on screen survives a reload.
  const [current, setCurrentState] = useState(() => {
    const stored = Number(localStorage.getItem(`assay.task.${view.attempt.id}`));
    return Number.isInteger(stored) && stored >= 0 && stored < view.tasks.length ? stored : 0;
  });
  const setCurrent = useCallback(
    (index: number) => {
      setCurrentState(index);
      localStorage.setItem(`assay.task.${view.attempt.id}`, String(index));
    },
    [view.attempt.id],
  );
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'saved', at: null });
  const availability = useLanguageAvailability();
  const [edited, setEdited] = useState<Record<number, boolean>>({});
  const [tab, setTab] = useState<PanelTab>('tests');
  const [customInput, setCustomInput] = useState<Record<number, string>>({});
  const [customError, setCustomError] = useState<string>();
  const [confirmFinish, setConfirmFinish] = useState(false);
  const [confirmReset, setConfirmReset] = useState(false);
  const [finishing, setFinishing] = useState(false);
  const [fullscreen, setFullscreen] = useState(() => document.fullscreenElement !== null);
  // Runs and submits on their way to the server, by `${position}/run|submit`: what the panel says meanwhile.
  const [sending, setSending] = useState<Record<string, string | undefined>>({});
  const [tabMovesFocus, setTabMovesFocus] = useState(false);
  const editorHandle = useRef<EditorHandle | null>(null);
  const root = useRef<HTMLDivElement>(null);
  useFocusWrap(root);
  // Default pane sizes follow the screen: a third of the width for the statement, about a third of the
  // height for results.
  const [statementWidth, setStatementWidth] = useStoredSize(
    'assay.layout.statement',
    Math.round(Math.min(560, Math.max(300, window.innerWidth * 0.34))),
    240,
    900,
  );
  const [resultsHeight, setResultsHeight] = useStoredSize(
    'assay.layout.results',
    Math.round(Math.min(360, Math.max(160, window.innerHeight * 0.34))),
    120,
    700,
  );
  const sync = useMemo(() => new CodeSync(attempt.id, setSaveState), [attempt.id]);

  const task = tasks[current] as Task;
  // A verdict the results panel already shows needs no toast over it ([W18]).
  const onScreen = useRef({ position: task.position, tab });
  onScreen.current = { position: task.position, tab };
  const [languages, setLanguages] = useState<Record<number, LanguageId>>(() =>
    Object.fromEntries(
      tasks.map((t) => {
        const stored = localStorage.getItem(`assay.lang.${attempt.id}.${t.position}`) as LanguageId | null;
        const pick = [stored, t.language].find((l) => l && assessment.languages.includes(l));
        return [t.position, pick ?? assessment.languages[0] ?? 'javascript'];
      }),
    ),
  );
  const language = languages[task.position] ?? 'javascript';

  // The code each task starts with in this browser: an unsent local edit beats the server's copy (it is
  // newer: it was made offline, or just before a reload), then the server's, then the starter.
  const initialCode = useMemo(() => {
    const map = new Map<string, string>();
    for (const t of tasks) {
      for (const lang of assessment.languages) {
        const unsaved = sync.unsaved(t.position, lang);
        const server = t.code[lang];
        if (unsaved !== undefined && unsaved !== server) sync.adopt(t.position, lang, unsaved);
        map.set(modelKey(t.position, lang), unsaved ?? server ?? t.starter[lang] ?? '');
      }
    }
    return map;
  }, [tasks, assessment.languages, sync]);
  const latestCode = useRef(new Map(initialCode));

  const notify = useCallback(
    (message: string, position: number) => {
      if (onScreen.current.position !== position || onScreen.current.tab !== 'submission') push(message);
    },
    [push],
  );
  const { runs, track, best, offsetMs, connected, liveStopped } = useLiveAttempt({
    tasks,
    serverTime: view.serverTime,
    notify,
  });
  const warn = useCallback((message: string) => push(message, { tone: 'warning', ms: 8000 }), [push]);
  const { remaining, timeUp, setTimeUp } = useDeadline({
    deadline: attempt.deadline,
    offsetMs,
    sync,
    closed: saveState.kind === 'closed',
    warn,
    onFinished,
  });
  const openElsewhere = useOpenElsewhere(attempt.id);
  const locked = timeUp || saveState.kind === 'closed';

  useEffect(() => {
    if (!assessment.proctoring.recordEvents) return;
    return startProctoring({
      // One proctoring notice at a time: a burst of signals is one toast, not a pile over the page ([W18]).
      notify: (message) => push(message, { tone: 'warning', group: 'proctoring' }),
      editorSelection: () => editorHandle.current?.selectedText() ?? '',
    });
  }, [assessment.proctoring.recordEvents, push]);

  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  useEffect(() => {
    const warnBeforeLeaving = (event: BeforeUnloadEvent) => {
      if (sync.hasPending()) event.preventDefault();
    };
    window.addEventListener('beforeunload', warnBeforeLeaving);
    const stop = sync.start();
    return () => {
      window.removeEventListener('beforeunload', warnBeforeLeaving);
      stop();
    };
  }, [sync]);

  const onChange = useCallback(
    (key: string, code: string) => {
      const { position, language: lang } = parseModelKey(key);
      if (latestCode.current.get(key) === code) return;
      latestCode.current.set(key, code);
      sync.edit(position, lang, code);
      setEdited((e) => (e[position] ? e : { ...e, [position]: true }));
    },
    [sync],
  );

  // A compile error from the latest judged code of this task is marked on its line.
  const latestJudged = [runs[task.position]?.sample, runs[task.position]?.submit]
    .filter((x): x is Submission => x?.status === 'done' && x.language === language)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  const compileError = latestJudged?.report?.compileError;
  const errorLine = compileError?.line;
  const errorMessage = compileError?.message;
  // biome-ignore lint/correctness/useExhaustiveDependencies: marked once per judged submission, not per re-render
  useEffect(() => {
    editorHandle.current?.showError(
      errorLine === undefined ? null : { line: errorLine, message: errorMessage ?? 'does not compile' },
    );
  }, [latestJudged?.id]);

  const codeOf = (position: number, lang: LanguageId) => latestCode.current.get(modelKey(position, lang)) ?? '';
  const taskRuns = runs[task.position] ?? {};
  const runSending = sending[`${task.position}/run`];
  const submitSending = sending[`${task.position}/submit`];
  const runBusy = runSending !== undefined || [taskRuns.sample, taskRuns.custom].some((s) => s && s.status !== 'done');
  const submitBusy =
    submitSending !== undefined || (taskRuns.submit !== undefined && taskRuns.submit.status !== 'done');
  const setSendingNote = (key: string, note: string | undefined) => setSending((all) => ({ ...all, [key]: note }));

  // Requests on their way: a double click or a shortcut pressed twice sends one.
  const posting = useRef(new Set<string>());
  const once = async (key: string, send: () => Promise<void>) => {
    if (posting.current.has(key)) return;
    posting.current.add(key);
    try {
      await send();
    } finally {
      posting.current.delete(key);
    }
  };

  const run = (custom: boolean) => once(`${task.position}/run`, () => runNow(custom));
  const runNow = async (custom: boolean) => {
    if (locked || runBusy) return;
    let customInputs: unknown[][] | undefined;
    if (custom) {
      try {
        customInputs = parseCustomInputs(customInput[task.position] ?? '', task.signature.params.length);
        setCustomError(undefined);
      } catch (error) {
        setCustomError((error as Error).message);
        setTab('custom');
        return;
      }
    }
    const position = task.position;
    const key = `${position}/run`;
    // The panel says "Sending…" from the click on, never the previous result as if it were new ([W15]).
    setSendingNote(key, 'Sending…');
    setTab(custom ? 'custom' : 'tests');
    try {
      const submission = await api<Submission>('POST', `/api/attempt/tasks/${position}/runs`, {
        language,
        code: codeOf(position, language),
        ...(customInputs ? { customInputs } : {}),
      } satisfies RunBody);
      track(custom ? 'custom' : 'sample', submission);
    } catch (error) {
      push((error as Error).message, { tone: 'danger' });
    } finally {
      setSendingNote(key, undefined);
    }
  };

  const submit = () => once(`${task.position}/submit`, submitNow);
  const submitNow = async () => {
    if (locked || submitBusy) return;
    const position = task.position;
    const key = `${position}/submit`;
    const body: SubmitBody = { language, code: codeOf(position, language), idempotencyKey: crypto.randomUUID() };
    setTab('submission');
    setSendingNote(key, 'Sending…');
    try {
      // The same body, so the same key, on every retry: a submit that reached the server before the
      // connection dropped is not judged twice ([A15], [W11]).
      const submission = await withRetry(
        () => api<Submission>('POST', `/api/attempt/tasks/${position}/submissions`, body),
        {
          onRetry: (error, delayMs) =>
            setSendingNote(
              key,
              `${error instanceof NetworkError ? 'The server cannot be reached' : 'The server is busy'}; trying again in ${Math.ceil(delayMs / 1000)} s…`,
            ),
        },
      );
      rememberSubmitted(attempt.id, position, { language: body.language, code: body.code });
      track('submit', submission);
    } catch (error) {
      push((error as Error).message, { tone: 'danger' });
    } finally {
      setSendingNote(key, undefined);
    }
  };

  const finish = async () => {
    setFinishing(true);
    await sync.flush();
    try {
      onFinished(await api<AttemptView>('POST', '/api/attempt/finish'));
    } catch (error) {
      setFinishing(false);
      setConfirmFinish(false);
      if (error instanceof ApiError && error.status === 409) setTimeUp(true);
      else push((error as Error).message, { tone: 'danger' });
    }
  };

  // Shortcuts also work when the focus is outside the editor.
  const save = async () => {
    await sync.flush();
    push(
      sync.hasPending()
        ? 'Not saved yet: your code is kept in this browser and sent when the server is back.'
        : 'Your code is saved automatically as you type.',
    );
  };
  const actions = useRef({ run, submit, save });
  actions.current = { run, submit, save };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // The editor handles its own shortcuts; this is for the rest of the page.
      if (!(event.ctrlKey || event.metaKey) || event.defaultPrevented) return;
      if (event.key === 's') {
        // Habit from every editor: saving is automatic, but say so instead of the browser's Save page.
        event.preventDefault();
        void actions.current.save();
      } else if (event.key === 'Enter') {
        event.preventDefault();
        void actions.current.submit();
      } else if (event.key === "'") {
        event.preventDefault();
        void actions.current.run(false);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const changeLanguage = (next: LanguageId) => {
    setLanguages((all) => ({ ...all, [task.position]: next }));
    localStorage.setItem(`assay.lang.${attempt.id}.${task.position}`, next);
  };

  const unsubmitted = () =>
    tasks.filter((t) => {
      const lang = languages[t.position] ?? 'javascript';
      return hasUnsubmittedChanges({
        code: codeOf(t.position, lang),
        language: lang,
        submitted: recallSubmitted(attempt.id, t.position),
        hasSubmission: runs[t.position]?.submit !== undefined || (best[t.position] ?? null) !== null,
        edited: edited[t.position] ?? false,
        saved: t.code[lang] !== undefined,
      });
    });

  return (
    <div className="workspace" data-testid="workspace" ref={root}>
      <TopBar
        title={assessment.title}
        candidate={view.candidate.name}
        remaining={remaining}
        saveState={saveState}
        connected={connected}
        theme={theme}
        onToggleTheme={toggleTheme}
        onFinish={() => setConfirmFinish(true)}
        finishDisabled={locked}
      />
      {liveStopped && (
        <div className="banner" role="alert" data-testid="live-stopped">
          {liveStopped}
        </div>
      )}
      {openElsewhere && (
        <div className="banner" role="alert" data-testid="open-elsewhere">
          This assessment is also open in another tab or window. Work in one place: edits in both can overwrite each
          other.
        </div>
      )}
      {assessment.proctoring.fullscreen && !fullscreen && !locked && (
        <div className="banner" role="status">
          This assessment asks you to stay in fullscreen.
          <button
            type="button"
            className="btn btn-small"
            onClick={() => void document.documentElement.requestFullscreen().catch(() => {})}
          >
            Enter fullscreen
          </button>
        </div>
      )}
      <div
        className="workspace-body"
        style={{
          // The editor keeps at least 360 px: on a narrow screen the statement gives way.
          gridTemplateColumns: `var(--sidebar-width) min(${statementWidth}px, calc(100vw - var(--sidebar-width) - 366px)) 6px minmax(360px, 1fr)`,
        }}
      >
        <TaskSidebar
          tasks={tasks}
          current={current}
          onSelect={setCurrent}
          progress={(t) => ({
            state: taskProgress(
              best[t.position] ?? null,
              edited[t.position] ?? t.code[languages[t.position] ?? 'javascript'] !== undefined,
            ),
            best: best[t.position] ?? null,
          })}
        />
        <StatementPanel task={task} language={language} />
        <Splitter axis="x" label="Resize the statement" size={statementWidth} onResize={setStatementWidth} />
        <section
          className="editor-column"
          aria-label="Code"
          style={{ gridTemplateRows: `auto minmax(160px, 1fr) 6px ${resultsHeight}px` }}
        >
          <div className="editor-head">
            <div className="editor-toolbar">
              {assessment.languages.length > 1 ? (
                <select
                  aria-label="Language"
                  data-testid="language"
                  value={language}
                  disabled={locked}
                  onChange={(e) => changeLanguage(e.target.value as LanguageId)}
                >
                  <LanguageOptions languages={assessment.languages} availability={availability} />
                </select>
              ) : (
                <span className="language-name">{languageDefinition(language).label}</span>
              )}
              <button
                type="button"
                className="btn btn-ghost btn-small"
                onClick={() => setConfirmReset(true)}
                disabled={locked}
              >
                Reset
              </button>
              <span className="spacer" />
              <span className="tab-hint muted small" data-testid="tab-hint">
                {tabMovesFocus ? 'Tab moves focus' : 'Tab indents'} · <kbd>{shortcutLabel('tabMovesFocus')}</kbd>{' '}
                {tabMovesFocus ? 'to indent' : 'to move focus'}
              </span>
              <button
                type="button"
                className="btn btn-secondary"
                data-testid="run"
                disabled={locked || runBusy}
                title={`Run the sample tests (${shortcutLabel('run')})`}
                onClick={() => void run(tab === 'custom')}
              >
                {runSending ? 'Sending…' : runBusy ? 'Running…' : tab === 'custom' ? 'Run custom input' : 'Run'}
              </button>
              <button
                type="button"
                className="btn btn-primary"
                data-testid="submit"
                disabled={locked || submitBusy}
                title={`Run the hidden tests (${shortcutLabel('submit')})`}
                onClick={() => void submit()}
              >
                {submitSending ? 'Sending…' : submitBusy ? 'Judging…' : 'Submit'}
              </button>
            </div>
            <UnavailableLanguages
              languages={assessment.languages}
              availability={availability}
              className="editor-note"
            />
          </div>
          <div className="editor-host" data-testid="editor">
            <Suspense fallback={<div className="editor-loading">Loading the editor…</div>}>
              <CodeEditor
                modelKey={modelKey(task.position, language)}
                language={language}
                initialValue={latestCode.current.get(modelKey(task.position, language)) ?? ''}
                theme={theme}
                readOnly={locked}
                onChange={onChange}
                onRun={() => void actions.current.run(false)}
                onSubmit={() => void actions.current.submit()}
                onSave={() => void actions.current.save()}
                onReady={(handle) => {
                  editorHandle.current = handle;
                }}
                onTabMovesFocus={setTabMovesFocus}
              />
            </Suspense>
          </div>
          <Splitter
            axis="y"
            label="Resize the results"
            size={resultsHeight}
            onResize={setResultsHeight}
            sizesPaneAfter
          />
          <ResultsPanel
            task={task}
            tab={tab}
            onTab={setTab}
            sampleRun={taskRuns.sample}
            customRun={taskRuns.custom}
            submission={taskRuns.submit}
            customInput={customInput[task.position] ?? ''}
            onCustomInput={(text) => setCustomInput((all) => ({ ...all, [task.position]: text }))}
            customError={customError}
            sending={{ run: runSending, submit: submitSending }}
          />
        </section>
      </div>
      {confirmFinish && (
        <FinishDialog
          remaining={remaining}
          unsubmitted={unsubmitted()}
          finishing={finishing}
          onConfirm={() => void finish()}
          onCancel={() => setConfirmFinish(false)}
        />
      )}
      {confirmReset && (
        <Dialog
          title="Reset to the starter code?"
          confirmLabel="Reset"
          tone="danger"
          onConfirm={() => {
            editorHandle.current?.replaceAll(task.starter[language] ?? '');
            setConfirmReset(false);
          }}
          onCancel={() => setConfirmReset(false)}
        >
          <p>
            Your {language === 'typescript' ? 'TypeScript' : 'JavaScript'} code for this task is replaced with the
            starter code. You can undo this in the editor ({shortcutLabel('undo')}).
          </p>
        </Dialog>
      )}
      {timeUp && (
        <div className="dialog-backdrop">
          <div className="dialog" role="alertdialog" aria-label="Time is up" data-testid="time-up">
            <h2>Time is up</h2>
            <p>The editor is locked. Your last saved code was submitted automatically.</p>
            <p className="pending">
              <span className="spinner" aria-hidden="true" /> Collecting your results…
            </p>
          </div>
        </div>
      )}
      <Toasts toasts={toasts} />
    </div>
  );
}
