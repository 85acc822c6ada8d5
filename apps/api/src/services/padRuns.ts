import { PAD_LIMITS, type PadRun, type PadRunBody } from '@assay/contracts';
import { decodeWire, type JudgeReport, parseType } from '@assay/judge';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/openDatabase.ts';
import { padEvents, padRuns, pads } from '../db/schema.ts';
import { BadInput, PadEnded, PadRunInProgress } from '../errors.ts';
import type { ParticipantRow } from '../pads/participants.ts';
import { type EventBus, publishPadEvent } from '../queue/EventBus.ts';
import type { JudgeQueue } from '../queue/JudgeQueue.ts';
import { problemVersionById } from './cachedLookups.ts';

/** [A107] Pad runs share the judge queue with submissions; their job ids carry this prefix (BullMQ refuses ':'). */
export const PAD_RUN_JOB_PREFIX = 'padrun-';

export function padRunJobId(runId: string): string {
  return `${PAD_RUN_JOB_PREFIX}${runId}`;
}

/** The run id of a pad run's job id, or undefined for a submission's job. */
export function padRunIdOf(jobId: string): string | undefined {
  return jobId.startsWith(PAD_RUN_JOB_PREFIX) ? jobId.slice(PAD_RUN_JOB_PREFIX.length) : undefined;
}

/** How many runs of a pad the history shows ([A107]): the newest ones. */
export const PAD_RUN_HISTORY = 100;

export type PadRunRow = typeof padRuns.$inferSelect;

/** A stored run as every participant sees it ([A107]); a blank pad's one test is the `program`. */
export function toPadRun(row: PadRunRow, blank: boolean): PadRun {
  const report = row.report;
  return {
    id: row.id,
    participantId: row.participantId,
    by: row.byName,
    language: row.language,
    status: row.status,
    verdict: report?.verdict ?? null,
    compileError: report?.compileError ?? null,
    tests: (report?.tests ?? []).map((t) => ({
      id: t.id,
      kind: t.kind === 'custom' ? (blank ? 'program' : 'custom') : 'sample',
      verdict: t.verdict,
      ...(t.input !== undefined && !blank ? { input: t.input } : {}),
      ...(t.expected !== undefined ? { expected: t.expected } : {}),
      ...(t.actual !== undefined ? { actual: t.actual } : {}),
      output: t.output,
      ...(t.message !== undefined ? { message: t.message } : {}),
      cpuMs: t.cpuMs,
    })),
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    ...(report?.message ? { message: report.message } : {}),
  };
}

/** The pad's newest runs, oldest first. */
export async function padRunHistory(db: Db, padId: string, blank: boolean): Promise<PadRun[]> {
  const rows = await db
    .select()
    .from(padRuns)
    .where(eq(padRuns.padId, padId))
    .orderBy(desc(padRuns.createdAt), desc(padRuns.id))
    .limit(PAD_RUN_HISTORY);
  return rows.reverse().map((row) => toPadRun(row, blank));
}

/**
 * A problem pad's custom input: JSON text of an array of argument lists, each checked against the
 * problem's signature here, so a bad one is a 400 naming the input and argument, not a failed run.
 */
function parseCustomInput(text: string, spec: { signature: { params: { name: string; type: string }[] } }) {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BadInput('the custom input is not JSON: write an array of argument lists, such as [[[1, 2], 3]]');
  }
  if (!Array.isArray(value) || value.some((args) => !Array.isArray(args)))
    throw new BadInput('the custom input must be an array of argument lists, such as [[[1, 2], 3]]');
  const params = spec.signature.params;
  if (value.length > 20) throw new BadInput('run at most 20 custom inputs at once');
  for (const [i, args] of (value as unknown[][]).entries()) {
    if (args.length !== params.length)
      throw new BadInput(`custom input ${i + 1} has ${args.length} arguments; the function takes ${params.length}`);
    try {
      for (const [j, param] of params.entries())
        decodeWire(args[j], parseType(param.type), `custom input ${i + 1}, ${param.name}`);
    } catch (error) {
      throw new BadInput(`${(error as Error).message}; fix the custom input and run again`);
    }
  }
  return value as unknown[][];
}

export interface PadRunDeps {
  db: Db;
  queue: JudgeQueue;
  events: EventBus;
  now: () => Date;
}

/**
 * [A107] Stores a run of the pad's code and queues it for the judge. One pad has at most
 * PAD_LIMITS.runsInFlight runs queued or running: the pad's row is locked while that is counted, so
 * two participants pressing Run at once start one run and the other is told to wait.
 */
export async function requestPadRun(
  deps: PadRunDeps,
  padId: string,
  participant: ParticipantRow,
  body: PadRunBody,
): Promise<PadRun> {
  const { db } = deps;
  const [pad] = await db.select().from(pads).where(eq(pads.id, padId));
  if (!pad) throw new Error(`pad ${padId} vanished`);
  const customInputs =
    body.customInput !== undefined && body.customInput.trim() !== '' && pad.problemVersionId
      ? parseCustomInput(body.customInput, (await problemVersionById(db, pad.problemVersionId)).spec)
      : null;
  const row = await db.transaction(async (tx) => {
    const [locked] = await tx.select({ status: pads.status }).from(pads).where(eq(pads.id, padId)).for('update');
    // Staff may still run code in an ended pad; the candidate's part is over ([A107]).
    if (locked?.status !== 'open' && participant.role === 'candidate') throw new PadEnded();
    const [inFlight] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(padRuns)
      .where(and(eq(padRuns.padId, padId), inArray(padRuns.status, ['queued', 'running'])));
    if (Number(inFlight?.n ?? 0) >= PAD_LIMITS.runsInFlight) throw new PadRunInProgress();
    const [inserted] = await tx
      .insert(padRuns)
      .values({
        padId,
        participantId: participant.id,
        byName: participant.name,
        language: body.language,
        code: body.code,
        customInputs,
        createdAt: deps.now(),
      })
      .returning();
    if (!inserted) throw new Error('the run was not stored');
    await tx.insert(padEvents).values({
      padId,
      participantId: participant.id,
      kind: 'run',
      data: { runId: inserted.id, language: body.language },
      at: deps.now(),
    });
    return inserted;
  });
  const run = toPadRun(row, pad.problemVersionId === null);
  await publishPadEvent(deps.events, padId, { type: 'run', run }).catch(() => {});
  // A queue that cannot take it now answers 503; the run stays queued and the reconciler enqueues it ([A21]).
  await deps.queue.enqueue(padRunJobId(row.id), padId);
  return run;
}

/** Oldest first, the runs of every pad that a judge should be working on: for the reconciler ([A21]). */
export async function stalePadRuns(db: Db, queuedBefore: Date, runningBefore: Date) {
  return db
    .select({ id: padRuns.id, padId: padRuns.padId })
    .from(padRuns)
    .where(
      sql`(${padRuns.status} = 'queued' AND ${padRuns.createdAt} < ${queuedBefore.toISOString()}) OR (${padRuns.status} = 'running' AND ${padRuns.createdAt} < ${runningBefore.toISOString()})`,
    )
    .orderBy(asc(padRuns.createdAt));
}

/** A report for a run the judge gave up on ([A20]). */
export function gaveUpReport(message: string): JudgeReport {
  return { mode: 'run', verdict: 'internal_error', score: 0, passed: 0, total: 0, tests: [], judgeMs: 0, message };
}
