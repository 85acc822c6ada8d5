import { z } from 'zod';

/**
 * The code of every refusal the API sends as `{ error: { code, message } }` ([A10]). The API builds its
 * error classes from these (apps/api/src/errors.ts); a client may branch on them, never on a message.
 */
export const ERROR_CODES = {
  NOT_AUTHENTICATED: 'API_ERR_NOT_AUTHENTICATED',
  BAD_CREDENTIALS: 'API_ERR_BAD_CREDENTIALS',
  FORBIDDEN: 'API_ERR_FORBIDDEN',
  INVITATION_NOT_FOUND: 'API_ERR_INVITATION_NOT_FOUND',
  INVITATION_EXPIRED: 'API_ERR_INVITATION_EXPIRED',
  NOT_FOUND: 'API_ERR_NOT_FOUND',
  ROUTE_NOT_FOUND: 'API_ERR_ROUTE_NOT_FOUND',
  ATTEMPT_NOT_STARTED: 'API_ERR_ATTEMPT_NOT_STARTED',
  ATTEMPT_FINISHED: 'API_ERR_ATTEMPT_FINISHED',
  ATTEMPT_EXPIRED: 'API_ERR_ATTEMPT_EXPIRED',
  LANGUAGE_NOT_ALLOWED: 'API_ERR_LANGUAGE_NOT_ALLOWED',
  CODE_TOO_LARGE: 'API_ERR_CODE_TOO_LARGE',
  JUDGE_BUSY: 'API_ERR_JUDGE_BUSY',
  BAD_INPUT: 'API_ERR_BAD_INPUT',
  /** A request that failed its schema (params, query or body). */
  BAD_REQUEST: 'API_ERR_BAD_REQUEST',
  QUEUE_UNAVAILABLE: 'API_ERR_QUEUE_UNAVAILABLE',
  DATABASE_UNAVAILABLE: 'API_ERR_DATABASE_UNAVAILABLE',
  IDEMPOTENCY_KEY_REUSED: 'API_ERR_IDEMPOTENCY_KEY_REUSED',
  PROCTOR_EVENTS_FULL: 'API_ERR_PROCTOR_EVENTS_FULL',
  PROCTOR_BATCH_TOO_LARGE: 'API_ERR_PROCTOR_BATCH_TOO_LARGE',
  BAD_CURSOR: 'API_ERR_BAD_CURSOR',
  CROSS_SITE_REQUEST: 'API_ERR_CROSS_SITE_REQUEST',
  UNSUPPORTED_MEDIA_TYPE: 'API_ERR_UNSUPPORTED_MEDIA_TYPE',
  NUL_CHARACTER: 'API_ERR_NUL_CHARACTER',
  RATE_LIMITED: 'API_ERR_RATE_LIMITED',
  /** A pack archive whose problems do not validate; the body lists every issue ([A78]). */
  PACK_INVALID: 'API_ERR_PACK_INVALID',
  PACK_TOO_LARGE: 'API_ERR_PACK_TOO_LARGE',
  PACK_IMPORT_RUNNING: 'API_ERR_PACK_IMPORT_RUNNING',
  /** Anything the API did not expect; the message says no more than that. */
  INTERNAL: 'API_ERR_INTERNAL',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** The body of every refusal. */
export const errorResponse = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type ErrorResponse = z.infer<typeof errorResponse>;
