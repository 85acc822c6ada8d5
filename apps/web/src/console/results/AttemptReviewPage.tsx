import type { AttemptReviewNote, Submission } from '@assay/contracts';
import { lazy, type ReactNode, Suspense, useMemo, useState } from 'react';
import { formatDuration, formatScore } from '../ui/format.ts';
import { LoadState } from '../ui/LoadState.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { useLoad } from '../ui/useLoad.ts';
import { ActivityTimeline, describeEvent } from './ActivityTimeline.tsx';
import { CodePlayback } from './CodePlayback.tsx';
import { type AttemptRecord, loadAttemptRecord } from './loadAttemptRecord.ts';
import type { Marker, Snapshot } from './playback.ts';
import { offsetLabel } from './playback.ts';
import { ReviewForm } from './ReviewForm.tsx';
import { DecisionBadge, formatWhen, StatusBadge } from './resultLabels.tsx';
import { SubmissionList } from './SubmissionList.tsx';
import './results.css';

const ReadOnlyCode = lazy(() => import('./ReadOnlyCode.tsx'));
const CodeDiff = lazy(() => import('./CodeDiff.tsx'));
const editorFallback = <div className="review-editor editor-loading muted">Loading the editor…</div>;

type View = 'final' | 'playback' | 'diff';

/** The attempt's time axis: from its start to its finish (or now, or its last activity, whichever is later). */
function timeSpan(record: AttemptRecord): { startedAt: number; duration: number } {
  const startedAt = Date.parse(record.attempt.startedAt ?? record.history[0]?.savedAt ?? new Date().toISOString());
  const ends = [
    record.attempt.finishedAt ? Date.parse(record.attempt.finishedAt) : Date.now(),
    ...record.history.map((h) => Date.parse(h.savedAt)),
    ...record.submissions.map((s) => Date.parse(s.createdAt)),
  ];
  return { startedAt, duration: Math.max(60_000, Math.max(...ends) - startedAt) };
}

function TaskPanel(props: {
  record: AttemptRecord;
  position: number;
  openSubmission: string | null;
  onToggle(id: string): void;
}) {
  const { record, position } = props;
  const { startedAt, duration } = timeSpan(record);
  const [view, setView] = useState<View>('final');
  const subs = record.submissions.filter((s) => s.position === position);
  const submits = subs.filter((s) => s.mode === 'submit');
  const [diffFrom, setDiffFrom] = useState<string>(submits[0]?.id ?? '');
  const [diffTo, setDiffTo] = useState<string>(submits.at(-1)?.id ?? '');
  const final = record.code
    .filter((c) => c.position === position)
    .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt))[0];
  const snapshots = useMemo<Snapshot[]>(
    () =>
      record.history
        .filter((h) => h.position === position && record.snapshotCode.has(h.id))
        .map((h) => ({ t: Date.parse(h.savedAt) - startedAt, code: record.snapshotCode.get(h.id) ?? '' }))
        .sort((a, b) => a.t - b.t),
    [record, position, startedAt],
  );
  const markers = useMemo<Marker[]>(
    () => [
      ...subs.map((s) => ({
        t: Date.parse(s.createdAt) - startedAt,
        kind: s.mode,
        label: s.mode === 'run' ? 'Run' : 'Submission',
      })),
      ...record.events
        .filter((e) => e.type === 'paste')
        .map((e) => ({ t: Date.parse(e.at) - startedAt, kind: 'paste' as const, label: describeEvent(e).label })),
    ],
    [subs, record.events, startedAt],
  );
  const language = final?.language ?? record.history.find((h) => h.position === position)?.language ?? 'javascript';
  const submitLabel = (s: Submission, i: number) =>
    `#${i + 1} at ${offsetLabel(Date.parse(s.createdAt) - startedAt)} · ${s.report ? `${s.report.passed}/${s.report.total}` : s.status}`;

  return (
    <div className="task-panel">
      <div className="task-code card">
        <div className="segmented" role="tablist" aria-label="Code view">
          {(
            [
              ['final', 'Final code'],
              ['playback', 'Playback'],
              ['diff', 'Compare submissions'],
            ] as const
          ).map(([id, label]) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={view === id}
              className={`segmented-item${view === id ? ' active' : ''}`}
              onClick={() => setView(id)}
            >
              {label}
            </button>
          ))}
        </div>
        {view === 'final' &&
          (final ? (
            <Suspense fallback={editorFallback}>
              <ReadOnlyCode value={final.code} language={final.language} testId="final-editor" />
            </Suspense>
          ) : (
            <div className="empty-state">
              <p className="muted">The candidate saved no code for this task.</p>
            </div>
          ))}
        {view === 'playback' && (
          <CodePlayback
            key={position}
            snapshots={snapshots}
            markers={markers}
            duration={duration}
            language={language}
            startedAt={startedAt}
          />
        )}
        {view === 'diff' &&
          (submits.length < 2 ? (
            <div className="empty-state">
              <p className="muted">
                {submits.length === 0
                  ? 'No submissions of this task to compare.'
                  : 'Only one submission: there is nothing to compare it with.'}
              </p>
            </div>
          ) : (
            <>
              <div className="toolbar diff-pickers">
                <label className="playback-option">
                  From
                  <select
                    className="input input-small"
                    aria-label="Compare from"
                    value={diffFrom}
                    onChange={(e) => setDiffFrom(e.target.value)}
                  >
                    {submits.map((s, i) => (
                      <option key={s.id} value={s.id}>
                        {submitLabel(s, i)}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="playback-option">
                  To
                  <select
                    className="input input-small"
                    aria-label="Compare to"
                    value={diffTo}
                    onChange={(e) => setDiffTo(e.target.value)}
                  >
                    {submits.map((s, i) => (
                      <option key={s.id} value={s.id}>
                        {submitLabel(s, i)}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              <Suspense fallback={editorFallback}>
                <CodeDiff
                  original={record.submissionCode.get(diffFrom) ?? ''}
                  modified={record.submissionCode.get(diffTo) ?? ''}
                  language={submits.find((s) => s.id === diffTo)?.language ?? language}
                />
              </Suspense>
            </>
          ))}
      </div>
      <div className="task-submissions">
        <h3 className="subsection-title">Runs and submissions</h3>
        <SubmissionList
          submissions={subs}
          startedAt={startedAt}
          open={props.openSubmission}
          onToggle={props.onToggle}
        />
      </div>
    </div>
  );
}

function Fact(props: { label: string; children: ReactNode }) {
  return (
    <div className="fact">
      <div className="fact-label">{props.label}</div>
      <div className="fact-value">{props.children}</div>
    </div>
  );
}

/** [W36] [W37] [W38] One attempt for review. */
export function AttemptReviewPage({ id }: { id: string }) {
  const loaded = useLoad(() => loadAttemptRecord(id), [id]);
  return <LoadState loaded={loaded}>{(record) => <AttemptReview record={record} />}</LoadState>;
}

function AttemptReview({ record }: { record: AttemptRecord }) {
  const [review, setReview] = useState<AttemptReviewNote>(record.review);
  const [task, setTask] = useState(record.tasks[0]?.position ?? 0);
  const [openSubmission, setOpenSubmission] = useState<string | null>(null);
  const { attempt, tasks } = record;
  const { startedAt, duration } = timeSpan(record);
  const maxScore = tasks.reduce((sum, t) => sum + t.points, 0);
  const flags = record.events.filter((e) => describeEvent(e).tone === 'flag').length;
  const timeUsed = attempt.startedAt
    ? (attempt.finishedAt ? Date.parse(attempt.finishedAt) : Date.now()) - Date.parse(attempt.startedAt)
    : null;

  return (
    <div className="review-page" data-testid="attempt-review">
      <PageHeader
        crumbs={[
          { label: 'Results', href: '/admin/results' },
          { label: record.assessment.title, href: `/admin/assessments/${record.assessment.id}/results` },
        ]}
        title={attempt.candidateName}
        subtitle={`${attempt.candidateEmail} · ${record.assessment.title}`}
        actions={<DecisionBadge decision={review.decision} />}
      />
      {record.truncated.length > 0 && (
        <p className="callout small">
          This attempt holds more than the page loads: the first {record.truncated.join(', ')} are shown.
        </p>
      )}
      <div className="card review-summary">
        <div className="facts">
          <Fact label="Status">
            <StatusBadge status={attempt.status} />
          </Fact>
          <Fact label="Score">
            <span className="big-score" data-testid="review-score">
              {formatScore(attempt.score)}
            </span>
            <span className="muted"> / {maxScore}</span>
          </Fact>
          <Fact label="Started">{formatWhen(attempt.startedAt)}</Fact>
          <Fact label="Finished">
            {formatWhen(attempt.finishedAt)}
            {attempt.finishReason && (
              <div className="muted small">
                {attempt.finishReason === 'candidate' ? 'by the candidate' : 'when time ran out'}
              </div>
            )}
          </Fact>
          <Fact label="Time used">
            {formatDuration(timeUsed)}
            <div className="muted small">of {record.assessment.durationMinutes} min</div>
          </Fact>
          <Fact label="Flags">
            {flags > 0 ? <span className="badge badge-warn">{flags}</span> : <span className="muted">None</span>}
          </Fact>
        </div>
        <div className="task-scores">
          {tasks.map((t) => (
            <div key={t.position} className="task-score">
              <div className="task-score-head">
                <span>
                  {t.position + 1}. {t.title}
                </span>
                <span className="num">
                  {formatScore(t.earned)} / {t.points}
                </span>
              </div>
              <div className="meter" aria-hidden="true">
                <div className="meter-fill" style={{ width: `${Math.round(t.best * 100)}%` }} />
              </div>
            </div>
          ))}
        </div>
      </div>

      <h2 className="section-title">Timeline</h2>
      <div className="card">
        <ActivityTimeline
          tasks={tasks}
          history={record.history}
          submissions={record.submissions}
          events={record.events}
          startedAt={startedAt}
          duration={duration}
          onOpenSubmission={(s) => {
            setTask(s.position);
            setOpenSubmission(s.id);
          }}
        />
      </div>

      <div className="task-tabs" role="tablist" aria-label="Tasks">
        {tasks.map((t) => (
          <button
            key={t.position}
            type="button"
            role="tab"
            aria-selected={task === t.position}
            className={`task-tab${task === t.position ? ' active' : ''}`}
            onClick={() => setTask(t.position)}
          >
            Task {t.position + 1} · {t.title}
          </button>
        ))}
      </div>
      <TaskPanel
        key={task}
        record={record}
        position={task}
        openSubmission={openSubmission}
        onToggle={(sid) => setOpenSubmission((open) => (open === sid ? null : sid))}
      />

      <div className="review-bottom">
        <section className="card proctoring-card">
          <h2 className="section-title">Proctoring events</h2>
          {record.events.length === 0 ? (
            <p className="muted">No proctoring events were recorded.</p>
          ) : (
            <ol className="event-list" data-testid="event-list">
              {record.events.map((e, i) => {
                const { label, tone } = describeEvent(e);
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: events have no id and may share a time.
                  <li key={i} className="event-item" data-tone={tone}>
                    <span className="num muted">{offsetLabel(Date.parse(e.at) - startedAt)}</span>
                    <i className={`legend-dot event-${tone}`} aria-hidden="true" />
                    <span>{label}</span>
                  </li>
                );
              })}
            </ol>
          )}
        </section>
        <ReviewForm attemptId={attempt.id} review={review} onSaved={setReview} />
      </div>
    </div>
  );
}
