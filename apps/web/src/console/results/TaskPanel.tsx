import type { Submission } from '@assay/contracts';
import { lazy, Suspense, useMemo, useState } from 'react';
import { describeEvent } from './ActivityTimeline.tsx';
import { CodePlayback } from './CodePlayback.tsx';
import type { AttemptRecord } from './loadAttemptRecord.ts';
import { type Marker, offsetLabel, type Snapshot } from './playback.ts';
import { SubmissionList } from './SubmissionList.tsx';

const ReadOnlyCode = lazy(() => import('./ReadOnlyCode.tsx'));
const CodeDiff = lazy(() => import('./CodeDiff.tsx'));
const editorFallback = <div className="review-editor editor-loading muted">Loading the editor…</div>;

type View = 'final' | 'playback' | 'diff';

/** The attempt's time axis: from its start to its finish (or now, or its last activity, whichever is later). */
export function timeSpan(record: AttemptRecord): { startedAt: number; duration: number } {
  const startedAt = Date.parse(record.attempt.startedAt ?? record.history[0]?.savedAt ?? new Date().toISOString());
  const ends = [
    record.attempt.finishedAt ? Date.parse(record.attempt.finishedAt) : Date.now(),
    ...record.history.map((h) => Date.parse(h.savedAt)),
    ...record.submissions.map((s) => Date.parse(s.createdAt)),
  ];
  return { startedAt, duration: Math.max(60_000, Math.max(...ends) - startedAt) };
}

/** [W36] [W37] One task of the attempt: its code (final, played back, or two submissions compared) and its runs and submissions. */
export function TaskPanel(props: {
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
