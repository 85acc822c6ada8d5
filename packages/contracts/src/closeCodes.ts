/**
 * Every close code the live WebSocket sends ([A16], [A30]; the page's side is [W19]), in one place for
 * the server and its clients. 1000-1015 are the protocol's own (RFC 6455 §7.4.1); 4000-4999 are Assay's,
 * named after the HTTP status they stand for.
 */
export const CLOSE_CODES = {
  /** A frame larger than the channel accepts (`LIVE_MAX_FRAME_BYTES`); the `ws` library sends it itself. */
  MESSAGE_TOO_BIG: 1009,
  /** The attempt already has `LIVE_MAX_SOCKETS` live sockets open; close a tab and reconnect. */
  TOO_MANY_SOCKETS: 4429,
} as const;

export type CloseCode = (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES];
