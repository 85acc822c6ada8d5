import { CLOSE_CODES, type LiveMessage } from '@assay/contracts';

/** The attempt's live channel on this page's own host. */
export const liveUrl = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/attempt/live`;

/** Where the live channel stands: open, trying again, or given up for a reason the candidate is told. */
export type LiveStatus = { state: 'open' } | { state: 'reconnecting' } | { state: 'stopped'; reason: string };

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 5000;

/**
 * The attempt's WebSocket ([A16], [W19]): verdicts as they land and the server's time. A lost connection
 * is retried with jittered exponential backoff (so a cohort does not reconnect in step after a
 * restart); a close that retrying cannot mend (too many sockets for this session) stops it, and the
 * page says why. While it is not open the page polls instead.
 */
export function openLiveChannel(
  onMessage: (message: LiveMessage) => void,
  onStatus: (status: LiveStatus) => void,
  random: () => number = Math.random,
) {
  let socket: WebSocket | undefined;
  let closed = false;
  let retry = FIRST_RETRY_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const connect = () => {
    socket = new WebSocket(liveUrl());
    socket.onopen = () => {
      retry = FIRST_RETRY_MS;
      onStatus({ state: 'open' });
    };
    socket.onmessage = (event) => onMessage(JSON.parse(String(event.data)) as LiveMessage);
    socket.onclose = (event) => {
      if (closed) return;
      if (event.code === CLOSE_CODES.TOO_MANY_SOCKETS) {
        // Every reconnect would be refused the same way, and would take a slot from the tab in use.
        closed = true;
        onStatus({
          state: 'stopped',
          reason:
            'This assessment is open in too many tabs, so live updates are off here. Close the other tabs and reload this one; results still appear, a little later.',
        });
        return;
      }
      onStatus({ state: 'reconnecting' });
      timer = setTimeout(connect, Math.round(retry * (0.5 + random() / 2)));
      retry = Math.min(retry * 2, MAX_RETRY_MS);
    };
  };
  connect();
  return () => {
    closed = true;
    clearTimeout(timer);
    socket?.close();
  };
}
