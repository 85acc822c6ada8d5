import type { PadPlayback, PadRun, PlaybackEvent } from '@assay/contracts';
import { type KeyboardEvent, type PointerEvent, useMemo, useRef } from 'react';
import { awaySpans, clock, editDensity } from './playhead.ts';

const BUCKETS = 240;

export interface TimelineMarker {
  t: number;
  kind: 'paste' | 'run' | 'language' | 'join' | 'leave' | 'end' | 'tab';
  label: string;
  /** Index into participants; -1 for the session's own row. */
  p: number;
  run?: PadRun;
}

/** What each event shows as on the timeline, or null for those that draw as spans (tab switches). */
function markerOf(event: PlaybackEvent, names: string[]): TimelineMarker | null {
  const who = names[event.p] ?? 'someone';
  switch (event.kind) {
    case 'paste': {
      const chars = Number(event.data.chars ?? 0);
      const outside = event.data.fromOutside === true;
      return {
        t: event.t,
        kind: 'paste',
        p: event.p,
        label: `${who} pasted ${chars} characters${outside ? ' from outside the pad' : ''}`,
      };
    }
    case 'language':
      return {
        t: event.t,
        kind: 'language',
        p: -1,
        label: `${who} switched the language to ${String(event.data.language)}`,
      };
    case 'join':
      return { t: event.t, kind: 'join', p: event.p, label: `${who} joined` };
    case 'leave':
      return { t: event.t, kind: 'leave', p: event.p, label: `${who} left` };
    case 'end':
      return { t: event.t, kind: 'end', p: -1, label: `${who} ended the interview` };
    default:
      return null;
  }
}

export function timelineMarkers(playback: PadPlayback): TimelineMarker[] {
  const names = playback.participants.map((p) => p.name);
  const start = Date.parse(playback.startedAt);
  const markers = playback.events.map((e) => markerOf(e, names)).filter((m): m is TimelineMarker => m !== null);
  for (const run of playback.runs) {
    markers.push({
      t: Math.max(0, Date.parse(run.createdAt) - start),
      kind: 'run',
      p: -1,
      label: `${run.by} ran the code: ${run.verdict ?? run.status}`,
      run,
    });
  }
  return markers.sort((a, b) => a.t - b.t);
}

/**
 * [W56] [W58] One track per participant (their edits as density bars in their colour, their pastes and
 * tab-away spans), a session row (runs, language switches, the end), and the playhead. Click or drag
 * anywhere on the tracks to scrub; ←/→ step one edit; click a marker to jump to it.
 */
export function PlaybackTimeline(props: {
  playback: PadPlayback;
  markers: TimelineMarker[];
  t: number;
  onSeek(t: number): void;
  onMarker(marker: TimelineMarker): void;
  onStep(direction: 1 | -1): void;
}) {
  const { playback, markers, t, onSeek } = props;
  const duration = Math.max(1, playback.durationMs);
  const area = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);
  const densities = useMemo(() => playback.participants.map((_, i) => editDensity(playback, i, BUCKETS)), [playback]);
  const away = useMemo(
    () => playback.participants.map((_, i) => awaySpans(playback.events, i, playback.durationMs)),
    [playback],
  );
  const pct = (ms: number) => `${Math.min(100, Math.max(0, (ms / duration) * 100))}%`;

  const seekAt = (clientX: number) => {
    const box = area.current?.getBoundingClientRect();
    if (!box || box.width === 0) return;
    onSeek(Math.round(Math.min(1, Math.max(0, (clientX - box.left) / box.width)) * duration));
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if ((event.target as HTMLElement).closest('.pb-marker')) return;
    dragging.current = true;
    event.currentTarget.setPointerCapture(event.pointerId);
    seekAt(event.clientX);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      props.onStep(event.key === 'ArrowRight' ? 1 : -1);
    } else if (event.key === 'Home') onSeek(0);
    else if (event.key === 'End') onSeek(duration);
  };

  const rows: { key: string; label: string; colour?: string; p: number }[] = [
    { key: 'session', label: 'Session', p: -1 },
    ...playback.participants.map((person, i) => ({ key: person.id, label: person.name, colour: person.colour, p: i })),
  ];

  return (
    <div className="pb-timeline">
      <div className="pb-labels">
        {rows.map((row) => (
          <div key={row.key} className="pb-label" title={row.label}>
            {row.colour && <i className="pb-swatch" style={{ background: row.colour }} />}
            <span>{row.label}</span>
          </div>
        ))}
      </div>
      <div
        ref={area}
        className="pb-tracks"
        role="slider"
        tabIndex={0}
        aria-label="Playback position (←/→ step one edit)"
        aria-valuemin={0}
        aria-valuemax={duration}
        aria-valuenow={Math.round(t)}
        aria-valuetext={clock(t)}
        data-testid="pb-tracks"
        onPointerDown={onPointerDown}
        onPointerMove={(event) => dragging.current && seekAt(event.clientX)}
        onPointerUp={() => {
          dragging.current = false;
        }}
        onKeyDown={onKeyDown}
      >
        {rows.map((row) => (
          <div key={row.key} className={`pb-track${row.p < 0 ? ' pb-track-session' : ''}`}>
            {row.p >= 0 &&
              away[row.p]?.map((span) => (
                <span
                  key={`away${span.from}`}
                  className="pb-away"
                  style={{ left: pct(span.from), width: pct(span.to - span.from) }}
                  title={`${row.label} had the pad's tab hidden ${clock(span.from)}–${clock(span.to)}`}
                />
              ))}
            {row.p >= 0 &&
              densities[row.p]?.map((count, bucket) => {
                if (count === 0) return null;
                return (
                  <span
                    // biome-ignore lint/suspicious/noArrayIndexKey: buckets are fixed slices of time.
                    key={bucket}
                    className="pb-edits"
                    style={{
                      left: `${(bucket / BUCKETS) * 100}%`,
                      width: `${100 / BUCKETS}%`,
                      background: row.colour,
                      opacity: Math.min(1, 0.35 + count / 12),
                    }}
                  />
                );
              })}
            {markers
              .filter((m) => m.p === row.p)
              .map((m) => (
                <button
                  type="button"
                  key={`${m.kind}${m.t}${m.label}`}
                  className={`pb-marker pb-marker-${m.kind}`}
                  style={{ left: pct(m.t) }}
                  title={`${m.label} at ${clock(m.t)}`}
                  aria-label={`${m.label} at ${clock(m.t)}`}
                  data-testid={`pb-marker-${m.kind}`}
                  onClick={() => props.onMarker(m)}
                />
              ))}
          </div>
        ))}
        <div className="pb-playhead" style={{ left: pct(t) }} aria-hidden="true" />
      </div>
      <div className="pb-legend muted small">
        <span>
          <i className="pb-key pb-marker-paste" /> paste
        </span>
        <span>
          <i className="pb-key pb-marker-run" /> run
        </span>
        <span>
          <i className="pb-key pb-marker-language" /> language
        </span>
        <span>
          <i className="pb-key pb-key-away" /> tab hidden
        </span>
        <span className="pb-legend-end">{clock(duration)}</span>
      </div>
    </div>
  );
}
