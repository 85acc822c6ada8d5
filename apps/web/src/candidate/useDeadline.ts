import type { AttemptView } from '@assay/contracts';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client.ts';
import type { CodeSync } from './codeSync.ts';
import { useCountdown } from './useCountdown.ts';

const WARN_AT_MINUTES = [10, 5, 1];

/**
 * The clock ([W5]): time left by the server's clock, warnings at 10, 5 and 1 minutes, pending saves
 * flushed just before zero. At zero, or when the server says the attempt is closed, the page locks and
 * waits for the server to finish the attempt (it submits the last saved code itself, [A14]).
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
  const { deadline, offsetMs, sync, closed, warn, onFinished } = options;
  const remaining = useCountdown(deadline, offsetMs);
  const [timeUp, setTimeUp] = useState(false);
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
    if ((remaining === 0 && deadline) || closed) setTimeUp(true);
  }, [remaining, deadline, closed, warn, sync]);

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
