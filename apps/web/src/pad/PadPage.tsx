import type { PadConnection } from '@assay/collab';
import { type LanguageId, type PadRun, type PadView, padRun } from '@assay/contracts';
import { LANGUAGES, languageDefinition } from '@assay/judge/languages';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, api } from '../api/client.ts';
import { useLanguageAvailability } from '../api/languages.ts';
import { MarkdownBlock } from '../candidate/StatementPanel.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { LanguageOptions, UnavailableLanguages } from '../ui/LanguageChoices.tsx';
import { Splitter, useStoredSize } from '../ui/Splitter.tsx';
import { Toasts, useToasts } from '../ui/Toasts.tsx';
import { useTheme } from '../ui/useTheme.ts';
import { ParticipantList } from './ParticipantList.tsx';
import {
  BLANK_PAD_HINT,
  connectionSummary,
  presentParticipants,
  replaceWithStarter,
  starterAfterSwitch,
} from './padLogic.ts';
import { RunPanel } from './RunPanel.tsx';
import { usePad, usePadConnection } from './usePad.ts';
import './pad.css';

// Monaco is the heaviest part of the app: it loads while the page's first paint is on screen.
const PadEditor = lazy(() => import('./PadEditor.tsx'));

type Load = { kind: 'loading' } | { kind: 'ready'; view: PadView } | { kind: 'error'; status: number; message: string };

/** The live interview pad at `/pad/<id>` ([W45]): loads the participant's view, then the room. */
export function PadPage({ padId }: { padId: string }) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    api<PadView>('GET', `/api/pads/${padId}`).then(
      (view) => live && setLoad({ kind: 'ready', view }),
      (error: unknown) =>
        live &&
        setLoad({
          kind: 'error',
          status: error instanceof ApiError ? error.status : 0,
          message: (error as Error).message,
        }),
    );
    return () => {
      live = false;
    };
  }, [padId]);
  const connection = usePadConnection(load.kind === 'ready' ? padId : undefined);
  if (load.kind === 'error') return <PadRefused padId={padId} status={load.status} message={load.message} />;
  if (load.kind === 'loading' || !connection) return <div className="center-screen muted">Opening the pad…</div>;
  return <PadRoom view={load.view} connection={connection} />;
}

/** Not signed in, not a participant, no such pad ([W45]): what happened and what to do. */
function PadRefused({ padId, status, message }: { padId: string; status: number; message: string }) {
  const signIn = `/login?next=${encodeURIComponent(`/pad/${padId}`)}`;
  return (
    <main className="page narrow" data-testid="pad-refused" data-status={status}>
      <div className="card">
        {status === 404 ? (
          <>
            <h1>This pad does not exist</h1>
            <p>Check the address, or ask your interviewer for the pad's link again.</p>
          </>
        ) : status === 401 || status === 403 ? (
          <>
            <h1>{status === 401 ? 'You have not joined this pad' : 'This pad is not open to you'}</h1>
            <p>
              <strong>Candidates:</strong> open the link your interviewer sent you; it asks your name and brings you
              here.
            </p>
            <p>
              <strong>Interviewers:</strong> <a href={signIn}>sign in</a> with your Assay account
              {status === 403 ? ' as a member of staff (a candidate of another pad cannot open this one)' : ''}.
            </p>
          </>
        ) : (
          <>
            <h1>The pad could not be opened</h1>
            <p>{message}</p>
            <p>
              <button type="button" className="btn btn-primary" onClick={() => location.reload()}>
                Try again
              </button>
            </p>
          </>
        )}
      </div>
    </main>
  );
}

function PadRoom({ view, connection }: { view: PadView; connection: PadConnection }) {
  const pad = usePad(view, connection);
  const staff = view.me.role === 'interviewer';
  const [theme, toggleTheme] = useTheme();
  const { toasts, push } = useToasts();
  const availability = useLanguageAvailability();
  const [notesOpen, setNotesOpen] = useState(staff);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [ending, setEnding] = useState(false);
  const [runSending, setRunSending] = useState(false);
  const [runError, setRunError] = useState<string>();
  const [statementWidth, setStatementWidth] = useStoredSize(
    'assay.pad.statement',
    Math.round(Math.min(520, Math.max(300, window.innerWidth * 0.3))),
    240,
    900,
  );
  const [runsHeight, setRunsHeight] = useStoredSize(
    'assay.pad.runs',
    Math.round(Math.min(320, Math.max(160, window.innerHeight * 0.3))),
    120,
    700,
  );
  const people = useMemo(
    () => presentParticipants(pad.joined, pad.states, pad.owners, view.me, pad.myPresence),
    [pad.joined, pad.states, pad.owners, view.me, pad.myPresence],
  );
  const summary = connectionSummary(pad.status, pad.pending);
  const ended = pad.ended !== undefined;
  const readOnly = !pad.canEdit || pad.closed !== undefined;
  const runBusy = runSending || pad.runs.some((r) => r.status !== 'done');

  // A language switch by someone else is worth a word: the editor's mode changed under the reader.
  const previousLanguage = useRef(pad.language);
  useEffect(() => {
    if (previousLanguage.current !== pad.language && pad.languageBy)
      push(`${pad.languageBy} switched the pad to ${languageDefinition(pad.language).label}.`);
    previousLanguage.current = pad.language;
  }, [pad.language, pad.languageBy, push]);

  useEffect(() => {
    if (pad.ended?.by) push(`${pad.ended.by} ended the interview.`, { tone: 'warning' });
  }, [pad.ended?.by, push]);

  const changeLanguage = async (next: LanguageId) => {
    const before = pad.language;
    if (next === before) return;
    try {
      await api('PUT', `/api/pads/${view.pad.id}/language`, { language: next });
      pad.setLanguage(next);
      // The starter is not forced over code someone wrote ([W48]).
      const starter = starterAfterSwitch(connection.code.getText('code').toString(), view.task, before, next);
      if (starter !== undefined) replaceWithStarter(connection, starter);
    } catch (error) {
      push((error as Error).message, { tone: 'danger' });
    }
  };

  const run = useCallback(async () => {
    if (runBusy || ended) return;
    setRunSending(true);
    setRunError(undefined);
    try {
      const answer = await api<PadRun | { run: PadRun }>('POST', `/api/pads/${view.pad.id}/runs`, {
        code: connection.code.getText('code').toString(),
        language: pad.language,
      });
      const parsed = padRun.safeParse('run' in answer ? answer.run : answer);
      if (parsed.success) pad.addRun(parsed.data);
    } catch (error) {
      setRunError((error as Error).message);
    } finally {
      setRunSending(false);
    }
  }, [runBusy, ended, view.pad.id, connection, pad.language, pad.addRun]);
  const runRef = useRef(run);
  runRef.current = run;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key === "'") {
        event.preventDefault();
        void runRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const end = async () => {
    setEnding(true);
    try {
      await api('POST', `/api/pads/${view.pad.id}/end`);
      setConfirmEnd(false);
    } catch (error) {
      push((error as Error).message, { tone: 'danger' });
    } finally {
      setEnding(false);
    }
  };

  const task = view.task;
  const columns = [
    ...(task ? [`min(${statementWidth}px, calc(100vw - 420px))`, '6px'] : []),
    'minmax(360px, 1fr)',
    ...(staff && notesOpen ? ['minmax(260px, 26vw)'] : []),
  ].join(' ');

  return (
    <div className="workspace pad" data-testid="pad" data-role={view.me.role}>
      <header className="topbar pad-topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            A
          </span>
          <span className="brand-title" data-testid="pad-title">
            {view.pad.title}
          </span>
          <span className={`badge ${ended ? 'badge-neutral' : 'badge-ok'}`} data-testid="pad-status">
            {ended ? 'Ended' : 'Open'}
          </span>
        </div>
        <span
          className={`save save-${summary.tone}`}
          data-testid="connection-state"
          data-status={pad.status}
          title={summary.text}
        >
          <span className="save-dot" aria-hidden="true" />
          {summary.text}
        </span>
        <span className="spacer" />
        <ParticipantList people={people} />
        <button
          type="button"
          className="btn btn-ghost btn-icon"
          onClick={toggleTheme}
          title={theme === 'dark' ? 'Light theme' : 'Dark theme'}
          aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
        >
          {theme === 'dark' ? '☀' : '☾'}
        </button>
        {staff && !ended && (
          <button
            type="button"
            className="btn btn-outline-danger"
            data-testid="end-pad"
            onClick={() => setConfirmEnd(true)}
          >
            End interview
          </button>
        )}
      </header>
      {ended && (
        <div className="banner pad-banner" role="status" data-testid="ended-banner">
          The interview has ended{pad.ended?.by ? ` (ended by ${pad.ended.by})` : ''}.
          {staff ? (
            <a href={`/admin/pads/${view.pad.id}/playback`}>Open the playback</a>
          ) : (
            ' The code is read-only now.'
          )}
        </div>
      )}
      {pad.closed && (
        <div className="banner pad-banner pad-banner-bad" role="alert" data-testid="closed-banner">
          {pad.closed}
          <button type="button" className="btn btn-small" onClick={() => location.reload()}>
            Reload
          </button>
        </div>
      )}
      <div className="workspace-body pad-body" style={{ gridTemplateColumns: columns }}>
        {task && (
          <>
            <article className="statement" data-testid="statement">
              <header className="statement-head">
                <div className="eyebrow">Problem</div>
                <h1>{task.title}</h1>
                {task.signature && <code className="signature">{task.signature}</code>}
              </header>
              {/* The header shows the title; a statement that opens with the same heading would repeat it. */}
              <MarkdownBlock
                markdown={task.statement.replace(/^\s*#\s+(.+)\n/, (line, title: string) =>
                  title.trim() === task.title ? '' : line,
                )}
              />
              {task.samples.length > 0 && (
                <section className="pad-samples" aria-label="Sample tests">
                  <h2>Samples</h2>
                  {task.samples.map((s, i) => (
                    <div key={s.id} className="test-card pad-sample">
                      <div className="field">
                        <div className="field-label">Sample {i + 1} · input</div>
                        <pre className="field-value mono">{s.input}</pre>
                      </div>
                      <div className="field">
                        <div className="field-label">Expected</div>
                        <pre className="field-value mono">{s.expected}</pre>
                      </div>
                    </div>
                  ))}
                </section>
              )}
            </article>
            <Splitter axis="x" label="Resize the statement" size={statementWidth} onResize={setStatementWidth} />
          </>
        )}
        <section
          className="editor-column"
          aria-label="Code"
          style={{ gridTemplateRows: `auto minmax(160px, 1fr) 6px ${runsHeight}px` }}
        >
          <div className="editor-head">
            <div className="editor-toolbar">
              <select
                value={pad.language}
                aria-label="Language"
                data-testid="pad-language"
                disabled={readOnly}
                onChange={(e) => void changeLanguage(e.target.value as LanguageId)}
              >
                <LanguageOptions languages={LANGUAGES} availability={availability} />
              </select>
              {readOnly && <span className="badge badge-neutral">Read-only</span>}
              <span className="spacer" />
              {staff && (
                <button
                  type="button"
                  className={`btn btn-small ${notesOpen ? 'btn-secondary' : 'btn-ghost'}`}
                  aria-pressed={notesOpen}
                  data-testid="notes-toggle"
                  onClick={() => setNotesOpen((o) => !o)}
                >
                  Notes
                </button>
              )}
              <button
                type="button"
                className="btn btn-primary btn-small"
                data-testid="pad-run"
                disabled={runBusy || ended}
                onClick={() => void run()}
                title="Run (Ctrl+')"
              >
                {runBusy ? 'Running…' : 'Run'}
              </button>
            </div>
            <UnavailableLanguages languages={[pad.language]} availability={availability} className="editor-note" />
          </div>
          <div className="editor-host">
            <Suspense fallback={<div className="editor-loading">Loading the editor…</div>}>
              <PadEditor
                connection={connection}
                doc="code"
                owners={pad.owners}
                language={pad.language}
                readOnly={readOnly}
                theme={theme}
                onInput={pad.touch}
                label="Shared code"
                testId="pad-editor"
              />
            </Suspense>
          </div>
          <Splitter axis="y" label="Resize the output" size={runsHeight} onResize={setRunsHeight} sizesPaneAfter />
          <RunPanel
            runs={pad.runs}
            sending={runSending}
            error={runError}
            blankHint={task ? undefined : BLANK_PAD_HINT}
          />
        </section>
        {staff && notesOpen && (
          <aside className="pad-notes" aria-label="Private notes" data-testid="notes-panel">
            <div className="pad-notes-head">
              <strong>Private notes</strong>
              <span className="muted small">— the candidate never sees these</span>
            </div>
            <div className="editor-host">
              <Suspense fallback={<div className="editor-loading">Loading…</div>}>
                <PadEditor
                  connection={connection}
                  doc="notes"
                  readOnly={pad.closed !== undefined}
                  theme={theme}
                  label="Private notes — the candidate never sees these"
                  testId="pad-notes"
                />
              </Suspense>
            </div>
          </aside>
        )}
      </div>
      {confirmEnd && (
        <Dialog
          title="End the interview?"
          confirmLabel="End interview"
          tone="danger"
          busy={ending}
          onConfirm={() => void end()}
          onCancel={() => setConfirmEnd(false)}
        >
          <p>
            The candidate's editor becomes read-only for good, and the pad opens in playback. Your notes stay editable.
          </p>
        </Dialog>
      )}
      <Toasts toasts={toasts} />
    </div>
  );
}
