import { type DerivedPlayback, playbackDeriver } from '@assay/collab';
import {
  type LanguageId,
  languageId,
  PAD_DOC,
  PAD_ORIGIN_NAMES,
  PAD_TEXT,
  type PadOriginName,
  type PadParticipant,
  type PadPlayback,
  PLAYBACK_EVENT_KINDS,
  type PlaybackEvent,
} from '@assay/contracts';
import { and, asc, eq, gt, max } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Db } from '../db/openDatabase.ts';
import { padEvents, padParticipants, padRuns, padSnapshots, pads, padUpdates } from '../db/schema.ts';
import { NotFound } from '../errors.ts';
import { toPadRun } from './padRuns.ts';

/**
 * [A127] Derived playbacks kept in this process, most recently used last. A derivation is keyed by the
 * last stored update's id: an ended pad's never changes, an open pad's is derived again only when it got
 * new edits, so a 60-minute session is not replayed on every open. Bounded by count; each entry is a few
 * MB at most (PAD_LIMITS bound the text, checkpoints bound the copies of it).
 */
const derived = new Map<string, { uptoId: number; playback: DerivedPlayback }>();
const CACHED_PLAYBACKS = 16;
/** Updates replayed between two yields to the event loop. */
const YIELD_EVERY = 200;

/** Cache-aside for one pad's derivation. */
async function derivedFor(db: Db, padId: string, participantIndex: Map<string, number>, start: number) {
  const [last] = await db
    .select({ id: max(padUpdates.id) })
    .from(padUpdates)
    .where(and(eq(padUpdates.padId, padId), eq(padUpdates.doc, PAD_DOC.CODE)));
  const uptoId = Number(last?.id ?? 0);
  const key = `${padId}:${start}`;
  const hit = derived.get(key);
  if (hit && hit.uptoId === uptoId) {
    derived.delete(key);
    derived.set(key, hit);
    return hit.playback;
  }
  const rows = await db
    .select({
      at: padUpdates.at,
      participantId: padUpdates.participantId,
      origin: padUpdates.origin,
      update: padUpdates.update,
    })
    .from(padUpdates)
    .where(and(eq(padUpdates.padId, padId), eq(padUpdates.doc, PAD_DOC.CODE)))
    .orderBy(asc(padUpdates.id));
  const deriver = playbackDeriver({ start, textName: PAD_TEXT[PAD_DOC.CODE] });
  for (const [i, row] of rows.entries()) {
    deriver.add({
      at: row.at,
      participant: row.participantId ? (participantIndex.get(row.participantId) ?? -1) : -1,
      origin: (PAD_ORIGIN_NAMES as readonly string[]).includes(row.origin) ? (row.origin as PadOriginName) : 'edit',
      update: row.update,
    });
    // A long session takes seconds to replay: the live pads this process serves must not wait for it.
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
  }
  const playback = deriver.finish();
  derived.set(key, { uptoId, playback });
  while (derived.size > CACHED_PLAYBACKS) derived.delete(derived.keys().next().value as string);
  return playback;
}

/** [A128] The notes' text as it ended: the compacted state and every update stored after it. */
async function finalNotes(db: Db, padId: string): Promise<string> {
  const doc = new Y.Doc();
  const [snapshot] = await db
    .select()
    .from(padSnapshots)
    .where(and(eq(padSnapshots.padId, padId), eq(padSnapshots.doc, PAD_DOC.NOTES)));
  if (snapshot) Y.applyUpdate(doc, snapshot.state);
  const tail = await db
    .select({ update: padUpdates.update })
    .from(padUpdates)
    .where(
      and(
        eq(padUpdates.padId, padId),
        eq(padUpdates.doc, PAD_DOC.NOTES),
        ...(snapshot ? [gt(padUpdates.id, snapshot.uptoId)] : []),
      ),
    )
    .orderBy(asc(padUpdates.id));
  // Updates can be merged into one: applying each in order is the same and keeps memory flat.
  for (const row of tail) Y.applyUpdate(doc, row.update);
  const text = doc.getText(PAD_TEXT[PAD_DOC.NOTES]).toString();
  doc.destroy();
  return text;
}

/**
 * The language at t = 0: the pad's language now, unless it was switched; then what the first switch
 * switched from (when the event says so), else the language the first run before that switch used.
 */
function firstLanguage(now: LanguageId, events: PlaybackEvent[]): LanguageId {
  const switches = events.filter((e) => e.kind === 'language');
  const first = switches[0];
  if (!first) return now;
  const from = languageId.safeParse(first.data.from);
  return from.success ? from.data : now;
}

const KINDS = new Set<string>(PLAYBACK_EVENT_KINDS);

/** A stored event in playback's vocabulary; a tab event says which way it went ([A108]). */
function playbackKind(kind: string, data: Record<string, unknown>): PlaybackEvent['kind'] | null {
  if (kind === 'tab') return data.visible === false ? 'tab_hidden' : 'tab_visible';
  return KINDS.has(kind) ? (kind as PlaybackEvent['kind']) : null;
}

/**
 * [A108] A pad's playback: every edit of the code by every participant, as text ops with checkpoints
 * ([A125]), the events beside them, the runs with their output, the notes as they ended.
 */
export async function padPlayback(db: Db, padId: string): Promise<PadPlayback> {
  const [pad] = await db.select().from(pads).where(eq(pads.id, padId));
  if (!pad) throw new NotFound('the pad');
  const people = await db
    .select()
    .from(padParticipants)
    .where(eq(padParticipants.padId, padId))
    .orderBy(asc(padParticipants.createdAt), asc(padParticipants.id));
  const participants: PadParticipant[] = people.map((p) => ({
    id: p.id,
    name: p.name,
    colour: p.colour,
    role: p.role,
  }));
  const index = new Map(people.map((p, i) => [p.id, i]));

  const [first] = await db
    .select({ at: padUpdates.at })
    .from(padUpdates)
    .where(and(eq(padUpdates.padId, padId), eq(padUpdates.doc, PAD_DOC.CODE)))
    .orderBy(asc(padUpdates.id))
    .limit(1);
  const eventRows = await db.select().from(padEvents).where(eq(padEvents.padId, padId)).orderBy(asc(padEvents.id));
  // t = 0 is the first thing that happened: usually the starter code, but a join can come before any edit.
  const start = Math.min(
    first?.at.getTime() ?? Number.POSITIVE_INFINITY,
    eventRows[0]?.at.getTime() ?? Number.POSITIVE_INFINITY,
  );
  const startMs = Number.isFinite(start) ? start : pad.createdAt.getTime();

  const { edits, checkpoints } = await derivedFor(db, padId, index, startMs);
  const events: PlaybackEvent[] = [];
  for (const row of eventRows) {
    const kind = playbackKind(row.kind, row.data);
    if (!kind) continue;
    events.push({
      t: Math.max(0, row.at.getTime() - startMs),
      p: row.participantId ? (index.get(row.participantId) ?? -1) : -1,
      kind,
      data: row.data,
    });
  }
  const blank = pad.problemVersionId === null;
  const runs = (await db.select().from(padRuns).where(eq(padRuns.padId, padId)).orderBy(asc(padRuns.createdAt))).map(
    (row) => toPadRun(row, blank),
  );
  const lastRun = runs.reduce((at, run) => Math.max(at, Date.parse(run.finishedAt ?? run.createdAt) - startMs), 0);
  const last = Math.max(edits.at(-1)?.t ?? 0, events.at(-1)?.t ?? 0, lastRun);
  // An ended pad lasts to its end; an open one to the last thing that happened in it.
  const durationMs = Math.max(last, pad.endedAt ? pad.endedAt.getTime() - startMs : 0);
  return {
    startedAt: new Date(startMs).toISOString(),
    durationMs,
    participants,
    edits,
    checkpoints,
    events,
    runs,
    notes: await finalNotes(db, padId),
    title: pad.title,
    status: pad.status,
    language: firstLanguage(pad.language, events),
  };
}
