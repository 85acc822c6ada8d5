import { ERROR_CODES } from '@assay/contracts';
import createError from '@fastify/error';

// Every error a client can cause, with its HTTP status and a message that says what to do ([A10]).
// Routes throw these; the error handler in app.ts turns them into { error: { code, message } }.

export const NotAuthenticated = createError(ERROR_CODES.NOT_AUTHENTICATED, 'sign in first: this needs a session', 401);
export const BadCredentials = createError(ERROR_CODES.BAD_CREDENTIALS, 'the email or password is wrong', 401);
export const Forbidden = createError(ERROR_CODES.FORBIDDEN, 'this needs the %s role', 403);
export const InvitationNotFound = createError(
  ERROR_CODES.INVITATION_NOT_FOUND,
  'this invitation link is not valid: check that you copied all of it, or ask the recruiter for a new one',
  404,
);
export const InvitationExpired = createError(
  ERROR_CODES.INVITATION_EXPIRED,
  'this invitation expired on %s: ask the recruiter for a new link',
  410,
);
// issue 11: assessments and invitations ([A87]-[A93]).
export const InvitationRevoked = createError(
  ERROR_CODES.INVITATION_REVOKED,
  'this invitation was withdrawn by the recruiter: contact them if you think this is a mistake',
  410,
);
export const InvitationState = createError(ERROR_CODES.INVITATION_STATE, '%s', 409);
export const AssessmentLocked = createError(
  ERROR_CODES.ASSESSMENT_LOCKED,
  'a candidate has already started this assessment, so its %s can no longer change (their score depends on them): duplicate the assessment and change the copy',
  409,
);
export const AssessmentArchived = createError(
  ERROR_CODES.ASSESSMENT_ARCHIVED,
  'this assessment is archived and takes no new invitations: unarchive it first',
  409,
);
export const AssessmentHasAttempts = createError(
  ERROR_CODES.ASSESSMENT_HAS_ATTEMPTS,
  'this assessment has %d invitations, and their attempts are kept: archive it instead of deleting it',
  409,
);
export const CandidatesRefused = createError(
  ERROR_CODES.CANDIDATES_REFUSED,
  'nobody was invited: %s. Fix these rows (or leave them out) and send the list again',
  400,
);
export const CsvTooLarge = createError(
  ERROR_CODES.CSV_TOO_LARGE,
  'the CSV is %s; the limit is %s. Split it into smaller files',
  413,
);
export const EmailNotConfigured = createError(
  ERROR_CODES.EMAIL_NOT_CONFIGURED,
  'email is not set up on this server (SMTP_URL is unset): copy the link and send it yourself',
  409,
);
export const NotFound = createError(ERROR_CODES.NOT_FOUND, '%s was not found', 404);
export const RouteNotFound = createError(
  ERROR_CODES.ROUTE_NOT_FOUND,
  'there is no %s %s: the API is documented at /docs',
  404,
);
export const AttemptNotStarted = createError(ERROR_CODES.ATTEMPT_NOT_STARTED, 'start the assessment first', 409);
export const AttemptFinished = createError(
  ERROR_CODES.ATTEMPT_FINISHED,
  'the assessment is over: your work was submitted and can no longer change',
  409,
);
export const AttemptExpired = createError(
  ERROR_CODES.ATTEMPT_EXPIRED,
  'the assessment time is over: your last saved code was submitted',
  409,
);
export const LanguageNotAllowed = createError(ERROR_CODES.LANGUAGE_NOT_ALLOWED, '%s is not allowed here; use %s', 400);
export const CodeTooLarge = createError(
  ERROR_CODES.CODE_TOO_LARGE,
  'the code is %d KB; the limit is %d KB. Remove unused code or data',
  413,
);
export const JudgeBusy = createError(
  ERROR_CODES.JUDGE_BUSY,
  'a %s for this task is still being judged: wait for its result, then try again',
  409,
);
export const BadInput = createError(ERROR_CODES.BAD_INPUT, '%s', 400);
export const QueueUnavailable = createError(
  ERROR_CODES.QUEUE_UNAVAILABLE,
  'the judge queue is unreachable right now; your code is saved and will be judged when it is back. Try again in a minute',
  503,
);
export const DatabaseUnavailable = createError(
  ERROR_CODES.DATABASE_UNAVAILABLE,
  'the database is unreachable right now; nothing was changed. Try again in a moment',
  503,
);
export const IdempotencyKeyReused = createError(
  ERROR_CODES.IDEMPOTENCY_KEY_REUSED,
  'this idempotency key was already used for task %d: use a new key for each submission',
  422,
);
export const ProctorEventsFull = createError(
  ERROR_CODES.PROCTOR_EVENTS_FULL,
  'this attempt has recorded the most proctoring events it keeps (%d): stop sending them',
  409,
);
export const ProctorBatchTooLarge = createError(
  ERROR_CODES.PROCTOR_BATCH_TOO_LARGE,
  'a batch of proctoring events is at most %d KB: send fewer events per request',
  413,
);
export const BadCursor = createError(
  ERROR_CODES.BAD_CURSOR,
  "the cursor is not one this list gave out: start again without it, then follow each page's `next`",
  400,
);
export const CrossSiteRequest = createError(
  ERROR_CODES.CROSS_SITE_REQUEST,
  'this request came from another site (%s); Assay accepts changes only from its own pages at %s. Open Assay at that address and try again',
  403,
);
export const UnsupportedMediaType = createError(
  ERROR_CODES.UNSUPPORTED_MEDIA_TYPE,
  'the request body is %s; send JSON with the header Content-Type: application/json',
  415,
);
export const NulCharacter = createError(
  ERROR_CODES.NUL_CHARACTER,
  'the request body holds a NUL character (\\u0000) at %s, which cannot be stored: remove it and send again',
  400,
);
export const SignInLimited = createError(
  ERROR_CODES.RATE_LIMITED,
  'too many failed sign-ins %s. Wait %d s and try again',
  429,
);
// issue 11: team ([A71], [A72])
export const EmailTaken = createError(
  ERROR_CODES.EMAIL_TAKEN,
  'a member of staff with the email %s already exists: find them on the Team page (reactivate them if they were deactivated)',
  409,
);
export const LastAdmin = createError(
  ERROR_CODES.LAST_ADMIN,
  '%s is the last active admin: make another member an admin first, so someone can still manage the team',
  409,
);
export const SelfDeactivation = createError(
  ERROR_CODES.SELF_DEACTIVATION,
  'you cannot deactivate your own account: ask another admin to do it',
  409,
);
export const AccountDeactivated = createError(
  ERROR_CODES.ACCOUNT_DEACTIVATED,
  'this account is deactivated: ask an admin of your team to reactivate it',
  403,
);
export const WrongPassword = createError(
  ERROR_CODES.WRONG_PASSWORD,
  'the current password is wrong: type the password you signed in with',
  400,
);
// issue 11: library ([A78], [A79])
export const PackTooLarge = createError(
  ERROR_CODES.PACK_TOO_LARGE,
  'the pack archive is %d MB; the limit is %d MB. Split the pack into smaller packs, or shrink its largest tests',
  413,
);
export const PackImportRunning = createError(
  ERROR_CODES.PACK_IMPORT_RUNNING,
  'another pack import is running (validation runs every problem through the judge): try again when it finishes',
  409,
);
export const PackNotZip = createError(
  ERROR_CODES.UNSUPPORTED_MEDIA_TYPE,
  'the body is %s; send the pack archive (.zip) with the header Content-Type: application/zip',
  415,
);
// Problem authoring ([A80]–[A86]).
export const DraftChanged = createError(
  ERROR_CODES.DRAFT_CHANGED,
  'this draft was changed elsewhere at %s (another tab or another admin): reload it to see those changes, then edit again',
  409,
);
export const DraftInvalid = createError(ERROR_CODES.DRAFT_INVALID, '%s', 422);
export const ValidationRunning = createError(
  ERROR_CODES.VALIDATION_RUNNING,
  'a validation is running on this server; try again in a few seconds',
  409,
);
export const ValidationTimedOut = createError(
  ERROR_CODES.VALIDATION_TIMED_OUT,
  'judging this draft took longer than %d s and was stopped: make the largest tests smaller or the too-slow solutions end sooner, then try again',
  503,
);

// issue 12: live pads
export const PadEnded = createError(
  ERROR_CODES.PAD_ENDED,
  'this interview has ended: the pad is read-only now. Ask the interviewer if you need another one',
  409,
);
export const PadFull = createError(
  ERROR_CODES.PAD_FULL,
  'this pad already has %s candidates, its limit; ask the interviewer for a new link',
  409,
);
export const PadRunInProgress = createError(
  ERROR_CODES.PAD_RUN_IN_PROGRESS,
  'a run is in progress in this pad; wait for its result, then run again',
  409,
);
export const PadProblemNotFound = createError(
  ERROR_CODES.NOT_FOUND,
  'problem version %s is not in the library: pick a problem from the library, or leave it out for a blank pad',
  404,
);
export const PadLinkNotFound = createError(
  ERROR_CODES.NOT_FOUND,
  'this interview link does not open any pad: check that it was copied whole, or ask the interviewer for it again',
  404,
);
export const PadNotSignedIn = createError(
  ERROR_CODES.NOT_AUTHENTICATED,
  'open the pad from the interview link you were given (or sign in as staff) first',
  401,
);
export const PadForbidden = createError(ERROR_CODES.FORBIDDEN, '%s', 403);
// issue 13: Python ([A131]).
export const LanguageUnavailable = createError(
  ERROR_CODES.LANGUAGE_UNAVAILABLE,
  '%s cannot be run on this server right now. %s. Until then, choose another language',
  503,
);
