import type { Language } from '@assay/judge';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/openDatabase.ts';
import { rowsOf } from '../db/rowsOf.ts';
import { attempts, codeHistory, taskCode } from '../db/schema.ts';
import { AttemptExpired } from '../errors.ts';
import { checkCode } from './assessmentShape.ts';
import { writable } from './attemptDeadlines.ts';
import type { AttemptDeps } from './loadAttempt.ts';

/** Bytes of code history an attempt keeps ([A42]); past half of it, snapshots get coarser. */
export const HISTORY_BYTES_PER_ATTEMPT = 8 * 1024 * 1024;
/** The windows history snapshots stand for: fine while the history is small, coarse later ([A42]). */
export const HISTORY_WINDOW_MS = { fine: 30_000, coarse: 5 * 60_000 } as const;

const windowOf = (at: Date, ms: number) => new Date(Math.floor(at.getTime() / ms) * ms);

/**
 * Writes a task's latest code, only into an open attempt, and keeps it in the history ([A42]): as the
 * snapshot of the current 30 s window (5 min once the attempt's history holds half its bytes), which a
 * later save in the same window replaces; once the history is full, as its task and language's latest
 * snapshot. One statement (autosave is the busiest request), all or nothing. False when the attempt
 * took nothing.
 */
export async function writeCode(
  db: Db,
  attemptId: string,
  position: number,
  language: Language,
  code: string,
  savedAt: Date,
): Promise<boolean> {
  const fine = windowOf(savedAt, HISTORY_WINDOW_MS.fine);
  const coarse = windowOf(savedAt, HISTORY_WINDOW_MS.coarse);
  const result = await db.execute(sql`
    WITH open AS (
      SELECT id, history_bytes FROM ${attempts}
      WHERE id = ${attemptId} AND status = 'in_progress' AND deadline > ${savedAt}
    ), saved AS (
      INSERT INTO ${taskCode} (attempt_id, position, language, code, updated_at)
      SELECT id, ${position}, ${language}, ${code}, ${savedAt} FROM open
      ON CONFLICT (attempt_id, position, language) DO UPDATE SET code = excluded.code, updated_at = excluded.updated_at
      RETURNING attempt_id, position, language, code, updated_at
    ), slot AS (
      SELECT CASE
        WHEN history_bytes < ${HISTORY_BYTES_PER_ATTEMPT / 2} THEN ${fine}::timestamptz
        WHEN history_bytes < ${HISTORY_BYTES_PER_ATTEMPT} THEN ${coarse}::timestamptz
        ELSE (SELECT max(window_start) FROM ${codeHistory}
              WHERE attempt_id = ${attemptId} AND position = ${position} AND language = ${language})
      END AS window_start
      FROM open
    ), replaced AS (
      SELECT h.bytes FROM ${codeHistory} h, slot
      WHERE h.attempt_id = ${attemptId} AND h.position = ${position} AND h.language = ${language}
        AND h.window_start = slot.window_start
    ), kept AS (
      INSERT INTO ${codeHistory} (attempt_id, position, language, code, saved_at, window_start, bytes)
      SELECT s.attempt_id, s.position, s.language, s.code, s.updated_at, slot.window_start, octet_length(s.code)
      FROM saved s, slot WHERE slot.window_start IS NOT NULL
      ON CONFLICT (attempt_id, position, language, window_start)
        DO UPDATE SET code = excluded.code, saved_at = excluded.saved_at, bytes = excluded.bytes
      RETURNING bytes
    ), counted AS (
      UPDATE ${attempts} SET history_bytes = history_bytes + kept.bytes - coalesce((SELECT bytes FROM replaced), 0)
      FROM kept WHERE ${attempts}.id = ${attemptId}
      RETURNING 1
    )
    SELECT 1 AS saved FROM saved`);
  return rowsOf<{ saved: number }>(result).length > 0;
}

export async function saveCode(
  deps: AttemptDeps,
  attemptId: string,
  position: number,
  language: Language,
  code: string,
) {
  await checkCode(deps, attemptId, position, language, code);
  const savedAt = deps.now();
  if (!(await writeCode(deps.db, attemptId, position, language, code, savedAt))) {
    // Nothing was written: say why (not started, finished, or out of time).
    await writable(deps, attemptId);
    throw new AttemptExpired();
  }
  return { savedAt: savedAt.toISOString() };
}
