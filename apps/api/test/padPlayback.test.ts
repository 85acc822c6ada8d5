import { editIndexAt, textAt } from '@assay/collab';
import { PAD_DOC, type PadPlayback, type TeamMember } from '@assay/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { padUpdates } from '../src/db/schema.ts';
import { seedPlaybackPad } from './padPlaybackFixture.ts';
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

const seedPad = (options: { ended: boolean }) => seedPlaybackPad(t.db, { ...options, staffEmail: ADMIN.email });

describe('[A108] pad playback', () => {
  for (const ended of [true, false]) {
    it(`[A126] [A128] shows at every moment the code Yjs had then, with events, runs and final notes (${ended ? 'ended' : 'open'} pad)`, async () => {
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
      update: Buffer.from(Y.encodeStateAsUpdate(doc, sv)),
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
