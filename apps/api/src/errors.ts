import createError from '@fastify/error';

// Every error a client can cause, with its HTTP status and a message that says what to do ([A10]).
// Routes throw these; the error handler in app.ts turns them into { error: { code, message } }.

export const NotAuthenticated = createError('API_ERR_NOT_AUTHENTICATED', 'sign in first: this needs a session', 401);
export const BadCredentials = createError('API_ERR_BAD_CREDENTIALS', 'the email or password is wrong', 401);
export const Forbidden = createError('API_ERR_FORBIDDEN', 'this needs the %s role', 403);
export const InvitationNotFound = createError(
  'API_ERR_INVITATION_NOT_FOUND',
  'this invitation link is not valid: check that you copied all of it, or ask the recruiter for a new one',
  404,
);
export const InvitationExpired = createError(
  'API_ERR_INVITATION_EXPIRED',
  'this invitation expired on %s: ask the recruiter for a new link',
  410,
);
export const NotFound = createError('API_ERR_NOT_FOUND', '%s was not found', 404);
export const RouteNotFound = createError(
  'API_ERR_ROUTE_NOT_FOUND',
  'there is no %s %s: the API is documented at /docs',
  404,
);
export const AttemptNotStarted = createError('API_ERR_ATTEMPT_NOT_STARTED', 'start the assessment first', 409);
export const AttemptFinished = createError(
  'API_ERR_ATTEMPT_FINISHED',
  'the assessment is over: your work was submitted and can no longer change',
  409,
);
export const AttemptExpired = createError(
  'API_ERR_ATTEMPT_EXPIRED',
  'the assessment time is over: your last saved code was submitted',
  409,
);
export const LanguageNotAllowed = createError('API_ERR_LANGUAGE_NOT_ALLOWED', '%s is not allowed here; use %s', 400);
export const CodeTooLarge = createError(
  'API_ERR_CODE_TOO_LARGE',
  'the code is %d KB; the limit is %d KB. Remove unused code or data',
  413,
);
export const JudgeBusy = createError(
  'API_ERR_JUDGE_BUSY',
  'a %s for this task is still being judged: wait for its result, then try again',
  409,
);
export const BadInput = createError('API_ERR_BAD_INPUT', '%s', 400);
export const QueueUnavailable = createError(
  'API_ERR_QUEUE_UNAVAILABLE',
  'the judge queue is unreachable right now; your code is saved and will be judged when it is back. Try again in a minute',
  503,
);
export const DatabaseUnavailable = createError(
  'API_ERR_DATABASE_UNAVAILABLE',
  'the database is unreachable right now; nothing was changed. Try again in a moment',
  503,
);
export const IdempotencyKeyReused = createError(
  'API_ERR_IDEMPOTENCY_KEY_REUSED',
  'this idempotency key was already used for task %d: use a new key for each submission',
  422,
);
export const ProctorEventsFull = createError(
  'API_ERR_PROCTOR_EVENTS_FULL',
  'this attempt has recorded the most proctoring events it keeps (%d): stop sending them',
  409,
);
export const ProctorBatchTooLarge = createError(
  'API_ERR_PROCTOR_BATCH_TOO_LARGE',
  'a batch of proctoring events is at most %d KB: send fewer events per request',
  413,
);
export const BadCursor = createError(
  'API_ERR_BAD_CURSOR',
  "the cursor is not one this list gave out: start again without it, then follow each page's `next`",
  400,
);
export const CrossSiteRequest = createError(
  'API_ERR_CROSS_SITE_REQUEST',
  'this request came from another site (%s); Assay accepts changes only from its own pages at %s. Open Assay at that address and try again',
  403,
);
export const UnsupportedMediaType = createError(
  'API_ERR_UNSUPPORTED_MEDIA_TYPE',
  'the request body is %s; send JSON with the header Content-Type: application/json',
  415,
);
export const NulCharacter = createError(
  'API_ERR_NUL_CHARACTER',
  'the request body holds a NUL character (\\u0000) at %s, which cannot be stored: remove it and send again',
  400,
);
export const SignInLimited = createError(
  'API_ERR_RATE_LIMITED',
  'too many failed sign-ins %s. Wait %d s and try again',
  429,
);
