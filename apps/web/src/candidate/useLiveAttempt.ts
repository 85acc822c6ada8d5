import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { LiveMessage, Submission, Task } from '../api/types.ts';
import { verdictLabel } from '../ui/verdicts.tsx';
import { openLiveChannel } from './liveChannel.ts';

/** The latest sample run, custom run and submission of a task. */
export interface TaskRuns {
  sample?: Submission;
  custom?: Submission;
  submit?: Submission;
}

/**
 * The attempt as the server reports it while the candidate works ([W5], [W6]): every task's latest runs
 * and best score, and the server's clock. The live channel says when a submission changed and the
 * report itself is fetched; anything in flight is also polled, so a verdict shows up even if a push
 * is missed.
 */
export function useLiveAttempt(options: { tasks: Task[]; serverTime: string; notify: (message: string) => void }) {
  const { tasks, serverTime, notify } = options;
  const [runs, setRuns] = useState<Record<number, TaskRuns>>({});
  const [best, setBest] = useState<Record<number, number | null>>(() =>
    Object.fromEntries(tasks.map((t) => [t.position, t.bestScore])),
  );
  const [offsetMs, setOffsetMs] = useState(() => Date.parse(serverTime) - Date.now());
  const [connected, setConnected] = useState(false);
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
                );
              }
            })
            .catch(() => {});
        },
        (up) => {
          setConnected(up);
          if (up) setEverConnected(true);
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

  // The latest run and submission of every task, so a reload shows where the candidate left off.
  useEffect(() => {
    for (const t of tasks) {
      api<{ submissions: Submission[] }>('GET', `/api/attempt/tasks/${t.position}/submissions`)
        .then(({ submissions }) => {
          const latest = (pick: (s: Submission) => boolean) => submissions.find(pick);
          const isCustom = (s: Submission) => s.report?.tests.some((x) => x.kind === 'custom') ?? false;
          setRuns((all) => ({
            ...all,
            [t.position]: {
              sample: latest((s) => s.mode === 'run' && !isCustom(s)),
              custom: latest((s) => s.mode === 'run' && isCustom(s)),
              submit: latest((s) => s.mode === 'submit'),
              ...all[t.position],
            },
          }));
        })
        .catch(() => {});
    }
  }, [tasks]);

  return { runs, track, best, offsetMs, connected: connected || !everConnected };
}
