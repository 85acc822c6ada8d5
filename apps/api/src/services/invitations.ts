import type { InvitationStatus } from '@assay/contracts';
import { and, asc, desc, eq, ilike, isNull, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/openDatabase.ts';
import { attempts, invitations, sessions, submissions } from '../db/schema.ts';
import { BadCursor, BadInput, CandidatesRefused, InvitationState, NotFound } from '../errors.ts';
import { requireOpenAssessment } from './assessments.ts';
import { sealToken, unsealToken } from './invitationTokens.ts';
import { hashToken, newToken } from './secrets.ts';

// [A89]-[A91] Invitations as the console manages them: created one by one or by the thousand (one
// transaction, batched inserts), listed in pages with their status, revoked, given more time, reopened.

/** A candidate to invite; `row` names it in errors (the CSV's line, or the list's position). */
export interface CandidateRow {
  row: number;
  name: string;
  email: string;
}

export interface RowError {
  row: number;
  message: string;
}

const emailFormat = z.email();
const shown = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/**
 * [A90] What is wrong with each candidate of a list: a missing or overlong name, a missing or malformed
 * email, an email already on an earlier row (case-insensitive), or one already invited to the
 * assessment (revoked invitations do not count).
 */
export async function checkCandidates(db: Db, assessmentId: string, candidates: CandidateRow[]): Promise<RowError[]> {
  const invited = new Set(
    (
      await db
        .select({ email: sql<string>`lower(${invitations.candidateEmail})` })
        .from(invitations)
        .where(and(eq(invitations.assessmentId, assessmentId), isNull(invitations.revokedAt)))
    ).map((r) => r.email),
  );
  const seen = new Map<string, number>();
  const errors: RowError[] = [];
  for (const c of candidates) {
    const problems: string[] = [];
    if (!c.name.trim()) problems.push('the name is missing');
    else if (c.name.length > 200) problems.push('the name is longer than 200 characters');
    if (!c.email) problems.push('the email is missing');
    else if (c.email.length > 254 || !emailFormat.safeParse(c.email).success)
      problems.push(`"${shown(c.email)}" is not an email address`);
    else {
      const key = c.email.toLowerCase();
      const first = seen.get(key);
      if (first !== undefined) problems.push(`${c.email} is also on row ${first}`);
      else seen.set(key, c.row);
      if (invited.has(key)) problems.push(`${c.email} is already invited to this assessment`);
    }
    if (problems.length > 0) errors.push({ row: c.row, message: problems.join('; ') });
  }
  return errors;
}

/** Rows per INSERT: 10,000 invitations are ten statements, well under PostgreSQL's parameter limit. */
const BATCH = 1000;

export interface LinkOptions {
  publicUrl: string;
  /** The sealing key ([A89]). */
  key: Buffer;
}

/**
 * [A90] Invites every candidate or none: the list is checked first (checkCandidates), then each gets an
 * invitation and an attempt, in batches, in one transaction. The token is stored as a hash (it opens
 * the attempt) and sealed (so the link can be shown again).
 */
export async function createInvitations(
  db: Db,
  options: LinkOptions & {
    assessmentId: string;
    candidates: { name: string; email: string }[];
    /** Days until the links expire; null: never; undefined: the assessment's default. */
    expiresInDays: number | null | undefined;
    now: Date;
  },
) {
  const assessment = await requireOpenAssessment(db, options.assessmentId);
  const rows = options.candidates.map((c, i) => ({ row: i + 1, name: c.name, email: c.email.trim() }));
  const errors = await checkCandidates(db, assessment.id, rows);
  if (errors.length > 0) {
    const listed = errors
      .slice(0, 5)
      .map((e) => `candidate ${e.row}: ${e.message}`)
      .join('; ');
    throw new CandidatesRefused(errors.length > 5 ? `${listed}; and ${errors.length - 5} more` : listed);
  }
  const days = options.expiresInDays === undefined ? assessment.invitationExpiryDays : options.expiresInDays;
  const expiresAt = days === null ? null : new Date(options.now.getTime() + days * 24 * 3600 * 1000);
  const created = await db.transaction(async (tx) => {
    const out: { id: string; attemptId: string; name: string; email: string; token: string }[] = [];
    for (let start = 0; start < rows.length; start += BATCH) {
      const batch = rows.slice(start, start + BATCH).map((c) => ({ ...c, token: newToken() }));
      const inserted = await tx
        .insert(invitations)
        .values(
          batch.map((c) => ({
            assessmentId: assessment.id,
            candidateName: c.name,
            candidateEmail: c.email,
            tokenHash: hashToken(c.token),
            tokenSealed: sealToken(options.key, c.token),
            expiresAt,
          })),
        )
        .returning({ id: invitations.id, tokenHash: invitations.tokenHash });
      const idOf = new Map(inserted.map((r) => [r.tokenHash, r.id]));
      const made = await tx
        .insert(attempts)
        .values(inserted.map((r) => ({ invitationId: r.id, assessmentId: assessment.id })))
        .returning({ id: attempts.id, invitationId: attempts.invitationId });
      const attemptOf = new Map(made.map((r) => [r.invitationId, r.id]));
      for (const c of batch) {
        const id = idOf.get(hashToken(c.token)) as string;
        out.push({ id, attemptId: attemptOf.get(id) as string, name: c.name, email: c.email, token: c.token });
      }
    }
    return out;
  });
  return {
    assessment,
    invitations: created.map((c) => ({
      id: c.id,
      attemptId: c.attemptId,
      name: c.name,
      email: c.email,
      link: `${options.publicUrl}/a/${c.token}`,
      expiresAt: expiresAt?.toISOString() ?? null,
    })),
  };
}

/** An invitation's stage, revoked first ([A91]): only one nobody started can be revoked. */
function statusSql(now: Date): SQL<InvitationStatus> {
  return sql<InvitationStatus>`CASE
    WHEN ${invitations.revokedAt} IS NOT NULL THEN 'revoked'
    WHEN ${attempts.status} = 'finished' THEN 'finished'
    WHEN ${attempts.status} = 'in_progress' THEN 'started'
    WHEN ${invitations.expiresAt} IS NOT NULL AND ${invitations.expiresAt} <= ${now.toISOString()}::timestamptz THEN 'expired'
    ELSE 'invited' END`;
}

const rowColumns = (now: Date) => ({
  id: invitations.id,
  attemptId: attempts.id,
  name: invitations.candidateName,
  email: invitations.candidateEmail,
  createdAt: invitations.createdAt,
  /** The exact creation time (microseconds), for the cursor. */
  createdKey: sql<string>`${invitations.createdAt}::text`,
  expiresAt: invitations.expiresAt,
  tokenSealed: invitations.tokenSealed,
  startedAt: attempts.startedAt,
  deadline: attempts.deadline,
  finishedAt: attempts.finishedAt,
  score: attempts.score,
  extraMinutes: attempts.extraMinutes,
  status: statusSql(now),
});

type InvitationRow = {
  id: string;
  attemptId: string;
  name: string;
  email: string;
  createdAt: Date;
  expiresAt: Date | null;
  tokenSealed: string | null;
  startedAt: Date | null;
  deadline: Date | null;
  finishedAt: Date | null;
  score: number | null;
  extraMinutes: number;
  status: InvitationStatus;
};

/** An invitation as the console shows it; the link only for whoever may copy it (`links`). */
export function invitationView(row: InvitationRow, links: LinkOptions | null) {
  const token = links && row.tokenSealed ? unsealToken(links.key, row.tokenSealed) : null;
  return {
    id: row.id,
    attemptId: row.attemptId,
    name: row.name,
    email: row.email,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    startedAt: row.startedAt?.toISOString() ?? null,
    deadline: row.deadline?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    score: row.score,
    extraMinutes: row.extraMinutes,
    link: token && links ? `${links.publicUrl}/a/${token}` : null,
  };
}

const cursorSchema = z.tuple([z.string().max(64), z.string().max(200), z.uuid()]);

function readCursor(cursor: string): [string, string, string] {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {}
  throw new BadCursor();
}

/**
 * [A89] An assessment's invitations, newest first (a batch by name), in pages: the cursor names the
 * last row given out, so invitations created meanwhile never shift a page.
 */
export async function listInvitations(
  db: Db,
  options: {
    assessmentId: string;
    q?: string | undefined;
    status?: InvitationStatus | undefined;
    cursor?: string | undefined;
    limit: number;
    now: Date;
    links: LinkOptions | null;
  },
) {
  const status = statusSql(options.now);
  const like = options.q ? `%${options.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const filter = and(
    eq(invitations.assessmentId, options.assessmentId),
    like ? or(ilike(invitations.candidateName, like), ilike(invitations.candidateEmail, like)) : undefined,
    options.status ? sql`${status} = ${options.status}` : undefined,
  );
  let after: SQL | undefined;
  if (options.cursor) {
    const [createdKey, name, id] = readCursor(options.cursor);
    after = sql`(${invitations.createdAt} < ${createdKey}::timestamptz OR (${invitations.createdAt} = ${createdKey}::timestamptz AND (${invitations.candidateName}, ${invitations.id}) > (${name}, ${id}::uuid)))`;
  }
  const rows = await db
    .select(rowColumns(options.now))
    .from(invitations)
    .innerJoin(attempts, eq(attempts.invitationId, invitations.id))
    .where(and(filter, after))
    .orderBy(desc(invitations.createdAt), asc(invitations.candidateName), asc(invitations.id))
    .limit(options.limit + 1);
  const [total] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(invitations)
    .innerJoin(attempts, eq(attempts.invitationId, invitations.id))
    .where(filter);
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    invitations: page.map((r) => invitationView(r, options.links)),
    next:
      rows.length > options.limit && last
        ? Buffer.from(JSON.stringify([last.createdKey, last.name, last.id])).toString('base64url')
        : null,
    total: Number(total?.n ?? 0),
  };
}

/** One invitation with its attempt and status. */
export async function findInvitation(db: Db, id: string, now: Date) {
  const [row] = await db
    .select({ ...rowColumns(now), assessmentId: invitations.assessmentId, revokedAt: invitations.revokedAt })
    .from(invitations)
    .innerJoin(attempts, eq(attempts.invitationId, invitations.id))
    .where(eq(invitations.id, id));
  if (!row) throw new NotFound('the invitation');
  return row;
}

/**
 * [A91] Revokes an invitation nobody started: its link opens nothing (410 with a message) and the
 * sessions it opened end. A started attempt is never revoked: its work and score are kept. Answers
 * whether anything changed (revoking twice changes nothing).
 */
export async function revokeInvitation(db: Db, id: string, now: Date): Promise<boolean> {
  const found = await findInvitation(db, id, now);
  if (found.status === 'revoked') return false;
  if (found.status === 'started' || found.status === 'finished')
    throw new InvitationState(
      `${found.name} has already started this assessment, and a started attempt is kept with its score: it cannot be revoked`,
    );
  return db.transaction(async (tx) => {
    // The attempt's status is checked again in the statement: a start meanwhile wins.
    const revoked = await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(
        and(
          eq(invitations.id, id),
          isNull(invitations.revokedAt),
          sql`EXISTS (SELECT 1 FROM ${attempts} WHERE invitation_id = ${id} AND status = 'not_started')`,
        ),
      )
      .returning({ id: invitations.id });
    if (revoked.length === 0)
      throw new InvitationState(`${found.name} started the assessment just now: it can no longer be revoked`);
    await tx.delete(sessions).where(eq(sessions.attemptId, found.attemptId));
    return true;
  });
}

/** [A90] Sets when a link expires (null: never). Only before a start: after it, expiry no longer applies ([A11]). */
export async function setInvitationExpiry(db: Db, id: string, expiresAt: Date | null, now: Date) {
  const found = await findInvitation(db, id, now);
  if (found.status === 'revoked')
    throw new InvitationState('this invitation was revoked: invite the candidate again for a new link');
  if (found.status === 'started' || found.status === 'finished')
    throw new InvitationState(
      `${found.name} has already started: the link stays open to them whatever its expiry. To give more time, extend it`,
    );
  if (expiresAt && expiresAt <= now)
    throw new BadInput('the new expiry is in the past: pick a later date, or revoke the invitation to close the link');
  await db.update(invitations).set({ expiresAt }).where(eq(invitations.id, id));
  return { before: found.expiresAt?.toISOString() ?? null };
}

/**
 * [A91] Gives one candidate extra minutes: added to the deadline of an attempt in progress, or to the
 * duration it will start with. One statement, so a start or a deadline meanwhile cannot lose them.
 */
export async function extendTime(db: Db, id: string, minutes: number, now: Date) {
  const found = await findInvitation(db, id, now);
  if (found.status === 'revoked')
    throw new InvitationState('this invitation was revoked: invite the candidate again instead');
  if (found.status === 'finished')
    throw new InvitationState(
      `${found.name} has already finished: re-open the attempt with the minutes to give instead`,
    );
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  const updated = await db
    .update(attempts)
    .set({
      extraMinutes: sql`${attempts.extraMinutes} + ${minutes}::int`,
      deadline: sql`CASE WHEN ${attempts.status} = 'in_progress' THEN ${attempts.deadline} + make_interval(mins => ${minutes}::int) ELSE ${attempts.deadline} END`,
    })
    .where(
      and(
        eq(attempts.id, found.attemptId),
        or(
          eq(attempts.status, 'not_started'),
          and(eq(attempts.status, 'in_progress'), sql`${attempts.deadline} > ${nowSql}`),
        ),
      ),
    )
    .returning({ deadline: attempts.deadline, status: attempts.status });
  const [after] = updated;
  if (!after)
    throw new InvitationState(
      `${found.name}'s time ran out before the extension: once the attempt is finished, re-open it with the minutes to give`,
    );
  return { status: after.status, deadlineBefore: found.deadline?.toISOString() ?? null, deadline: after.deadline };
}

/**
 * [A91] Re-opens a finished attempt for `minutes` from now. The automatic final submissions of the
 * earlier finish keep their results but give up their idempotency keys, so finishing again submits the
 * code changed since ([A14]).
 */
export async function reopenAttempt(db: Db, id: string, minutes: number, now: Date) {
  const found = await findInvitation(db, id, now);
  if (found.status !== 'finished')
    throw new InvitationState(
      found.status === 'started'
        ? `${found.name} is still working: extend their time instead`
        : `${found.name} has not finished an attempt: only a finished attempt can be re-opened`,
    );
  const deadline = new Date(now.getTime() + minutes * 60_000);
  await db.transaction(async (tx) => {
    const reopened = await tx
      .update(attempts)
      .set({
        status: 'in_progress',
        deadline,
        finishedAt: null,
        finishReason: null,
        extraMinutes: sql`${attempts.extraMinutes} + ${minutes}::int`,
      })
      .where(and(eq(attempts.id, found.attemptId), eq(attempts.status, 'finished')))
      .returning({ id: attempts.id });
    if (reopened.length === 0) throw new InvitationState(`${found.name}'s attempt was re-opened meanwhile`);
    await tx
      .update(submissions)
      .set({ idempotencyKey: sql`'reopened ' || ${now.toISOString()} || ' ' || ${submissions.idempotencyKey}` })
      .where(and(eq(submissions.attemptId, found.attemptId), sql`${submissions.idempotencyKey} LIKE 'final:%'`));
  });
  return { finishedAt: found.finishedAt?.toISOString() ?? null, deadline: deadline.toISOString() };
}
