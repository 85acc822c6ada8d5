import type { LiveMessage, Submission, Task } from '@assay/contracts';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { verdictLabel } from '../ui/verdicts.tsx';
import { type LiveStatus, openLiveChannel } from './liveChannel.ts';

/** The latest sample run, custom run and submission of a task. */
export interface TaskRuns {
  sample?: Submission;
  custom?: Submission;
  submit?: Submission;
}

const isCustomRun = (s: Submission) => s.report?.tests.some((x) => x.kind === 'custom') ?? false;

/**
 * What the panels show before anything happens on this page ([W15]): every task's latest run and
 * submission as the attempt view reports them, so a reload shows where the candidate left off.
 */
export function initialRuns(tasks: Task[]): Record<number, TaskRuns> {
  const runs: Record<number, TaskRuns> = {};
  for (const t of tasks) {
    const { run, submit } = t.latest ?? { run: null, submit: null };
    const slots: TaskRuns = {};
    if (run) slots[isCustomRun(run) ? 'custom' : 'sample'] = run;
    if (submit) slots.submit = submit;
    runs[t.position] = slots;
  }
  return runs;
}

/**
 * The attempt as the server reports it while the candidate works ([W5], [W6]): every task's latest runs
 * and best score, and the server's clock. The live channel says when a submission changed and the
 * report itself is fetched; anything in flight is also polled, so a verdict shows up even if a push
 * is missed.
 */
export function useLiveAttempt(options: {
  tasks: Task[];
  serverTime: string;
  /** A submission of task `position` was judged. */
  notify: (message: string, position: number) => void;
}) {
  const { tasks, serverTime, notify } = options;
  const [runs, setRuns] = useState<Record<number, TaskRuns>>(() => initialRuns(tasks));
  const [best, setBest] = useState<Record<number, number | null>>(() =>
    Object.fromEntries(tasks.map((t) => [t.position, t.bestScore])),
  );
  const [offsetMs, setOffsetMs] = useState(() => Date.parse(serverTime) - Date.now());
  const [connected, setConnected] = useState(false);
  /** Why live updates stopped for good on this page, if they did ([W19]). */
  const [liveStopped, setLiveStopped] = useState<string>();
  // "Reconnecting" only after a connection was lost, not while the first one opens.
  const [everConnected, setEverConnected] = useState(false);

  /** Shows a submission the page has just made. */
  const track = useCallback((slot: keyof TaskRuns, submission: Submission) => {
    setRuns((all) => ({ ...all, [submission.position]: { ...all[submission.position], [slot]: submission } }));
  }, []);

  const refresh = useCallback(async (id: string) => {
    const submission = await api<Submission>('GET', `/api/attempt/submissions/${id}`);
    setRuns((all) => {
      const taskRuns = { ...all[submission.position] };
      for (const slot of ['sample', 'custom', 'submit'] as const) {
        if (taskRuns[slot]?.id === submission.id) taskRuns[slot] = submission;
      }
      if (submission.mode === 'submit' && !taskRuns.submit) taskRuns.submit = submission;
      return { ...all, [submission.position]: taskRuns };
    });
    if (submission.status === 'done' && submission.mode === 'submit' && submission.score !== null) {
      setBest((b) => ({ ...b, [submission.position]: Math.max(b[submission.position] ?? 0, submission.score ?? 0) }));
    }
    return submission;
  }, []);

  useEffect(
    () =>
      openLiveChannel(
        (message: LiveMessage) => {
          if (message.type === 'time') {
            setOffsetMs(Date.parse(message.serverTime) - Date.now());
            return;
          }
          void refresh(message.submissionId)
            .then((s) => {
              if (s.status === 'done' && s.mode === 'submit' && !s.automatic) {
                notify(
                  `Task ${s.position + 1}: ${verdictLabel(s.verdict ?? '')} · ${s.report?.passed}/${s.report?.total} tests`,
                  s.position,
                );
              }
            })
            .catch(() => {});
        },
        (status: LiveStatus) => {
          setConnected(status.state === 'open');
          if (status.state === 'open') setEverConnected(true);
          if (status.state === 'stopped') setLiveStopped(status.reason);
        },
      ),
    [refresh, notify],
  );

  useEffect(() => {
    const timer = setInterval(
      () => {
        for (const taskRuns of Object.values(runs)) {
          for (const s of [taskRuns.sample, taskRuns.custom, taskRuns.submit]) {
            if (s && s.status !== 'done') void refresh(s.id).catch(() => {});
          }
        }
      },
      connected ? 4000 : 1500,
    );
    return () => clearInterval(timer);
  }, [runs, connected, refresh]);

  // An API that does not send each task's latest results yet: ask for them (one request per task).
  useEffect(() => {
    for (const t of tasks) {
      if (t.latest) continue;
      api<{ submissions: Submission[] }>('GET', `/api/attempt/tasks/${t.position}/submissions`)
        .then(({ submissions }) => {
          const latest = (pick: (s: Submission) => boolean) => submissions.find(pick);
          setRuns((all) => ({
            ...all,
            [t.position]: {
              sample: latest((s) => s.mode === 'run' && !isCustomRun(s)),
              custom: latest((s) => s.mode === 'run' && isCustomRun(s)),
              submit: latest((s) => s.mode === 'submit'),
              ...all[t.position],
            },
          }));
        })
        .catch(() => {});
    }
  }, [tasks]);

  // Stopped for good: the page polls what is in flight, and says so instead of "Reconnecting…".
  return {
    runs,
    track,
    best,
    offsetMs,
    connected: connected || !everConnected || liveStopped !== undefined,
    liveStopped,
  };
}
