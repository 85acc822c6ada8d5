// Limits both sides must agree on. No zod here: the web app imports these as values, and its first
// bundle should not carry the schemas.

/** At most this many proctoring events in one request ([A41]). */
export const PROCTOR_BATCH_EVENTS = 200;
