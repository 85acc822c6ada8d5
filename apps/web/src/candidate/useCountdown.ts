import { useEffect, useState } from 'react';

/**
 * Milliseconds left until the server's deadline, by the server's clock: `offsetMs` is how far the
 * server's clock is ahead of this browser's, measured from the server's own time messages.
 */
export function useCountdown(deadline: string | null, offsetMs: number): number {
  const [left, setLeft] = useState(() => msLeft(deadline, offsetMs));
  useEffect(() => {
    setLeft(msLeft(deadline, offsetMs));
    const timer = setInterval(() => setLeft(msLeft(deadline, offsetMs)), 250);
    return () => clearInterval(timer);
  }, [deadline, offsetMs]);
  return left;
}

function msLeft(deadline: string | null, offsetMs: number): number {
  return deadline ? Math.max(0, Date.parse(deadline) - (Date.now() + offsetMs)) : 0;
}

export function formatClock(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(h > 0 ? 2 : 1, '0');
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}
