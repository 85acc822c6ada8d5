/**
 * Every close code the live WebSocket sends ([A16], [A30]), in one place for the server and its clients.
 * 1000-1015 are the protocol's own (RFC 6455 §7.4.1); 4000-4999 are Assay's, named after the HTTP
 * status they stand for.
 */
export const CLOSE_CODES = {
  /** A frame larger than the channel accepts (`LIVE_MAX_FRAME_BYTES`); the `ws` library sends it itself. */
  MESSAGE_TOO_BIG: 1009,
  /** The attempt already has `LIVE_MAX_SOCKETS` live sockets open; close a tab and reconnect. */
  TOO_MANY_SOCKETS: 4429,
} as const;

export type CloseCode = (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES];

/** The largest frame a client may send on the live channel: it only ever sends pings. */
export const LIVE_MAX_FRAME_BYTES = 1024;
/** Open live sockets per attempt: a few tabs are fine, thousands are an attack ([A30]). */
export const LIVE_MAX_SOCKETS = 5;
