import { CLOSE_CODES, type LiveMessage } from '@assay/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { WebSocket } from 'ws';
import { requireCandidate } from '../plugins/auth.ts';
import { topics } from '../queue/EventBus.ts';

/** The largest frame a client may send on the live channel: it only ever sends pings ([A30]). */
export const LIVE_MAX_FRAME_BYTES = 1024;
/** Open live sockets per attempt: a few tabs are fine, thousands are an attack ([A30]). */
export const LIVE_MAX_SOCKETS = 5;

/**
 * [A16] Verdicts as they land, and the server's time, so the page never trusts the browser's clock.
 * [A30] At most LIVE_MAX_SOCKETS sockets per attempt; frames are capped where the WebSocket server is
 * registered (app.ts), and the upgrade's Origin is checked with every state-changing request
 * (plugins/security.ts).
 */
export const liveRoutes: FastifyPluginAsync = async (app) => {
  const open = new Map<string, Set<WebSocket>>();

  app.get('/api/attempt/live', { websocket: true, onRequest: requireCandidate }, (socket, request) => {
    const attemptId = request.attemptId as string;
    const sockets = open.get(attemptId) ?? new Set<WebSocket>();
    // A socket that is closing holds no place, though its 'close' comes only once the peer has hung up.
    for (const other of sockets) if (other.readyState !== other.OPEN) sockets.delete(other);
    if (sockets.size >= LIVE_MAX_SOCKETS) {
      socket.close(
        CLOSE_CODES.TOO_MANY_SOCKETS,
        `at most ${LIVE_MAX_SOCKETS} live connections per attempt: close another tab`,
      );
      return;
    }
    sockets.add(socket);
    open.set(attemptId, sockets);
    // [A30] The server's frame limit is the pad's (app.ts); this channel keeps its own 1 KiB, closing as ws would.
    socket.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => {
      const bytes = Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : data.byteLength;
      if (bytes > LIVE_MAX_FRAME_BYTES) socket.close(CLOSE_CODES.MESSAGE_TOO_BIG, 'Max payload size exceeded');
    });
    const send = (message: LiveMessage) => socket.readyState === 1 && socket.send(JSON.stringify(message));
    send({ type: 'time', serverTime: app.now().toISOString() });
    // [A50] The attempt's own topic: no socket sees, or filters, another attempt's events.
    const unsubscribe = app.events.subscribe(topics.attempt(attemptId), (event) => send(event));
    const ticker = setInterval(() => send({ type: 'time', serverTime: app.now().toISOString() }), 5000);
    socket.on('close', () => {
      unsubscribe();
      clearInterval(ticker);
      sockets.delete(socket);
      if (sockets.size === 0) open.delete(attemptId);
    });
  });
};
