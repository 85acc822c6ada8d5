import type { LanguageId } from '@assay/contracts';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { advance, codeAt, type Marker, offsetLabel, type Snapshot } from './playback.ts';

const ReadOnlyCode = lazy(() => import('./ReadOnlyCode.tsx'));
const SPEEDS = [1, 2, 4, 8, 16, 32] as const;
const TICK_MS = 100;

/**
 * [W37] Code playback of one task: a scrubber over the attempt's time with the saved snapshots, play and
 * pause, 1×–32×, skipping idle stretches, and jumps to runs, submissions and pastes; the editor shows
 * the code as it was at the scrubber's moment.
 */
export function CodePlayback(props: {
  snapshots: Snapshot[];
  markers: Marker[];
  /** The scrubber's length: the attempt's time, in ms. */
  duration: number;
  language: LanguageId;
  startedAt: number;
}) {
  const { snapshots, markers, duration } = props;
  const [t, setT] = useState(() => snapshots.at(-1)?.t ?? duration);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<(typeof SPEEDS)[number]>(8);
  const [skipIdle, setSkipIdle] = useState(true);
  const moments = useMemo(
    () => [...snapshots.map((s) => s.t), ...markers.map((m) => m.t)].sort((a, b) => a - b),
    [snapshots, markers],
  );
  const state = useRef({ t, speed, skipIdle });
  state.current = { t, speed, skipIdle };

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const { t: now, speed: rate, skipIdle: skip } = state.current;
      const next = advance(now, TICK_MS * rate, moments, duration, skip);
      setT(next);
      if (next >= duration) setPlaying(false);
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [playing, moments, duration]);

  const shown = codeAt(snapshots, t);
  const jump = (direction: 1 | -1) => {
    const candidates = markers.map((m) => m.t).sort((a, b) => a - b);
    const target =
      direction === 1 ? candidates.find((m) => m > t + 1) : [...candidates].reverse().find((m) => m < t - 1);
    if (target !== undefined) setT(target);
  };
  const pct = (ms: number) => `${duration > 0 ? (ms / duration) * 100 : 0}%`;

  if (snapshots.length === 0)
    return (
      <div className="empty-state">
        <p className="muted">No code was saved for this task, so there is nothing to play back.</p>
      </div>
    );

  return (
    <div className="playback" data-testid="playback">
      <div className="playback-controls">
        <button
          type="button"
          className="btn btn-primary btn-small playback-play"
          onClick={() => {
            if (!playing && t >= duration) setT(0);
            setPlaying((p) => !p);
          }}
        >
          {playing ? 'Pause' : 'Play'}
        </button>
        <button
          type="button"
          className="btn btn-ghost btn-small"
          onClick={() => jump(-1)}
          title="Previous run, submission or paste"
        >
          ◀ Marker
        </button>
        <button
          type="button"
          className="btn btn-ghost btn-small"
          onClick={() => jump(1)}
          title="Next run, submission or paste"
        >
          Marker ▶
        </button>
        <label className="playback-option">
          Speed
          <select
            className="input input-small"
            value={speed}
            aria-label="Playback speed"
            onChange={(event) => setSpeed(Number(event.target.value) as (typeof SPEEDS)[number])}
          >
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <label className="playback-option">
          <input type="checkbox" checked={skipIdle} onChange={(event) => setSkipIdle(event.target.checked)} />
          Skip idle gaps
        </label>
        <span className="playback-where muted small" data-testid="playback-where">
          {offsetLabel(t)} ·{' '}
          {shown
            ? `snapshot ${shown.index + 1} of ${snapshots.length}, saved ${new Date(props.startedAt + (snapshots[shown.index]?.t ?? 0)).toLocaleTimeString()}`
            : 'before the first save'}
        </span>
      </div>
      <div className="scrubber">
        <div className="scrubber-track" aria-hidden="true">
          {snapshots.map((s) => (
            <span key={`s${s.t}`} className="scrubber-tick tick-save" style={{ left: pct(s.t) }} />
          ))}
          {markers.map((m) => (
            <button
              type="button"
              tabIndex={-1}
              key={`${m.kind}${m.t}`}
              className={`scrubber-marker marker-${m.kind}`}
              style={{ left: pct(m.t) }}
              title={`${m.label} at ${offsetLabel(m.t)}`}
              onClick={() => setT(m.t)}
            />
          ))}
        </div>
        <input
          type="range"
          className="scrubber-input"
          aria-label="Playback position"
          min={0}
          max={Math.max(1, Math.round(duration))}
          step={1000}
          value={Math.round(t)}
          onChange={(event) => {
            setPlaying(false);
            setT(Number(event.target.value));
          }}
        />
        <div className="scrubber-legend muted small">
          <span>
            <i className="legend-dot tick-save" /> save
          </span>
          <span>
            <i className="legend-dot marker-run" /> run
          </span>
          <span>
            <i className="legend-dot marker-submit" /> submission
          </span>
          <span>
            <i className="legend-dot marker-paste" /> paste
          </span>
          <span className="scrubber-end">{offsetLabel(duration)}</span>
        </div>
      </div>
      <Suspense fallback={<div className="review-editor editor-loading muted">Loading the editor…</div>}>
        <ReadOnlyCode value={shown?.code ?? ''} language={props.language} testId="playback-editor" />
      </Suspense>
    </div>
  );
}
