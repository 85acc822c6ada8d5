import { type JudgeReport, type JudgeRequest, LanguageUnavailableError, programProblem } from '@assay/judge';
import { eq, sql } from 'drizzle-orm';
import { rowsOf } from '../db/rowsOf.ts';
import { padEvents, padRuns, pads } from '../db/schema.ts';
import { problemVersionById } from '../services/cachedLookups.ts';
import { gaveUpReport, type PadRunRow, toPadRun } from '../services/padRuns.ts';
import { publishPadEvent } from './EventBus.ts';
import { MAX_TRIES, type ProcessorDeps, unavailableReport } from './processSubmission.ts';

/** [A121] A blank pad's whole program ([J53]): CPU and memory of one run. */
export const PROGRAM_LIMITS = { cpuMs: 2000, memoryMb: 128 } as const;
const PROGRAM = programProblem(PROGRAM_LIMITS);

/** What the message of a run the judge gave up on says ([A20]). */
const PAD_GAVE_UP = 'the judge could not run this code (an error on our side, not in the code): run it again';

async function loadRun(deps: ProcessorDeps, runId: string) {
  const [row] = await deps.db
    .select({ run: padRuns, problemVersionId: pads.problemVersionId })
    .from(padRuns)
    .innerJoin(pads, eq(pads.id, padRuns.padId))
    .where(eq(padRuns.id, runId));
  return row;
}

/** Tells every participant how a stored run stands, reliably enough: a missed notice shows on reload. */
async function announce(deps: ProcessorDeps, run: PadRunRow, blank: boolean): Promise<void> {
  await publishPadEvent(deps.events, run.padId, { type: 'run', run: toPadRun(run, blank) });
}

/**
 * Stores a run's report once (a re-run of the job after a crash finds it done and stores nothing),
 * notes its verdict on the pad's 'run' event for playback, and announces it. Returns whether it stored.
 */
async function storeReport(
  deps: ProcessorDeps,
  runId: string,
  report: PadRunRow['report'],
  blank: boolean,
): Promise<boolean> {
  const [stored] = await deps.db
    .update(padRuns)
    .set({ status: 'done', report, finishedAt: new Date() })
    .where(sql`${padRuns.id} = ${runId} AND ${padRuns.status} <> 'done'`)
    .returning();
  if (!stored) return false;
  await deps.db
    .update(padEvents)
    .set({ data: sql`${padEvents.data} || ${JSON.stringify({ verdict: report?.verdict ?? null })}::jsonb` })
    .where(
      sql`${padEvents.padId} = ${stored.padId} AND ${padEvents.kind} = 'run' AND ${padEvents.data}->>'runId' = ${runId}`,
    );
  await announce(deps, stored, blank);
  return true;
}

/**
 * [A107] The judge worker's processor for a pad run: claim it (queued → running, counting the try),
 * judge it (the problem's samples and custom inputs, or a blank pad's whole program, [J53]), store
 * the report idempotently and publish `{ type: 'run', run }` on the pad's topic at each step.
 */
export async function processPadRun(deps: ProcessorDeps, runId: string): Promise<boolean> {
  const claimed = rowsOf<{ tries: number }>(
    await deps.db.execute(sql`
      UPDATE ${padRuns} SET status = 'running', tries = tries + 1
      WHERE id = ${runId} AND status <> 'done' RETURNING tries`),
  )[0];
  const loaded = await loadRun(deps, runId);
  if (!loaded) return false;
  const { run, problemVersionId } = loaded;
  const blank = problemVersionId === null;
  if (!claimed) {
    // Done already: the notice may be what a crash lost.
    await announce(deps, run, blank);
    return false;
  }
  if (Number(claimed.tries) > MAX_TRIES) return giveUpPadRun(deps, runId, `judged ${MAX_TRIES} times without a report`);
  announce(deps, run, blank).catch(() => {});
  const request: JudgeRequest =
    problemVersionId === null
      ? {
          problem: PROGRAM,
          submission: { language: run.language, source: run.code },
          mode: 'run',
          customInputs: [[]],
        }
      : {
          problem: (await problemVersionById(deps.db, problemVersionId)).spec,
          submission: { language: run.language, source: run.code },
          mode: 'run',
          ...(run.customInputs ? { customInputs: run.customInputs } : {}),
        };
  let report: JudgeReport;
  try {
    report = await deps.judge.judge(request);
  } catch (error) {
    // [A132] A language this machine cannot run: the reason is the run's result, not a retry.
    if (!(error instanceof LanguageUnavailableError)) throw error;
    report = unavailableReport('run', error);
  }
  return storeReport(deps, runId, report, blank);
}

/** [A20] Ends a run the judge cannot finish with an `internal_error` that says so; `cause` goes to the log. */
export async function giveUpPadRun(deps: ProcessorDeps, runId: string, cause: string): Promise<boolean> {
  const loaded = await loadRun(deps, runId);
  if (!loaded) return false;
  const stored = await storeReport(deps, runId, gaveUpReport(PAD_GAVE_UP), loaded.problemVersionId === null);
  if (stored) deps.log?.(`pad run ${runId} ended as internal_error: ${cause}`);
  return stored;
}
