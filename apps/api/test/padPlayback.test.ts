import { editIndexAt, textAt } from '@assay/collab';
import { PAD_DOC, type PadPlayback, type TeamMember } from '@assay/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { padEvents, padParticipants, padRuns, padSnapshots, pads, padUpdates, users } from '../src/db/schema.ts';
import { ADMIN, adminCookie, cookieOf, type TestApp, testApp } from './testApp.ts';

let t: TestApp;
let admin: string;
let interviewer: string;

beforeAll(async () => {
  t = await testApp();
  admin = await adminCookie(t.app);
  const added = await t.app.inject({
    method: 'POST',
    url: '/api/admin/team',
    headers: { cookie: admin },
    payload: {
      name: 'Ida Interviewer',
      email: 'ida@example.com',
      role: 'interviewer',
      password: 'a long enough password',
    },
  });
  expect(added.statusCode, added.body).toBe(201);
  expect((added.json() as { member: TeamMember }).member.role).toBe('interviewer');
  interviewer = cookieOf(
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'ida@example.com', password: 'a long enough password' },
    }),
  );
});
afterAll(() => t.close());

const get = (id: string, cookie?: string) =>
  t.app.inject({ method: 'GET', url: `/api/pads/${id}/playback`, ...(cookie ? { headers: { cookie } } : {}) });

let padCount = 0;
/**
 * A pad whose code two participants typed with real Y.Docs, concurrently (each edits before seeing the
 * other's last update), stored as the server stores them: one row per update, in arrival order.
 */
async function seedPad(options: { ended: boolean }) {
  const [adminUser] = await t.db.select().from(users).where(eq(users.email, ADMIN.email));
  const [pad] = await t.db
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
  const people = await t.db
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
  await t.db
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
      update,
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
  await t.db.insert(padUpdates).values(rows);

  // Notes: a compacted state, then a later update.
  const notes = new Y.Doc();
  notes.getText('notes').insert(0, 'Strong start.');
  await t.db.insert(padSnapshots).values({ padId, doc: PAD_DOC.NOTES, state: Y.encodeStateAsUpdate(notes), uptoId: 0 });
  const sv = Y.encodeStateVector(notes);
  notes.getText('notes').insert(notes.getText('notes').length, ' Tested edge cases.');
  await t.db.insert(padUpdates).values({
    padId,
    doc: PAD_DOC.NOTES,
    participantId: interviewerRow.id,
    origin: 'edit',
    update: Y.encodeStateAsUpdate(notes, sv),
    at: new Date(at),
  });

  await t.db.insert(padEvents).values([
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
      data: { language: 'python' },
      at: new Date(start + 50_000),
    },
  ]);
  await t.db.insert(padRuns).values({
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
    await t.db
      .update(pads)
      .set({ endedAt: new Date(at + 60_000) })
      .where(eq(pads.id, padId));
  }
  // t = 0 is the first thing that happened: the candidate's join, 2 s before the starter code.
  return {
    padId,
    candidate: candidateRow,
    history: history.map((h) => ({ t: h.t + 2000, text: h.text })),
    endAt: at + 60_000 - (start - 2000),
  };
}

describe('[A108] pad playback', () => {
  for (const ended of [true, false]) {
    it(`[A126] shows at every moment the code Yjs had then (${ended ? 'ended' : 'open'} pad)`, async () => {
      const pad = await seedPad({ ended });
      const response = await get(pad.padId, admin);
      expect(response.statusCode, response.body).toBe(200);
      const playback = response.json() as PadPlayback;
      expect(playback.participants.map((p) => [p.name, p.role])).toEqual([
        ['Ada Admin', 'interviewer'],
        ['Cato Candidate', 'candidate'],
      ]);
      // Every stored update's moment, and moments between them.
      for (const [i, moment] of pad.history.entries()) {
        expect(textAt(playback, editIndexAt(playback, moment.t)), `update ${i}`).toBe(moment.text);
      }
      expect(textAt(playback, editIndexAt(playback, 1000))).toBe('');
      expect(textAt(playback, playback.edits.length)).toBe(pad.history.at(-1)?.text);
      // 1 starter + 60 × 2 edits; the resync changed nothing.
      expect(playback.edits).toHaveLength(121);
      expect(playback.edits[0]?.origin).toBe('starter');
      expect(playback.edits.filter((e) => e.origin === 'paste')).toHaveLength(1);
      expect(new Set(playback.edits.map((e) => e.p))).toEqual(new Set([0, 1]));
      expect(playback.checkpoints.map((c) => c.edit)).toEqual([0, 100]);

      expect(playback.events.map((e) => [e.kind, e.p])).toEqual([
        ['join', 1],
        ['paste', 1],
        ['tab_hidden', 1],
        ['tab_visible', 1],
        ['language', 0],
      ]);
      expect(playback.events[1]?.data).toEqual({ chars: 4, fromOutside: true });
      expect(playback.events[1]?.t).toBe(32_000);
      expect(playback.runs).toHaveLength(1);
      expect(playback.runs[0]).toMatchObject({ by: 'Cato Candidate', verdict: 'accepted', status: 'done' });
      expect(playback.runs[0]?.tests[0]).toMatchObject({ kind: 'sample', output: 'hi\n' });
      expect(playback.notes).toBe('Strong start. Tested edge cases.');
      expect([playback.title, playback.status, playback.language]).toEqual([
        'Pairing',
        ended ? 'ended' : 'open',
        'javascript',
      ]);
      if (ended) expect(playback.durationMs).toBe(pad.endAt);
      // An open pad lasts to its last edit (the resync after it changed nothing).
      else expect(playback.durationMs).toBe(pad.history.at(-2)?.t);

      // An interviewer reads it too.
      expect((await get(pad.padId, interviewer)).json()).toEqual(playback);
    });
  }

  it('[A127] derives again when an open pad got new edits, and serves the same derivation otherwise', async () => {
    const pad = await seedPad({ ended: false });
    const first = (await get(pad.padId, admin)).json() as PadPlayback;
    expect((await get(pad.padId, admin)).json()).toEqual(first);
    const doc = new Y.Doc();
    for (const row of await t.db.select().from(padUpdates).where(eq(padUpdates.padId, pad.padId))) {
      if (row.doc === PAD_DOC.CODE) Y.applyUpdate(doc, row.update);
    }
    const sv = Y.encodeStateVector(doc);
    doc.getText('code').insert(0, '// hi\n');
    await t.db.insert(padUpdates).values({
      padId: pad.padId,
      doc: PAD_DOC.CODE,
      participantId: pad.candidate.id,
      origin: 'edit',
      update: Y.encodeStateAsUpdate(doc, sv),
      at: new Date(),
    });
    const second = (await get(pad.padId, admin)).json() as PadPlayback;
    expect(second.edits).toHaveLength(first.edits.length + 1);
    expect(textAt(second, second.edits.length)).toBe(doc.getText('code').toString());
  });

  it('[A108] answers 401 without a session, 403 to a candidate, 404 for an unknown pad, 400 for a bad id', async () => {
    const pad = await seedPad({ ended: true });
    const anonymous = await get(pad.padId);
    expect(anonymous.statusCode).toBe(401);
    const candidate = await get(pad.padId, 'assay_pad=some-participant-token');
    expect(candidate.statusCode).toBe(403);
    expect(candidate.body).not.toContain('Strong start');
    const unknown = await get('00000000-0000-4000-8000-000000000000', admin);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toContain('pad');
    expect((await get('not-a-pad', admin)).statusCode).toBe(400);
  });
});
