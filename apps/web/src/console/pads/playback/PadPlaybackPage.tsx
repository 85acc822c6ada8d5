import { editIndexAt, textAt } from '@assay/collab';
import { type PadPlayback, type PadRun, padPlayback } from '@assay/contracts';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../../../api/client.ts';
import { LoadState } from '../../ui/LoadState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useLoad } from '../../ui/useLoad.ts';
import { PlaybackTimeline, type TimelineMarker, timelineMarkers } from './PlaybackTimeline.tsx';
import { advance, clock, languageAt, momentsOf, SPEEDS, type Speed } from './playhead.ts';
import './padPlayback.css';

const ReadOnlyCode = lazy(() => import('../../results/ReadOnlyCode.tsx'));

async function loadPlayback(id: string): Promise<PadPlayback> {
  return padPlayback.parse(await api<unknown>('GET', `/api/pads/${id}/playback`));
}

/** [W55] A pad's playback at `/admin/pads/:id/playback`, for staff. */
export function PadPlaybackPage({ id }: { id: string }) {
  const loaded = useLoad(() => loadPlayback(id), [id]);
  return <LoadState loaded={loaded}>{(playback) => <PadPlaybackView playback={playback} />}</LoadState>;
}

function PadPlaybackView({ playback }: { playback: PadPlayback }) {
  const duration = playback.durationMs;
  const [t, setT] = useState(duration);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<Speed>(4);
  const [skipIdle, setSkipIdle] = useState(true);
  const [runId, setRunId] = useState<string | null>(null);
  const moments = useMemo(() => momentsOf(playback), [playback]);
  const markers = useMemo(() => timelineMarkers(playback), [playback]);
  const start = Date.parse(playback.startedAt);

  // [W57] Play: the playhead moves with real time × speed, one step per animation frame.
  const state = useRef({ t, speed, skipIdle });
  state.current = { t, speed, skipIdle };
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let last = performance.now();
    const tick = (now: number) => {
      const { t: at, speed: rate, skipIdle: skip } = state.current;
      const next = advance(at, now - last, rate, moments, duration, skip);
      last = now;
      setT(next);
      if (next >= duration) setPlaying(false);
      else frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, moments, duration]);

  // [W59] The code at the playhead: the nearest checkpoint, then at most a hundred edits applied.
  const editIndex = editIndexAt(playback, t);
  const code = useMemo(() => textAt(playback, editIndex), [playback, editIndex]);
  const language = languageAt(playback, t);

  const seek = (to: number) => {
    setPlaying(false);
    setT(Math.max(0, Math.min(duration, to)));
  };
  // [W58] One edit forward or back: to the moment of the next edit, or of the one before the current.
  const step = (direction: 1 | -1) => {
    setPlaying(false);
    if (direction === 1) {
      const next = playback.edits[editIndex];
      if (next) setT(next.t);
    } else if (editIndex > 0) {
      setT(editIndex >= 2 ? (playback.edits[editIndex - 2]?.t ?? 0) : 0);
    }
  };
  const onMarker = (marker: TimelineMarker) => {
    seek(marker.t);
    if (marker.run) setRunId(marker.run.id);
  };
  const selectedRun = playback.runs.find((r) => r.id === runId) ?? null;
  const lastEdit = editIndex > 0 ? playback.edits[editIndex - 1] : undefined;

  return (
    <div className="pb-page" data-testid="pad-playback">
      <PageHeader
        crumbs={[{ label: 'Pads', href: '/admin/pads' }]}
        title={`${playback.title} · playback`}
        subtitle={`${playback.participants.map((p) => p.name).join(', ') || 'Nobody joined'} · ${new Date(start).toLocaleString()} · ${clock(duration)}${playback.status === 'open' ? ' · still open' : ''}`}
      />
      <div className="card pb-card">
        <div className="pb-controls">
          <button
            type="button"
            className="btn btn-primary btn-small pb-play"
            data-testid="pb-play"
            onClick={() => {
              if (!playing && t >= duration) setT(0);
              setPlaying((p) => !p);
            }}
          >
            {playing ? 'Pause' : 'Play'}
          </button>
          <button type="button" className="btn btn-ghost btn-small" onClick={() => step(-1)} title="Previous edit (←)">
            ◀ Edit
          </button>
          <button type="button" className="btn btn-ghost btn-small" onClick={() => step(1)} title="Next edit (→)">
            Edit ▶
          </button>
          <label className="pb-option">
            Speed
            <select
              className="input input-small"
              aria-label="Playback speed"
              data-testid="pb-speed"
              value={speed}
              onChange={(event) => setSpeed(Number(event.target.value) as Speed)}
            >
              {SPEEDS.map((s) => (
                <option key={s} value={s}>
                  {s}×
                </option>
              ))}
            </select>
          </label>
          <label className="pb-option">
            <input type="checkbox" checked={skipIdle} onChange={(event) => setSkipIdle(event.target.checked)} />
            Skip idle
          </label>
          <span className="pb-clock" data-testid="pb-clock">
            <strong>{clock(t)}</strong> / {clock(duration)} ·{' '}
            <span className="muted">{new Date(start + t).toLocaleTimeString()}</span>
          </span>
        </div>
        <PlaybackTimeline playback={playback} markers={markers} t={t} onSeek={seek} onStep={step} onMarker={onMarker} />
        <p className="pb-where muted small" data-testid="pb-where">
          Edit {editIndex} of {playback.edits.length}
          {lastEdit &&
            ` · last by ${playback.participants[lastEdit.p]?.name ?? 'someone'}${lastEdit.origin === 'paste' ? ' (paste)' : ''}`}
          {` · ${language}`}
        </p>
      </div>
      <div className="pb-body">
        <div className="pb-editor">
          <Suspense fallback={<div className="review-editor editor-loading muted">Loading the editor…</div>}>
            <ReadOnlyCode value={code} language={language} testId="pb-editor" />
          </Suspense>
        </div>
        <aside className="pb-side">
          <section className="card pb-runs">
            <h2>Runs</h2>
            {playback.runs.length === 0 ? (
              <p className="muted small">Nobody ran the code.</p>
            ) : (
              <ul className="pb-run-list">
                {playback.runs.map((run) => (
                  <li key={run.id}>
                    <button
                      type="button"
                      className={`pb-run${run.id === runId ? ' pb-run-selected' : ''}`}
                      data-testid="pb-run"
                      onClick={() => {
                        seek(Math.max(0, Date.parse(run.createdAt) - start));
                        setRunId(run.id);
                      }}
                    >
                      <span className="pb-run-time">{clock(Date.parse(run.createdAt) - start)}</span>
                      <span className="pb-run-by">{run.by}</span>
                      <span className={`pb-verdict pb-verdict-${run.verdict === 'accepted' ? 'ok' : 'bad'}`}>
                        {run.verdict ?? run.status}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {selectedRun && <RunOutput run={selectedRun} />}
          </section>
          <section className="card pb-notes">
            <h2>Interviewer notes</h2>
            {playback.notes.trim() ? (
              <div className="pb-notes-text" data-testid="pb-notes">
                {playback.notes}
              </div>
            ) : (
              <p className="muted small">No notes were written.</p>
            )}
          </section>
        </aside>
      </div>
    </div>
  );
}

/** [W60] A run's output as the participants saw it. */
function RunOutput({ run }: { run: PadRun }) {
  return (
    <div className="pb-run-output" data-testid="pb-run-output">
      {run.compileError && (
        <pre className="pb-output pb-output-bad">
          Line {run.compileError.line}: {run.compileError.message}
        </pre>
      )}
      {run.tests.map((test) => (
        <div key={test.id} className="pb-test">
          <div className="small">
            <strong>{test.kind === 'program' ? 'Program' : test.id}</strong> · {test.verdict} · {test.cpuMs} ms
          </div>
          {test.input !== undefined && <div className="small muted">input {test.input}</div>}
          {test.expected !== undefined && <div className="small muted">expected {test.expected}</div>}
          {test.actual !== undefined && <div className="small">returned {test.actual}</div>}
          {test.output && <pre className="pb-output">{test.output}</pre>}
          {test.message && <pre className="pb-output pb-output-bad">{test.message}</pre>}
        </div>
      ))}
      {run.tests.length === 0 && !run.compileError && <p className="muted small">No output.</p>}
    </div>
  );
}
