import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/openDatabase.ts';
import { codeHistory, proctorEvents, submissions } from '../db/schema.ts';
import { BadCursor, NotFound } from '../errors.ts';
import { toSubmissionView } from './submissionView.ts';

/**
 * The admin's record of an attempt, in pages ([A43]): an attempt flooded with events, saves and
 * submissions must not become one response of tens of megabytes. Each list is in time order and
 * pages with an opaque cursor naming the last row given out, so rows added meanwhile never shift a page.
 */

export type RecordList = 'events' | 'history' | 'submissions';

/** Rows per page when the caller does not say, and the most a caller may ask for. */
export const PAGE_SIZES: Record<RecordList, { default: number; max: number }> = {
  events: { default: 100, max: 500 },
  history: { default: 50, max: 200 },
  // Submissions carry whole reports.
  submissions: { default: 10, max: 50 },
};

export interface PageRequest {
  cursor?: string | undefined;
  limit: number;
}

export interface Page<T> {
  items: T[];
  /** The cursor of the next page, or null on the last. */
  next: string | null;
}

const cursorSchema = z.discriminatedUnion('list', [
  z.object({ list: z.literal('events'), after: z.number().int().positive() }),
  z.object({ list: z.literal('history'), after: z.number().int().positive() }),
  z.object({ list: z.literal('submissions'), after: z.uuid() }),
]);

function encodeCursor(list: RecordList, after: number | string): string {
  return Buffer.from(JSON.stringify({ list, after })).toString('base64url');
}

/** The row a cursor names; anything but a cursor this list gave out is a 400. */
function decodeCursor(list: RecordList, cursor: string): number | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new BadCursor();
  }
  const result = cursorSchema.safeParse(parsed);
  if (!result.success || result.data.list !== list) throw new BadCursor();
  return result.data.after;
}

/**
 * One page of `list`: the rows after the cursor's row in (time, id) order. The cursor's row is
 * compared in SQL, so timestamps keep their full precision; a row of another attempt is a bad cursor.
 */
async function pageOf<Row extends { id: number | string }>(
  list: RecordList,
  request: PageRequest,
  query: {
    /** Whether the row `after` belongs to this attempt's list. */
    exists: (after: number | string) => Promise<boolean>;
    /** `(time, id) > (that row's time, id)`. */
    after: (after: number | string) => SQL;
    rows: (after: SQL | undefined, limit: number) => Promise<Row[]>;
  },
): Promise<Page<Row>> {
  let after: SQL | undefined;
  if (request.cursor !== undefined) {
    const id = decodeCursor(list, request.cursor);
    if (!(await query.exists(id))) throw new BadCursor();
    after = query.after(id);
  }
  const rows = await query.rows(after, request.limit + 1);
  const items = rows.slice(0, request.limit);
  const last = items.at(-1);
  return { items, next: rows.length > request.limit && last ? encodeCursor(list, last.id) : null };
}

export async function eventsPage(db: Db, attemptId: string, request: PageRequest) {
  const page = await pageOf('events', request, {
    exists: async (id) =>
      (
        await db
          .select({ id: proctorEvents.id })
          .from(proctorEvents)
          .where(and(eq(proctorEvents.id, Number(id)), eq(proctorEvents.attemptId, attemptId)))
      ).length > 0,
    after: (id) =>
      sql`(${proctorEvents.at}, ${proctorEvents.id}) > (SELECT at, id FROM ${proctorEvents} WHERE id = ${Number(id)})`,
    rows: (after, limit) =>
      db
        .select()
        .from(proctorEvents)
        .where(and(eq(proctorEvents.attemptId, attemptId), after))
        .orderBy(asc(proctorEvents.at), asc(proctorEvents.id))
        .limit(limit),
  });
  return {
    items: page.items.map((e) => ({ type: e.type, at: e.at.toISOString(), detail: e.detail })),
    next: page.next,
  };
}

export async function historyPage(db: Db, attemptId: string, request: PageRequest) {
  const page = await pageOf('history', request, {
    exists: async (id) =>
      (
        await db
          .select({ id: codeHistory.id })
          .from(codeHistory)
          .where(and(eq(codeHistory.id, Number(id)), eq(codeHistory.attemptId, attemptId)))
      ).length > 0,
    after: (id) =>
      sql`(${codeHistory.windowStart}, ${codeHistory.id}) > (SELECT window_start, id FROM ${codeHistory} WHERE id = ${Number(id)})`,
    // The list says what changed when; the code itself stays in the database.
    rows: (after, limit) =>
      db
        .select({
          id: codeHistory.id,
          position: codeHistory.position,
          language: codeHistory.language,
          savedAt: codeHistory.savedAt,
          bytes: codeHistory.bytes,
        })
        .from(codeHistory)
        .where(and(eq(codeHistory.attemptId, attemptId), after))
        .orderBy(asc(codeHistory.windowStart), asc(codeHistory.id))
        .limit(limit),
  });
  return {
    items: page.items.map((h) => ({
      id: h.id,
      position: h.position,
      language: h.language,
      savedAt: h.savedAt.toISOString(),
      bytes: h.bytes,
    })),
    next: page.next,
  };
}

export async function submissionsPage(db: Db, attemptId: string, request: PageRequest) {
  const page = await pageOf('submissions', request, {
    exists: async (id) =>
      (
        await db
          .select({ id: submissions.id })
          .from(submissions)
          .where(and(eq(submissions.id, String(id)), eq(submissions.attemptId, attemptId)))
      ).length > 0,
    after: (id) =>
      sql`(${submissions.createdAt}, ${submissions.id}) > (SELECT created_at, id FROM ${submissions} WHERE id = ${String(id)})`,
    rows: (after, limit) =>
      db
        .select()
        .from(submissions)
        .where(and(eq(submissions.attemptId, attemptId), after))
        .orderBy(asc(submissions.createdAt), asc(submissions.id))
        .limit(limit),
  });
  return { items: page.items.map((s) => toSubmissionView(s, 'staff')), next: page.next };
}

/**
 * [A98] The code of named history snapshots and submissions of one attempt, for playback and diffs.
 * An id this attempt does not hold is a 404 naming it, so a reviewer never sees another attempt's code.
 */
export async function codeBatch(db: Db, attemptId: string, ids: { history: string[]; submissions: string[] }) {
  const historyIds = [...new Set(ids.history.map(Number))];
  const submissionIds = [...new Set(ids.submissions)];
  const [history, subs] = await Promise.all([
    historyIds.length
      ? db
          .select({
            id: codeHistory.id,
            position: codeHistory.position,
            language: codeHistory.language,
            savedAt: codeHistory.savedAt,
            code: codeHistory.code,
          })
          .from(codeHistory)
          .where(and(eq(codeHistory.attemptId, attemptId), inArray(codeHistory.id, historyIds)))
          .orderBy(asc(codeHistory.windowStart), asc(codeHistory.id))
      : [],
    submissionIds.length
      ? db
          .select({
            id: submissions.id,
            position: submissions.position,
            language: submissions.language,
            code: submissions.code,
          })
          .from(submissions)
          .where(and(eq(submissions.attemptId, attemptId), inArray(submissions.id, submissionIds)))
      : [],
  ]);
  const missing = [
    ...historyIds.filter((id) => !history.some((h) => h.id === id)).map((id) => `snapshot ${id}`),
    ...submissionIds.filter((id) => !subs.some((s) => s.id === id)).map((id) => `submission ${id}`),
  ];
  if (missing.length > 0) throw new NotFound(`${missing.slice(0, 5).join(', ')} of this attempt`);
  return { history: history.map((h) => ({ ...h, savedAt: h.savedAt.toISOString() })), submissions: subs };
}
