import type { AttemptReviewNote } from '@assay/contracts';
import { type ReactNode, useState } from 'react';
import { formatDuration, formatScore } from '../ui/format.ts';
import { LoadState } from '../ui/LoadState.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { useLoad } from '../ui/useLoad.ts';
import { ActivityTimeline, describeEvent } from './ActivityTimeline.tsx';
import { type AttemptRecord, loadAttemptRecord } from './loadAttemptRecord.ts';
import { offsetLabel } from './playback.ts';
import { ReviewForm } from './ReviewForm.tsx';
import { DecisionBadge, formatWhen, StatusBadge } from './resultLabels.tsx';
import { TaskPanel, timeSpan } from './TaskPanel.tsx';
import './results.css';

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
