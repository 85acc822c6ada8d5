// Everything that crosses between Assay's API and its web app, defined once: the API validates and
// documents with these schemas, the web app reads their inferred types. Modules the web app imports as
// values (close codes, limits, language ids) hold no schema where they can avoid one.

export {
  type AttemptView,
  attemptViewSchema,
  type InvitationSummary,
  invitationSummarySchema,
  invitationTokenParams,
  type RunBody,
  runBody,
  type SaveCodeBody,
  type SaveCodeResponse,
  type Submission,
  type SubmissionListResponse,
  type SubmitBody,
  saveCodeBody,
  saveCodeResponse,
  submissionIdParams,
  submissionListResponse,
  submissionSchema,
  submitBody,
  type Task,
  type TestResult,
  TIME_BUCKETS,
  type TimeBucket,
  taskPositionParams,
  taskSchema,
  testResultSchema,
} from './attempt.ts';
export {
  type LoginBody,
  loginBody,
  logoutResponse,
  type StaffUser,
  type StaffUserResponse,
  staffUserResponse,
  staffUserSchema,
} from './auth.ts';
export { checkDraft, draftSolutionPath, draftTestPath } from './checkDraft.ts';
export { CLOSE_CODES, type CloseCode } from './closeCodes.ts';
export { DRAFT_LIMITS, SOLUTION_KINDS, type SolutionKind } from './draftLimits.ts';
export { ERROR_CODES, type ErrorCode, type ErrorResponse, errorResponse } from './errorCodes.ts';
export { type HealthResponse, healthResponse } from './health.ts';
export { languageId } from './languageId.ts';
export { LANGUAGE_IDS, type LanguageId } from './languages.ts';
export { PROCTOR_BATCH_EVENTS } from './limits.ts';
export {
  type LiveMessage,
  type LiveSubmissionMessage,
  type LiveTimeMessage,
  liveMessage,
  liveSubmissionMessage,
  liveTimeMessage,
} from './live.ts';
export {
  type ComputeExpectedResponse,
  type CreateDraftBody,
  computeExpectedResponse,
  createDraftBody,
  type DraftChecker,
  type DraftCheckResponse,
  type DraftContent,
  type DraftIssue,
  type DraftListResponse,
  type DraftSolution,
  type DraftSummary,
  type DraftTest,
  type DraftValidation,
  draftCheckResponse,
  draftContentSchema,
  draftIdParams,
  draftListQuery,
  draftListResponse,
  type GenerateTestsBody,
  type GenerateTestsResponse,
  type GridCell,
  generatedTestsSchema,
  generateTestsBody,
  generateTestsResponse,
  type ProblemDraft,
  type PublishDraftResponse,
  problemDraftSchema,
  publishDraftResponse,
  type UpdateDraftBody,
  updateDraftBody,
} from './problemDrafts.ts';
export {
  type ProctorEvent,
  type ProctorEventsBody,
  type ProctorEventsResponse,
  type ProctorEventType,
  proctorEventSchema,
  proctorEventsBody,
  proctorEventsResponse,
} from './proctoring.ts';
