import type { AttemptView } from '@assay/contracts';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client.ts';
import type { CodeSync } from './codeSync.ts';
import { useCountdown } from './useCountdown.ts';

const WARN_AT_MINUTES = [10, 5, 1];

/**
 * The clock ([W5]): time left by the server's clock, warnings at 10, 5 and 1 minutes, pending saves
 * flushed just before zero. At zero, or when the server says the attempt is closed, the page locks and
 * waits for the server to finish the attempt (it submits the last saved code itself, [A14]), or, when
 * the server gave this candidate more time meanwhile ([A91]), unlocks and counts down to the new deadline.
 */
export function useDeadline(options: {
  deadline: string | null;
  offsetMs: number;
  sync: CodeSync;
  /** The server refused a save: the attempt is over (time ran out, or it finished elsewhere). */
  closed: boolean;
  warn: (message: string) => void;
  onFinished: (view: AttemptView) => void;
}) {
  const { offsetMs, sync, closed, warn, onFinished } = options;
  // The server may move the deadline while the page is open (extra time for this candidate, [A91]).
  const [deadline, setDeadline] = useState(options.deadline);
  useEffect(() => setDeadline(options.deadline), [options.deadline]);
  const remaining = useCountdown(deadline, offsetMs);
  const [timeUp, setTimeUp] = useState(false);
  const refused = useRef(closed);
  refused.current = closed;
  const warned = useRef(new Set(WARN_AT_MINUTES.filter((m) => remaining <= m * 60_000)));

  useEffect(() => {
    for (const minutes of WARN_AT_MINUTES) {
      if (remaining > 0 && remaining <= minutes * 60_000 && !warned.current.has(minutes)) {
        warned.current.add(minutes);
        warn(
          `${minutes} minute${minutes === 1 ? '' : 's'} left. Your saved code is submitted automatically at the end.`,
        );
      }
    }
    if (remaining > 0 && remaining < 3000 && sync.hasPending()) void sync.flush();
    // Due by the deadline itself, not `remaining`, which lags one render behind a deadline just moved.
    const due = deadline !== null && Date.parse(deadline) <= Date.now() + offsetMs;
    if ((remaining === 0 && due) || closed) setTimeUp(true);
  }, [remaining, deadline, offsetMs, closed, warn, sync]);

  useEffect(() => {
    if (!timeUp) return;
    let stopped = false;
    const poll = async () => {
      while (!stopped) {
        try {
          const latest = await api<AttemptView>('GET', '/api/attempt');
          if (latest.attempt.status === 'finished') {
            onFinished(latest);
            return;
          }
          // [A91] Extra time was given: the server's deadline is later than its clock. Unlock and count
          // down to it (unless the server refused a save, which only a closed attempt does).
          const later = latest.attempt.deadline && Date.parse(latest.attempt.deadline) > Date.parse(latest.serverTime);
          if (latest.attempt.status === 'in_progress' && later && !refused.current) {
            setDeadline(latest.attempt.deadline);
            setTimeUp(false);
            return;
          }
        } catch {
          // Offline at the deadline: the server finishes the attempt without us; keep asking.
        }
        await new Promise((r) => setTimeout(r, 1000));
      }
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, [timeUp, onFinished]);

  return { remaining, timeUp, setTimeUp };
}
