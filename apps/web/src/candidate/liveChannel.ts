import type { LiveMessage } from '../api/types.ts';

/** The attempt's live channel on this page's own host. */
export const liveUrl = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/attempt/live`;

/**
 * The attempt's WebSocket ([A16]): verdicts as they land and the server's time. Reconnects with backoff;
 * `onStatus` tells the page whether it is connected (when not, the page polls instead).
 */
export function openLiveChannel(onMessage: (message: LiveMessage) => void, onStatus: (connected: boolean) => void) {
  let socket: WebSocket | undefined;
  let closed = false;
  let retry = 500;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const connect = () => {
    socket = new WebSocket(liveUrl());
    socket.onopen = () => {
      retry = 500;
      onStatus(true);
    };
    socket.onmessage = (event) => onMessage(JSON.parse(String(event.data)) as LiveMessage);
    socket.onclose = () => {
      onStatus(false);
      if (closed) return;
      timer = setTimeout(connect, retry);
      retry = Math.min(retry * 2, 5000);
    };
  };
  connect();
  return () => {
    closed = true;
    clearTimeout(timer);
    socket?.close();
  };
}
