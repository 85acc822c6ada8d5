// A pad as the server would have stored it, for playback's tests ([A108], [W55]–[W62]): two participants
// typing with real Y.Docs concurrently, one row per update in arrival order, notes, events and a run. The
// text of every moment is what Yjs itself had then (`history`), never what the code under test derives.
import { PAD_DOC } from '@assay/contracts';
import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Db } from '../src/db/openDatabase.ts';
import { padEvents, padParticipants, padRuns, padSnapshots, pads, padUpdates, users } from '../src/db/schema.ts';

let padCount = 0;
/**
 * A pad whose code two participants typed with real Y.Docs, concurrently (each edits before seeing the
 * other's last update), stored as the server stores them: one row per update, in arrival order.
 */
export async function seedPlaybackPad(db: Db, options: { ended: boolean; staffEmail: string }) {
  const [adminUser] = await db.select().from(users).where(eq(users.email, options.staffEmail));
  const [pad] = await db
    .insert(pads)
    .values({
      title: 'Pairing',
      language: 'javascript',
      candidateTokenHash: `hash-${++padCount}-${Math.random()}`,
      candidateTokenSealed: 'sealed',
      createdBy: adminUser?.id,
      status: options.ended ? 'ended' : 'open',
    })
    .returning();
  const padId = pad?.id as string;
  const people = await db
    .insert(padParticipants)
    .values([
      { padId, role: 'interviewer', userId: adminUser?.id, name: 'Ada Admin', colour: '#1f77b4' },
      {
        padId,
        role: 'candidate',
        name: 'Cato Candidate',
        colour: '#d62728',
        tokenHash: `cand-${padCount}-${Math.random()}`,
      },
    ])
    .returning();
  const [interviewerRow, candidateRow] = people as [
    typeof padParticipants.$inferSelect,
    typeof padParticipants.$inferSelect,
  ];
  // Participants are ordered by when they joined: make that unambiguous.
  await db
    .update(padParticipants)
    .set({ createdAt: new Date(Date.now() - 60_000) })
    .where(eq(padParticipants.id, interviewerRow.id));

  const docs = [new Y.Doc(), new Y.Doc()];
  const start = Date.now() - 10 * 60_000;
  const rows: (typeof padUpdates.$inferInsert)[] = [];
  const truth = new Y.Doc();
  const history: { t: number; text: string }[] = [];
  const store = (who: 0 | 1, update: Uint8Array, at: number, origin = 'edit') => {
    rows.push({
      padId,
      doc: PAD_DOC.CODE,
      participantId: (who === 0 ? interviewerRow : candidateRow).id,
      origin,
      update: Buffer.from(update),
      at: new Date(at),
    });
    Y.applyUpdate(truth, update);
    history.push({ t: at - start, text: truth.getText('code').toString() });
  };
  const edit = (who: 0 | 1, change: (text: Y.Text) => void) => {
    const doc = docs[who] as Y.Doc;
    const before = Y.encodeStateVector(doc);
    doc.transact(() => change(doc.getText('code')));
    return Y.encodeStateAsUpdate(doc, before);
  };
  const deliver = (to: 0 | 1, update: Uint8Array) => Y.applyUpdate(docs[to] as Y.Doc, update);

  let at = start;
  const starter = edit(0, (text) => text.insert(0, 'function solve(a, b) {\n  return 0;\n}\n'));
  store(0, starter, at, 'starter');
  deliver(1, starter);
  for (let i = 0; i < 60; i++) {
    at += 700 + ((i * 37) % 900);
    // Concurrent: both type on the state they have, then the server stores both, then each gets the other's.
    const mine = edit(0, (text) =>
      text.insert(Math.min(text.length, 10 + (i % 7)), String.fromCharCode(97 + (i % 26))),
    );
    const theirs = edit(1, (text) =>
      i % 5 === 4 ? text.delete(Math.max(0, text.length - 8), 2) : text.insert(text.length - 2, `x${i}`),
    );
    store(1, theirs, at, i === 30 ? 'paste' : 'edit');
    store(0, mine, at + 5);
    deliver(0, theirs);
    deliver(1, mine);
  }
  // An update that changes nothing (both already have everything) makes no edit.
  store(1, Y.encodeStateAsUpdate(docs[1] as Y.Doc, Y.encodeStateVector(docs[0] as Y.Doc)), at + 10, 'resync');
  await db.insert(padUpdates).values(rows);

  // Notes: a compacted state, then a later update.
  const notes = new Y.Doc();
  notes.getText('notes').insert(0, 'Strong start.');
  await db
    .insert(padSnapshots)
    .values({ padId, doc: PAD_DOC.NOTES, state: Buffer.from(Y.encodeStateAsUpdate(notes)), uptoId: 0 });
  const sv = Y.encodeStateVector(notes);
  notes.getText('notes').insert(notes.getText('notes').length, ' Tested edge cases.');
  await db.insert(padUpdates).values({
    padId,
    doc: PAD_DOC.NOTES,
    participantId: interviewerRow.id,
    origin: 'edit',
    update: Buffer.from(Y.encodeStateAsUpdate(notes, sv)),
    at: new Date(at),
  });

  await db.insert(padEvents).values([
    { padId, participantId: candidateRow.id, kind: 'join', data: {}, at: new Date(start - 2000) },
    {
      padId,
      participantId: candidateRow.id,
      kind: 'paste',
      data: { chars: 4, fromOutside: true },
      at: new Date(start + 30_000),
    },
    { padId, participantId: candidateRow.id, kind: 'tab', data: { visible: false }, at: new Date(start + 40_000) },
    { padId, participantId: candidateRow.id, kind: 'tab', data: { visible: true }, at: new Date(start + 45_000) },
    {
      padId,
      participantId: interviewerRow.id,
      kind: 'language',
      data: { language: 'typescript' },
      at: new Date(start + 50_000),
    },
  ]);
  await db.insert(padRuns).values({
    padId,
    participantId: candidateRow.id,
    byName: 'Cato Candidate',
    language: 'javascript',
    code: 'function solve() {}',
    status: 'done',
    report: {
      mode: 'run',
      verdict: 'accepted',
      score: 1,
      passed: 1,
      total: 1,
      judgeMs: 12,
      tests: [
        { id: 's1', kind: 'sample', verdict: 'accepted', cpuMs: 3, wallMs: 4, output: 'hi\n', outputTruncated: false },
      ],
    },
    createdAt: new Date(start + 55_000),
    finishedAt: new Date(start + 56_000),
  });
  if (options.ended) {
    await db
      .update(pads)
      .set({ endedAt: new Date(at + 60_000) })
      .where(eq(pads.id, padId));
  }
  // t = 0 is the first thing that happened: the candidate's join, 2 s before the starter code.
  return {
    padId,
    candidate: candidateRow,
    history: history.map((h) => ({ t: h.t + 2000, text: h.text })),
    /** Session times (t = 0 is the join): the end (ended pads), the paste event, the run. */
    endAt: at + 60_000 - (start - 2000),
    pasteAt: 32_000,
    runAt: 57_000,
  };
}
