import { useEffect, useState } from 'react';

/**
 * Whether the same attempt is open in another tab or window of this browser ([W10]): both would save
 * over each other, so each says so, until the other closes.
 */
export function useOpenElsewhere(attemptId: string): boolean {
  const [openElsewhere, setOpenElsewhere] = useState(false);
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(`assay.attempt.${attemptId}`);
    channel.onmessage = (event: MessageEvent<string>) => {
      if (event.data === 'gone') return setOpenElsewhere(false);
      setOpenElsewhere(true);
      if (event.data === 'opened') channel.postMessage('here');
    };
    channel.postMessage('opened');
    const leave = () => channel.postMessage('gone');
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      leave();
      channel.close();
    };
  }, [attemptId]);
  return openElsewhere;
}
