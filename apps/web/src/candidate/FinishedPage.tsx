import type { AttemptView, Submission, SubmissionListResponse } from '@assay/contracts';
import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { Page } from '../ui/Page.tsx';
import { VerdictBadge } from '../ui/verdicts.tsx';

/** The last page: the attempt is over, and this is what was submitted for each task. */
export function FinishedPage({ view }: { view: AttemptView }) {
  const [latest, setLatest] = useState<Record<number, Submission | null>>({});

  useEffect(() => {
    let stopped = false;
    // Automatic submissions made at the deadline may still be judging: keep asking until all are done.
    const load = async () => {
      while (!stopped) {
        const entries = await Promise.all(
          view.tasks.map(async (t) => {
            const { submissions } = await api<SubmissionListResponse>(
              'GET',
              `/api/attempt/tasks/${t.position}/submissions`,
            );
            return [t.position, submissions.find((s) => s.mode === 'submit') ?? null] as const;
          }),
        ).catch(() => undefined);
        if (entries) {
          setLatest(Object.fromEntries(entries));
          if (entries.every(([, s]) => !s || s.status === 'done')) return;
        }
        await new Promise((r) => setTimeout(r, 1500));
      }
    };
    void load();
    return () => {
      stopped = true;
    };
  }, [view.tasks]);

  const byDeadline = view.attempt.finishReason === 'deadline';
  return (
    <Page testId="finished">
      <div className="card hero">
        <p className="eyebrow">{view.assessment.title}</p>
        <h1>{byDeadline ? 'Time is up: your assessment is submitted' : 'Your assessment is submitted'}</h1>
        <p className="lead">
          Thank you, {view.candidate.name}.{' '}
          {byDeadline
            ? 'The timer ran out, so your last saved code was submitted automatically.'
            : 'You finished early; any unsubmitted changes were submitted for you.'}{' '}
          The team that invited you will be in touch.
        </p>
      </div>
      <section className="card">
        <h2>What was submitted</h2>
        <table className="final-table">
          <thead>
            <tr>
              <th>Task</th>
              <th>Last submission</th>
              <th>Hidden tests passed</th>
            </tr>
          </thead>
          <tbody>
            {view.tasks.map((t) => {
              const s = latest[t.position];
              return (
                <tr key={t.position} data-testid={`final-${t.position}`}>
                  <td>
                    {t.position + 1}. {t.title}
                  </td>
                  <td>
                    {s === undefined ? (
                      '…'
                    ) : s === null ? (
                      'Nothing submitted'
                    ) : s.status !== 'done' ? (
                      'Judging…'
                    ) : (
                      <>
                        <VerdictBadge verdict={s.verdict ?? ''} />
                        {s.automatic && <span className="muted"> automatic</span>}
                      </>
                    )}
                  </td>
                  <td>{s?.report ? `${s.report.passed} / ${s.report.total}` : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </Page>
  );
}
