import type { PadParticipant } from '@assay/contracts';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/openDatabase.ts';
import { padParticipants } from '../db/schema.ts';
import type { Staff } from '../plugins/auth.ts';

// Written minimally by helper B (HTTP) while helper A's socket server was not merged; A owns this file.

/** Readable on the light and the dark theme; a pad's participants take them in order ([A100]). */
export const PARTICIPANT_COLOURS = [
  '#2563eb',
  '#db2777',
  '#16a34a',
  '#ea580c',
  '#7c3aed',
  '#0891b2',
  '#ca8a04',
  '#dc2626',
  '#4f46e5',
  '#059669',
  '#c026d3',
  '#65a30d',
] as const;

/** The first colour no participant of the pad has, or (past the palette) the least used one. */
export function nextColour(used: readonly string[]): string {
  let best: string = PARTICIPANT_COLOURS[0];
  let bestCount = Number.POSITIVE_INFINITY;
  for (const colour of PARTICIPANT_COLOURS) {
    const count = used.filter((u) => u === colour).length;
    if (count < bestCount) {
      best = colour;
      bestCount = count;
    }
  }
  return best;
}

export type ParticipantRow = typeof padParticipants.$inferSelect;

export function toPadParticipant(row: ParticipantRow): PadParticipant {
  return { id: row.id, name: row.name, colour: row.colour, role: row.role };
}

/** The staff member's participant row in the pad, created on first use (one per pad and account). */
export async function ensureStaffParticipant(db: Db, padId: string, staff: Staff): Promise<ParticipantRow> {
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
  // Two tabs joining at once: the unique (pad, user) index keeps one row and both read it back.
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
  if (!row) throw new Error('the participant was not stored');
  return row;
}
