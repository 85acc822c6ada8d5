import type { AttemptEvent, HistoryItem, Submission } from '@assay/contracts';
import { verdictLabel, verdictTone } from '../../ui/verdicts.tsx';
import { offsetLabel } from './playback.ts';

/** How each proctoring event reads on the timeline and in the list. */
export function describeEvent(event: AttemptEvent): { label: string; tone: 'flag' | 'info' | 'paste' } {
  const length = typeof event.detail.length === 'number' ? `${event.detail.length.toLocaleString()} characters` : '';
  switch (event.type) {
    case 'tab_hidden':
      return { label: 'Left the tab', tone: 'flag' };
    case 'tab_visible':
      return { label: 'Came back to the tab', tone: 'info' };
    case 'window_blur':
      return { label: 'Window lost focus', tone: 'flag' };
    case 'window_focus':
      return { label: 'Window focused', tone: 'info' };
    case 'fullscreen_exit':
      return { label: 'Left fullscreen', tone: 'flag' };
    case 'fullscreen_enter':
      return { label: 'Entered fullscreen', tone: 'info' };
    case 'paste':
      return {
        label: `Pasted ${length || 'text'}${event.detail.fromOutside === true ? ' from outside the page' : event.detail.fromOutside === false ? ' copied in the page' : ''}`,
        tone: event.detail.fromOutside === true ? 'flag' : 'paste',
      };
    case 'copy':
      return { label: `Copied ${length || 'text'}`, tone: 'info' };
    default:
      return { label: event.type.replaceAll('_', ' '), tone: 'info' };
  }
}

function axisTicks(duration: number): number[] {
  const minutes = duration / 60_000;
  const step = [1, 2, 5, 10, 15, 30, 60].find((s) => minutes / s <= 8) ?? 120;
  const ticks: number[] = [];
  for (let m = 0; m * 60_000 <= duration; m += step) ticks.push(m * 60_000);
  return ticks;
}

/**
 * [W36] Everything the attempt did on one time axis: per task its saves, runs and submissions, and
 * under them the proctoring events. A submission opens in its task below.
 */
export function ActivityTimeline(props: {
  tasks: { position: number; title: string }[];
  history: HistoryItem[];
  submissions: Submission[];
  events: AttemptEvent[];
  startedAt: number;
  duration: number;
  onOpenSubmission(submission: Submission): void;
}) {
  const { duration, startedAt } = props;
  const at = (iso: string) => Date.parse(iso) - startedAt;
  const pct = (ms: number) => `${Math.min(100, Math.max(0, duration > 0 ? (ms / duration) * 100 : 0))}%`;
  return (
    <div className="timeline" data-testid="timeline">
      {props.tasks.map((task) => (
        <div key={task.position} className="timeline-lane">
          <div className="timeline-label" title={task.title}>
            Task {task.position + 1}
          </div>
          <div className="timeline-track">
            {props.history
              .filter((h) => h.position === task.position)
              .map((h) => (
                <span
                  key={h.id}
                  className="timeline-save"
                  style={{ left: pct(at(h.savedAt)) }}
                  title={`Saved ${h.bytes.toLocaleString()} bytes at ${offsetLabel(at(h.savedAt))}`}
                />
              ))}
            {props.submissions
              .filter((s) => s.position === task.position)
              .map((s) => (
                <button
                  type="button"
                  key={s.id}
                  className={`timeline-sub timeline-${s.mode} tone-${s.verdict ? verdictTone(s.verdict) : 'pending'}`}
                  style={{ left: pct(at(s.createdAt)) }}
                  title={`${s.mode === 'run' ? 'Run' : 'Submission'} at ${offsetLabel(at(s.createdAt))}: ${s.verdict ? verdictLabel(s.verdict) : s.status}${s.report ? ` (${s.report.passed}/${s.report.total})` : ''}`}
                  aria-label={`${s.mode === 'run' ? 'Run' : 'Submission'} of task ${task.position + 1} at ${offsetLabel(at(s.createdAt))}`}
                  onClick={() => props.onOpenSubmission(s)}
                />
              ))}
          </div>
        </div>
      ))}
      <div className="timeline-lane">
        <div className="timeline-label">Proctoring</div>
        <div className="timeline-track" data-testid="proctoring-lane">
          {props.events.map((e, i) => {
            const { label, tone } = describeEvent(e);
            return (
              <span
                // biome-ignore lint/suspicious/noArrayIndexKey: events have no id and may share a time.
                key={i}
                className={`timeline-event event-${tone}`}
                style={{ left: pct(at(e.at)) }}
                title={`${label} at ${offsetLabel(at(e.at))}`}
              />
            );
          })}
        </div>
      </div>
      <div className="timeline-lane timeline-axis" aria-hidden="true">
        <div className="timeline-label" />
        <div className="timeline-track">
          {axisTicks(duration).map((ms) => (
            <span key={ms} className="timeline-tick" style={{ left: pct(ms) }}>
              {Math.round(ms / 60_000)} min
            </span>
          ))}
        </div>
      </div>
      <div className="timeline-legend muted small">
        <span>
          <i className="legend-tick" /> code saved
        </span>
        <span>
          <i className="legend-run" /> run
        </span>
        <span>
          <i className="legend-submit" /> submission (green: all passed, red: failed)
        </span>
        <span>
          <i className="legend-diamond event-flag" /> left the page or pasted from outside
        </span>
        <span>
          <i className="legend-diamond event-paste" /> pasted from the page
        </span>
        <span>
          <i className="legend-diamond event-info" /> returned, copied
        </span>
      </div>
    </div>
  );
}
