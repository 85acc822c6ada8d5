import { type JudgeReport, type Language, LanguageUnavailableError, languageDefinition } from '@assay/judge';
import { UnrecoverableError } from 'bullmq';
import { eq, sql } from 'drizzle-orm';
import { isConnectionError } from '../db/connectionErrors.ts';
import type { Db } from '../db/openDatabase.ts';
import { rowsOf } from '../db/rowsOf.ts';
import { assessmentTasks, attempts, submissions } from '../db/schema.ts';
import { problemVersionById } from '../services/cachedLookups.ts';
import { padRunIdOf } from '../services/padRuns.ts';
import { storeVerdict } from '../services/scoring.ts';
import { type EventBus, publishSubmission, type SubmissionEvent } from './EventBus.ts';
import type { JudgeService } from './JudgeHost.ts';
import { giveUpPadRun, processPadRun } from './processPadRun.ts';

interface Claimed {
  attemptId: string;
  position: number;
  language: Language;
  code: string;
  mode: 'run' | 'submit';
  customInputs: unknown[][] | null;
  versionId: string;
  tries: number;
}

export interface ProcessorDeps {
  db: Db;
  /** The judge: a Judge in this process, or the embedded mode's JudgeHost ([A29]). */
  judge: JudgeService;
  events: EventBus;
  /** Where a submission the judge gave up on is reported, with its cause ([A20]). */
  log?: (message: string) => void;
}

/** [A20] A submission claimed this often without a verdict gets `internal_error` instead of another try. */
export const MAX_TRIES = 5;

/** What a candidate reads when the judge gave up on their submission ([A20]); the cause goes to the log. */
export const GAVE_UP_MESSAGE =
  'the judge could not judge this submission (an error on our side, not in your code); it does not count against you: run or submit again';

/**
 * [A132] What a run or submission in a language the judge cannot run here says (Python on a machine
 * without bubblewrap): the judge's reason, which names what to install, and what the candidate can do.
 */
export function unavailableMessage(error: LanguageUnavailableError): string {
  return `${languageDefinition(error.language).label} cannot be judged on this server: ${error.reason.replace(/\.$/, '')}. This does not count against you: choose another language and run again`;
}

/** [A132] The report stored for work in a language the judge cannot run here: final, never retried. */
export function unavailableReport(mode: 'run' | 'submit', error: LanguageUnavailableError): JudgeReport {
  return {
    mode,
    verdict: 'internal_error',
    score: 0,
    passed: 0,
    total: 0,
    tests: [],
    judgeMs: 0,
    message: unavailableMessage(error),
  };
}

/** [A25] How long a verdict's notice is retried while the live channel's Redis is away, before the job is retried. */
const PUBLISH_DELAYS_MS = [250, 500, 1000, 2000, 4000, 8000];

/**
 * Publishes a submission's notice, retrying while the event bus is unreachable ([A25]): the verdict is
 * stored already, and the candidate's live channel must still hear of it when Redis comes back.
 */
async function publishReliably(events: EventBus, event: SubmissionEvent): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      await publishSubmission(events, event);
      return;
    } catch (error) {
      const delay = PUBLISH_DELAYS_MS[i];
      if (delay === undefined) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** Announces a stored verdict again ([A25]): a job re-run after its notice failed, or any re-run of a done submission. */
async function announceDone(deps: ProcessorDeps, submissionId: string): Promise<void> {
  const [row] = await deps.db
    .select({
      attemptId: submissions.attemptId,
      position: submissions.position,
      mode: submissions.mode,
      status: submissions.status,
      verdict: submissions.verdict,
      score: submissions.score,
    })
    .from(submissions)
    .where(eq(submissions.id, submissionId));
  if (row?.status !== 'done') return;
  await publishReliably(deps.events, {
    type: 'submission',
    attemptId: row.attemptId,
    submissionId,
    position: row.position,
    mode: row.mode,
    status: 'done',
    ...(row.verdict ? { verdict: row.verdict } : {}),
    ...(row.score !== null ? { score: row.score } : {}),
  });
}

/**
 * The judge worker's processor ([A7]): load the submission, call the pure judge, store the result.
 * Storing is idempotent (only a submission not yet `done` is written), so a job re-run after a worker
 * dies mid-judge stores its verdict exactly once. Returns false when there was nothing to judge.
 */
export async function processSubmission(deps: ProcessorDeps, submissionId: string): Promise<boolean> {
  const { db, judge, events } = deps;
  // One round trip claims the submission (queued → running; a re-run after a crash finds it running),
  // counts the try ([A20]) and finds its problem version. A submission already `done` is left alone.
  const result = await db.execute(sql`
    UPDATE ${submissions} s SET status = 'running', tries = s.tries + 1, claimed_at = now()
    FROM ${attempts} a, ${assessmentTasks} t
    WHERE s.id = ${submissionId} AND s.status <> 'done'
      AND a.id = s.attempt_id AND t.assessment_id = a.assessment_id AND t.position = s.position
    RETURNING s.attempt_id AS "attemptId", s.position, s.language, s.code, s.mode,
      s.custom_inputs AS "customInputs", t.problem_version_id AS "versionId", s.tries`);
  const submission = rowsOf<Claimed>(result)[0];
  if (!submission) {
    await announceDone(deps, submissionId);
    return false;
  }
  if (Number(submission.tries) > MAX_TRIES) {
    return giveUp(deps, submissionId, `judged ${MAX_TRIES} times without a stored verdict`);
  }
  const { spec } = await problemVersionById(db, submission.versionId);
  const event = {
    type: 'submission' as const,
    attemptId: submission.attemptId,
    submissionId,
    position: submission.position,
    mode: submission.mode,
  };
  // The 'running' notice is informational: the verdict does not wait for it.
  publishSubmission(events, { ...event, status: 'running' }).catch(() => {});

  let report: JudgeReport;
  try {
    report = await judge.judge({
      problem: spec,
      submission: { language: submission.language, source: submission.code },
      mode: submission.mode,
      ...(submission.customInputs ? { customInputs: submission.customInputs } : {}),
    });
  } catch (error) {
    // [A132] No retry can cure a machine without the language's sandbox: store the reason once.
    if (!(error instanceof LanguageUnavailableError)) throw error;
    report = unavailableReport(submission.mode, error);
  }
  const stored = await storeVerdict(db, { id: submissionId, ...submission }, report);
  if (stored) await publishReliably(events, { ...event, status: 'done', verdict: report.verdict, score: report.score });
  return stored;
}

/**
 * [A20] Ends a submission the judge cannot finish: stores an `internal_error` report (score 0, so it
 * never lowers a best score), which releases its task, and tells the candidate. `cause` is for the log
 * only. Returns whether it stored (false when a verdict was stored meanwhile).
 */
export async function giveUp(deps: ProcessorDeps, submissionId: string, cause: string): Promise<boolean> {
  const [row] = await deps.db
    .select({ attemptId: submissions.attemptId, mode: submissions.mode })
    .from(submissions)
    .where(eq(submissions.id, submissionId));
  if (!row) return false;
  const report: JudgeReport = {
    mode: row.mode,
    verdict: 'internal_error',
    score: 0,
    passed: 0,
    total: 0,
    tests: [],
    judgeMs: 0,
    message: GAVE_UP_MESSAGE,
  };
  const stored = await storeVerdict(deps.db, { id: submissionId, attemptId: row.attemptId, mode: row.mode }, report);
  if (stored) deps.log?.(`submission ${submissionId} ended as internal_error: ${cause}`);
  // Announces what is stored: this internal_error, or the verdict another try stored meanwhile.
  await announceDone(deps, submissionId);
  return stored;
}

/** [A20] Ends a judge job for good: a submission's, or a pad run's ([A107]). */
export function giveUpJob(deps: ProcessorDeps, jobId: string, cause: string): Promise<boolean> {
  const padRunId = padRunIdOf(jobId);
  return padRunId ? giveUpPadRun(deps, padRunId, cause) : giveUp(deps, jobId, cause);
}

/** An error no retry can cure ([A20]): a job that says so, or data PostgreSQL refuses (SQLSTATE class 22). */
export function isPermanentError(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
    if (e instanceof UnrecoverableError || String(e.code).startsWith('22')) return true;
    e = e.cause as typeof e;
  }
  return false;
}

/** Thrown by runJudgeJob when the database is unreachable: wait for it, do not spend a try ([A22]). */
export class DatabaseUnreachable extends Error {
  override name = 'DatabaseUnreachable';
}

/**
 * One try at a judge job, for either queue ([A20], [A22]). A database outage throws
 * DatabaseUnreachable (the queue delays the job without counting a try); any other error is thrown for
 * the queue to retry, except on the last try or when it is permanent: then the submission ends as
 * `internal_error` and its candidate is told, so no task stays blocked.
 */
export async function runJudgeJob(deps: ProcessorDeps, submissionId: string, lastTry: boolean): Promise<void> {
  // [A107] A pad run's job (`padrun-<id>`) shares the queue, its lanes and this retry policy.
  const padRunId = padRunIdOf(submissionId);
  try {
    if (padRunId) await processPadRun(deps, padRunId);
    else await processSubmission(deps, submissionId);
  } catch (error) {
    if (isConnectionError(error)) throw new DatabaseUnreachable('the database is unreachable', { cause: error });
    if (!lastTry && !isPermanentError(error)) throw error;
    try {
      await giveUpJob(deps, submissionId, error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    } catch (failure) {
      if (isConnectionError(failure)) throw new DatabaseUnreachable('the database is unreachable', { cause: failure });
      throw failure;
    }
  }
}
