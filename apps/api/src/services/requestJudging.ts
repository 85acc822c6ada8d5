import type { Language } from '@assay/judge';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/openDatabase.ts';
import { rowsOf } from '../db/rowsOf.ts';
import { submissions } from '../db/schema.ts';
import { AttemptExpired, IdempotencyKeyReused, JudgeBusy } from '../errors.ts';
import { type LanguageAvailabilities, requireJudgeable } from '../plugins/languages.ts';
import { checkCode } from './assessmentShape.ts';
import { writable } from './attemptDeadlines.ts';
import type { AttemptDeps } from './loadAttempt.ts';
import { writeCode } from './saveCode.ts';

export interface JudgeRequestInput {
  position: number;
  language: Language;
  code: string;
  mode: 'run' | 'submit';
  customInputs?: unknown[][];
  idempotencyKey?: string;
}

type SubmissionRecord = typeof submissions.$inferSelect;

/**
 * Saves the code and queues a run or a submission ([A15]). A repeated idempotency key returns the first
 * submission, even once the attempt is over, and saves nothing; a key is tied to its task, so reusing
 * it on another task is refused ([A44]). The save and the insert commit together: a refused request
 * (a key reused, a run already in flight, a language this server cannot judge [A131]) changes nothing ([A10]).
 */
export async function requestJudging(
  deps: AttemptDeps & { languages: LanguageAvailabilities },
  attemptId: string,
  input: JudgeRequestInput,
): Promise<{ submission: SubmissionRecord; repeated: boolean }> {
  const key = input.idempotencyKey;
  const earlier = async (db: Db) => {
    if (!key) return undefined;
    const [existing] = await db
      .select()
      .from(submissions)
      .where(and(eq(submissions.attemptId, attemptId), eq(submissions.idempotencyKey, key)));
    if (existing && existing.position !== input.position) throw new IdempotencyKeyReused(existing.position);
    return existing ? { submission: existing, repeated: true } : undefined;
  };
  const repeated = await earlier(deps.db);
  if (repeated) return repeated;
  await checkCode(deps, attemptId, input.position, input.language, input.code);
  // [A131] Nothing is saved or queued in a language this server cannot judge.
  requireJudgeable(deps.languages, input.language);
  const customInputs = input.customInputs ? JSON.stringify(input.customInputs) : null;
  const outcome = await deps.db.transaction(async (tx) => {
    if (!(await writeCode(tx, attemptId, input.position, input.language, input.code, deps.now()))) return 'closed';
    // One insert that also refuses a second run or submission in flight and a repeated key.
    const result = await tx.execute(sql`
      INSERT INTO ${submissions} (attempt_id, position, language, code, mode, custom_inputs, idempotency_key)
      SELECT ${attemptId}, ${input.position}, ${input.language}, ${input.code}, ${input.mode}, ${customInputs}::jsonb, ${key ?? null}
      WHERE NOT EXISTS (
        SELECT 1 FROM ${submissions}
        WHERE attempt_id = ${attemptId} AND position = ${input.position} AND mode = ${input.mode} AND status IN ('queued', 'running')
      )
      ON CONFLICT (attempt_id, idempotency_key) DO NOTHING
      RETURNING id, created_at`);
    const row = rowsOf<{ id: string; created_at: string | Date }>(result)[0];
    if (row) return row;
    // The same key, sent twice at once: the other request's submission (or a refusal, for another task).
    const raced = await earlier(tx);
    if (raced) return raced;
    throw new JudgeBusy(input.mode === 'run' ? 'run' : 'submission');
  });
  if (outcome === 'closed') {
    // Nothing was written: say why (not started, finished, or out of time).
    await writable(deps, attemptId);
    throw new AttemptExpired();
  }
  if ('submission' in outcome) return outcome;
  const submission: SubmissionRecord = {
    id: outcome.id,
    attemptId,
    position: input.position,
    language: input.language,
    code: input.code,
    mode: input.mode,
    customInputs: input.customInputs ?? null,
    idempotencyKey: key ?? null,
    automatic: false,
    status: 'queued',
    verdict: null,
    score: null,
    report: null,
    createdAt: new Date(outcome.created_at),
    judgedAt: null,
    tries: 0,
    claimedAt: null,
  };
  await deps.queue.enqueue(submission.id, attemptId);
  return { submission, repeated: false };
}
