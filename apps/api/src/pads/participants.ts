import type { PadParticipant, PadRole } from '@assay/contracts';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/openDatabase.ts';
import { padParticipants } from '../db/schema.ts';
import { hashToken } from '../services/secrets.ts';

/**
 * Cursor and name colours, distinct within a pad ([A111]): twelve hues readable on both the light and
 * the dark theme (mid lightness, none too close to the editor's own selection colours).
 */
export const PARTICIPANT_COLOURS = [
  '#e6194b',
  '#3cb44b',
  '#4363d8',
  '#f58231',
  '#911eb4',
  '#16a3a3',
  '#d633b5',
  '#7c9a0f',
  '#c27c0e',
  '#0a7fa8',
  '#9a6324',
  '#8f5bd6',
] as const;

/** The first palette colour no participant of the pad uses; past twelve people colours repeat in order. */
export function nextColour(used: Iterable<string>): string {
  const taken = new Set(used);
  const free = PARTICIPANT_COLOURS.find((colour) => !taken.has(colour));
  return free ?? (PARTICIPANT_COLOURS[taken.size % PARTICIPANT_COLOURS.length] as string);
}

export type ParticipantRow = typeof padParticipants.$inferSelect;

export function toPadParticipant(row: ParticipantRow): PadParticipant {
  return { id: row.id, name: row.name, colour: row.colour, role: row.role as PadRole };
}

/**
 * A staff member's participant row in a pad, created on their first join ([A102]): one per (pad, user),
 * named after the account, with the first free colour. Two first joins at once make one row.
 */
/** A signed-in member of staff, as far as a pad needs one. Not the auth plugin's type: the judge worker reaches this file and loads no HTTP code ([A26]). */
export interface PadStaff {
  id: string;
  name: string;
}

export async function ensureStaffParticipant(db: Db, padId: string, staff: PadStaff): Promise<ParticipantRow> {
  const find = async () =>
    (
      await db
        .select()
        .from(padParticipants)
        .where(and(eq(padParticipants.padId, padId), eq(padParticipants.userId, staff.id)))
    )[0];
  const existing = await find();
  if (existing) return existing;
  const used = await db
    .select({ colour: padParticipants.colour })
    .from(padParticipants)
    .where(eq(padParticipants.padId, padId));
  await db
    .insert(padParticipants)
    .values({
      padId,
      role: 'interviewer',
      userId: staff.id,
      name: staff.name,
      colour: nextColour(used.map((u) => u.colour)),
    })
    .onConflictDoNothing();
  const row = await find();
  if (!row) throw new Error(`the participant row of ${staff.id} in pad ${padId} was not created`);
  return row;
}

/** The participant a candidate's pad cookie (`assay_pad`) names, in any pad; undefined for an unknown cookie. */
export async function participantOfToken(db: Db, token: string): Promise<ParticipantRow | undefined> {
  const [row] = await db
    .select()
    .from(padParticipants)
    .where(eq(padParticipants.tokenHash, hashToken(token)));
  return row;
}

/** Every participant of a pad, first joined first. */
export function participantsOf(db: Db, padId: string): Promise<ParticipantRow[]> {
  return db.select().from(padParticipants).where(eq(padParticipants.padId, padId)).orderBy(padParticipants.createdAt);
}

/** The candidate's participant cookie, set by `POST /api/pads/join/:token` with path `/api/pads/<padId>`. */
export const PAD_COOKIE = 'assay_pad';
