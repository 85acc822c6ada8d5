import { sql } from 'drizzle-orm';
import type { Db } from '../db/openDatabase.ts';
import { rowsOf } from '../db/rowsOf.ts';
import { attempts, submissions, taskCode } from '../db/schema.ts';

/** Attempts one deadline sweep statement finishes at most; the sweep repeats until none are due ([A28]). */
export const SWEEP_BATCH = 250;

export type FinishTarget =
  /** Every attempt whose deadline is at or before `now`, up to SWEEP_BATCH of them, finished with reason `deadline`. */
  | { due: Date }
  /** One attempt, if still in progress: with reason `deadline` it finishes at its deadline, else at `now`. */
  | { attemptId: string; reason: 'candidate' | 'deadline'; now: Date };

export interface Finished {
  /** The attempts this call finished. */
  attemptIds: string[];
  /** The automatic submissions it created ([A14]), to enqueue once the statement has committed. */
  submissions: { id: string; attemptId: string }[];
}

/**
 * [A28] Finishes attempts and creates their automatic submissions ([A14]) in ONE statement: either an
 * attempt is finished and every task whose saved code changed after its last submission is submitted,
 * or nothing happened (a crash mid-sweep leaves the attempt `in_progress` for the next sweep). It is
 * set-based: a cohort sharing a deadline finishes in a few statements, not a few per attempt. Rows a
 * concurrent sweep (another API instance) holds are skipped, not waited for.
 */
export async function finishAttempts(db: Db, target: FinishTarget): Promise<Finished> {
  const pick =
    'due' in target
      ? sql`SELECT id, deadline AS finished_at, 'deadline' AS reason FROM ${attempts}
            WHERE status = 'in_progress' AND deadline <= ${target.due}
            ORDER BY deadline LIMIT ${SWEEP_BATCH} FOR UPDATE SKIP LOCKED`
      : sql`SELECT id,
              ${target.reason === 'deadline' ? sql`COALESCE(deadline, ${target.now})` : sql`${target.now}::timestamptz`} AS finished_at,
              ${target.reason}::text AS reason
            FROM ${attempts} WHERE id = ${target.attemptId} AND status = 'in_progress' FOR UPDATE`;
  const result = await db.execute(sql`
    WITH picked AS (${pick}),
    finished AS (
      UPDATE ${attempts} a SET status = 'finished', finished_at = p.finished_at, finish_reason = p.reason
      FROM picked p WHERE a.id = p.id AND a.status = 'in_progress'
      RETURNING a.id
    ),
    latest AS (
      SELECT DISTINCT ON (c.attempt_id, c.position) c.attempt_id, c.position, c.language, c.code, c.updated_at
      FROM ${taskCode} c JOIN finished f ON f.id = c.attempt_id
      ORDER BY c.attempt_id, c.position, c.updated_at DESC
    ),
    last_submit AS (
      SELECT DISTINCT ON (s.attempt_id, s.position) s.attempt_id, s.position, s.language, s.code, s.created_at
      FROM ${submissions} s JOIN finished f ON f.id = s.attempt_id
      WHERE s.mode = 'submit'
      ORDER BY s.attempt_id, s.position, s.created_at DESC
    ),
    created AS (
      INSERT INTO ${submissions} (attempt_id, position, language, code, mode, automatic, idempotency_key)
      SELECT l.attempt_id, l.position, l.language, l.code, 'submit', true, 'final:' || l.position
      FROM latest l LEFT JOIN last_submit s ON s.attempt_id = l.attempt_id AND s.position = l.position
      -- Saved again without a change (a run saves the code it runs) is not a change.
      WHERE s.attempt_id IS NULL
        OR NOT (s.created_at >= l.updated_at OR (s.code = l.code AND s.language = l.language))
      ON CONFLICT (attempt_id, idempotency_key) DO NOTHING
      RETURNING id, attempt_id
    )
    SELECT 'attempt' AS kind, id, id AS attempt_id FROM finished
    UNION ALL
    SELECT 'submission' AS kind, id, attempt_id FROM created`);
  const rows = rowsOf<{ kind: string; id: string; attempt_id: string }>(result);
  return {
    attemptIds: rows.filter((r) => r.kind === 'attempt').map((r) => r.id),
    submissions: rows.filter((r) => r.kind === 'submission').map((r) => ({ id: r.id, attemptId: r.attempt_id })),
  };
}
