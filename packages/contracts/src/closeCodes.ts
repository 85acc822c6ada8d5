/**
 * Every close code Assay's WebSockets send, in one place for the server and its clients: the candidate's
 * live channel ([A16], [A30]; the page's side is [W19]) and the pad socket ([A102]). 1000-1015 are the
 * protocol's own (RFC 6455 §7.4.1); 4000-4999 are Assay's, named after the HTTP status they stand for.
 */
export const CLOSE_CODES = {
  /** A frame larger than the channel accepts (`LIVE_MAX_FRAME_BYTES`, `PAD_LIMITS.frameBytes`). */
  MESSAGE_TOO_BIG: 1009,
  /** The server is shutting down or restarting: reconnect in a moment. */
  SERVER_RESTART: 1012,
  /** A pad frame that breaks the protocol: a bug or a hostile client; reconnecting cannot help. */
  PAD_BAD_FRAME: 4400,
  /** Neither a staff session nor this pad's participant cookie: sign in, or open the pad's link again. */
  NOT_SIGNED_IN: 4401,
  /** Signed in, but not allowed this: another pad's candidate, or a candidate writing notes or after the end. */
  FORBIDDEN: 4403,
  /** No such pad. */
  PAD_NOT_FOUND: 4404,
  /** The edit would take the document over `PAD_LIMITS`; it was not stored. Reload the pad. */
  PAD_TOO_LARGE: 4413,
  /** Too many sockets: the attempt's `LIVE_MAX_SOCKETS`, or the pad's / participant's `PAD_LIMITS`. */
  TOO_MANY_SOCKETS: 4429,
  /** More frames per second than `PAD_LIMITS.framesPerSecond` allows; reconnecting resumes. */
  TOO_MANY_FRAMES: 4430,
} as const;

export type CloseCode = (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES];
