import { decodeFrame, encodeAwareness, encodeEvent, encodeSyncStep1, encodeUpdate } from '@assay/collab';
import { CLOSE_CODES, PAD_DOC, PAD_FRAME, PAD_LIMITS, PAD_ORIGIN } from '@assay/contracts';
import { and, asc, eq } from 'drizzle-orm';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { padEvents, padSnapshots, pads, padUpdates, users } from '../src/db/schema.ts';
import { type PadStore, type PadUpdateRow, PgPadStore } from '../src/pads/padStore.ts';
import { publishPadEvent } from '../src/queue/EventBus.ts';
import { hashPassword } from '../src/services/secrets.ts';
import {
  addCandidate,
  type Client,
  createPad,
  openClient,
  ownerOf,
  rawSocket,
  type as typeToken,
  until,
} from './padSocketFixture.ts';
import { adminCookie, cookieOf, type TestApp, testApp } from './testApp.ts';

// [A101]–[A104], [A111] The pad socket against a real app on loopback, with PadConnection clients.

/** The real store, which a test can hold (nothing commits) or make fail. */
class GatedStore implements PadStore {
  inner: PadStore | undefined;
  failures = 0;
  private held: Promise<void> | undefined;
  private release: (() => void) | undefined;

  hold(): void {
    this.held = new Promise((resolve) => {
      this.release = resolve;
    });
  }

  open(): void {
    this.release?.();
    this.held = undefined;
  }

  load(padId: string, doc: 0 | 1, ydoc: Y.Doc) {
    return (this.inner as PadStore).load(padId, doc, ydoc);
  }

  async append(rows: readonly PadUpdateRow[]) {
    if (this.held) await this.held;
    if (this.failures > 0) {
      this.failures--;
      throw new Error('the database is down (test)');
    }
    return (this.inner as PadStore).append(rows);
  }

  compact(padId: string, doc: 0 | 1, olderThan: Date) {
    return (this.inner as PadStore).compact(padId, doc, olderThan);
  }
}

const store = new GatedStore();
let t: TestApp;
let base: string;
let admin: string;
let interviewer: string;
const clients: Client[] = [];

beforeAll(async () => {
  t = await testApp({ pads: { store, unloadAfterMs: 300, awarenessFlushMs: 30 } });
  store.inner = new PgPadStore(t.db);
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  admin = await adminCookie(t.app);
  await t.db.insert(users).values({
    email: 'iv@example.com',
    name: 'Ida Interviewer',
    role: 'interviewer',
    passwordHash: await hashPassword('interviewer password'),
  });
  interviewer = cookieOf(
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'iv@example.com', password: 'interviewer password' },
    }),
  );
}, 60_000);

afterAll(async () => {
  for (const client of clients) client.connection.destroy();
  await t.close();
});

function open(padId: string, cookie: string): Client {
  const client = openClient(base, padId, cookie);
  clients.push(client);
  return client;
}

const synced = (client: Client) => until('the client to sync', () => client.connection.status === 'synced');

function storedRows(padId: string) {
  return t.db.select().from(padUpdates).where(eq(padUpdates.padId, padId)).orderBy(asc(padUpdates.id));
}

/** A Yjs update inserting `text` into a fresh document's code (or notes). */
function insertion(text: string, name = 'code'): Uint8Array {
  const doc = new Y.Doc();
  doc.getText(name).insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

describe('who may open the pad socket', () => {
  it('[A102] anonymous 4401, another pad’s candidate 4403, an unknown pad 4404; candidate, interviewer and admin are welcomed', async () => {
    const padId = await createPad(t.db);
    const otherPad = await createPad(t.db);
    const candidate = await addCandidate(t.db, padId, 'Cleo Candidate');
    const stranger = await addCandidate(t.db, otherPad, 'Sam Stranger');

    const anonymous = rawSocket(base, padId);
    expect(await anonymous.closed).toEqual({
      code: CLOSE_CODES.NOT_SIGNED_IN,
      reason: 'sign in, or open the pad’s link again to join it',
    });
    const forged = rawSocket(base, padId, 'assay_pad=not-a-token-anyone-was-given');
    expect((await forged.closed).code).toBe(CLOSE_CODES.NOT_SIGNED_IN);
    const other = rawSocket(base, padId, stranger.cookie);
    expect(await other.closed).toEqual({
      code: CLOSE_CODES.FORBIDDEN,
      reason: 'you joined another pad: open this pad’s own link',
    });
    for (const missing of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const unknown = rawSocket(base, missing, admin);
      expect(await unknown.closed).toEqual({
        code: CLOSE_CODES.PAD_NOT_FOUND,
        reason: 'there is no such pad: check the link',
      });
    }

    const asCandidate = rawSocket(base, padId, candidate.cookie);
    expect(await asCandidate.welcome).toMatchObject({
      me: { id: candidate.participantId, name: 'Cleo Candidate', role: 'candidate' },
      canEdit: true,
      notes: false,
      status: 'open',
      language: 'javascript',
    });
    const asInterviewer = rawSocket(base, padId, interviewer);
    const asAdmin = rawSocket(base, padId, admin);
    const [iv, ad] = await Promise.all([asInterviewer.welcome, asAdmin.welcome]);
    expect(iv).toMatchObject({ me: { name: 'Ida Interviewer', role: 'interviewer' }, canEdit: true, notes: true });
    expect(ad).toMatchObject({ me: { role: 'interviewer' }, canEdit: true, notes: true });
    // Staff get a participant row on first join, with distinct colours, and keep it on the next.
    expect(new Set([iv?.me.colour, ad?.me.colour, '#3cb44b']).size).toBe(3);
    const again = rawSocket(base, padId, interviewer);
    expect((await again.welcome)?.me.id).toBe(iv?.me.id);
    for (const s of [asCandidate, asInterviewer, asAdmin, again]) s.socket.close();
  });
});

describe('editing together', () => {
  it('[A102] [A103] a candidate and an interviewer typing at once converge; every acknowledged edit is stored with its participant and origin', async () => {
    const padId = await createPad(t.db);
    const { cookie, participantId } = await addCandidate(t.db, padId, 'Ada');
    const a = open(padId, cookie);
    const b = open(padId, interviewer);
    await Promise.all([synced(a), synced(b)]);
    const tokens: string[] = [];
    for (let i = 0; i < 40; i++) {
      const ta = `a${i}`;
      const tb = `b${i}`;
      tokens.push(ta, tb);
      typeToken(a, ta);
      typeToken(b, tb);
      if (i % 8 === 0) await new Promise((r) => setTimeout(r, 5));
    }
    await until(
      'both to converge',
      () => a.text() === b.text() && a.connection.pendingCount + b.connection.pendingCount === 0,
    );
    const words = a.text().trim().split(' ').sort();
    expect(words).toEqual([...tokens].sort());
    const rows = await storedRows(padId);
    expect(rows.every((r) => r.doc === PAD_DOC.CODE && r.origin === 'edit')).toBe(true);
    expect(rows.filter((r) => r.participantId === participantId)).toHaveLength(40);
    expect(rows).toHaveLength(80);
    // The stored rows alone rebuild the text both see.
    const rebuilt = new Y.Doc();
    for (const row of rows) Y.applyUpdate(rebuilt, new Uint8Array(row.update));
    expect(rebuilt.getText('code').toString()).toBe(a.text());
  });

  it('[A103] the ACK comes only once the row is committed; a failing database is retried and nothing is acknowledged before', async () => {
    const padId = await createPad(t.db);
    const a = open(padId, admin);
    await synced(a);
    const acks: number[] = [];
    a.connection.on('ack', ({ seq }) => acks.push(seq));
    store.hold();
    typeToken(a, 'held');
    await new Promise((r) => setTimeout(r, 300));
    expect(acks).toEqual([]);
    expect(a.connection.pendingCount).toBe(1);
    expect(await storedRows(padId)).toHaveLength(0);
    store.failures = 2;
    store.open();
    await until('the ACK', () => acks.length === 1);
    const rows = await storedRows(padId);
    expect(rows).toHaveLength(1);
    expect(Y.mergeUpdates([new Uint8Array((rows[0] as { update: Buffer }).update)]).length).toBeGreaterThan(2);
    expect(a.connection.pendingCount).toBe(0);
  });

  it('[A103] a pad unloaded after its last socket is compacted into a snapshot and loads back the same text', async () => {
    const padId = await createPad(t.db);
    const a = open(padId, admin);
    await synced(a);
    for (let i = 0; i < 12; i++) typeToken(a, `w${i}`);
    a.connection.notes.getText('notes').insert(0, 'private');
    await until('every ACK', () => a.connection.pendingCount === 0);
    const text = a.text();
    // Only rows older than the compaction's margin are folded in: move the server's clock past it.
    t.advance(11_000);
    a.connection.destroy();
    const [snapshot] = await until('the snapshot', async () => {
      const rows = await t.db
        .select()
        .from(padSnapshots)
        .where(and(eq(padSnapshots.padId, padId), eq(padSnapshots.doc, PAD_DOC.CODE)));
      return rows.length > 0 ? rows : undefined;
    });
    const rows = await storedRows(padId);
    expect(snapshot?.uptoId).toBe(Math.max(...rows.filter((r) => r.doc === PAD_DOC.CODE).map((r) => r.id)));
    // The update log stays for playback.
    expect(rows).toHaveLength(13);
    await until('the pad to unload', async () => (await t.app.pads.get(padId)) === undefined);
    const b = open(padId, interviewer);
    await synced(b);
    expect(b.text()).toBe(text);
    expect(b.notes()).toBe('private');
  });
});

describe('the notes are the interviewers’ own', () => {
  it('[A104] a candidate’s socket never receives a NOTES frame, nor the notes’ text, while staff write them', async () => {
    const padId = await createPad(t.db);
    const { cookie } = await addCandidate(t.db, padId, 'Cleo');
    const candidate = open(padId, cookie);
    const staff = open(padId, interviewer);
    const otherStaff = open(padId, admin);
    await Promise.all([synced(candidate), synced(staff), synced(otherStaff)]);
    const secret = 'NOTE-strong-hire-but-slow';
    for (const chunk of secret.match(/.{1,5}/g) ?? []) {
      const notes = staff.connection.notes.getText('notes');
      notes.insert(notes.length, chunk);
    }
    typeToken(staff, 'visible');
    await until('the other interviewer to see the notes', () => otherStaff.notes() === secret);
    await until('the candidate to see the code', () => candidate.text().includes('visible'));
    expect(candidate.connection.welcome?.notes).toBe(false);
    expect(candidate.notes()).toBe('');
    const ascii = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
    let docFrames = 0;
    for (const bytes of candidate.frames) {
      const frame = decodeFrame(bytes);
      if (frame.type === PAD_FRAME.SYNC || frame.type === PAD_FRAME.UPDATE || frame.type === PAD_FRAME.ACK) {
        docFrames++;
        expect(frame.doc).toBe(PAD_DOC.CODE);
      }
      for (const piece of secret.match(/.{1,5}/g) ?? []) expect(ascii(bytes)).not.toContain(piece);
    }
    expect(docFrames).toBeGreaterThan(0);
  });

  it('[A104] a candidate’s UPDATE for the notes closes the socket with 4403 and stores nothing', async () => {
    const padId = await createPad(t.db);
    const { cookie } = await addCandidate(t.db, padId, 'Mallory');
    const raw = rawSocket(base, padId, cookie);
    await raw.welcome;
    raw.socket.send(encodeUpdate(PAD_DOC.NOTES, 1, PAD_ORIGIN.EDIT, insertion('I am great', 'notes')));
    expect(await raw.closed).toEqual({
      code: CLOSE_CODES.FORBIDDEN,
      reason: 'candidates cannot edit the interviewer’s notes',
    });
    const sneaky = rawSocket(base, padId, cookie);
    await sneaky.welcome;
    const doc = new Y.Doc();
    sneaky.socket.send(encodeSyncStep1(PAD_DOC.NOTES, doc));
    expect((await sneaky.closed).code).toBe(CLOSE_CODES.FORBIDDEN);
    expect(await storedRows(padId)).toHaveLength(0);
    expect((await t.app.pads.get(padId))?.docs[PAD_DOC.NOTES].getText('notes').toString() ?? '').toBe('');
  });

  it('[A102] once the interview has ended a candidate’s edit is refused and the pad is read-only for them; staff still write', async () => {
    const padId = await createPad(t.db);
    const { cookie } = await addCandidate(t.db, padId, 'Late Larry');
    const candidate = open(padId, cookie);
    const staff = open(padId, interviewer);
    await Promise.all([synced(candidate), synced(staff)]);
    // What the end route does: the row, then the event on the pad's topic.
    await t.db.update(pads).set({ status: 'ended', endedAt: new Date() }).where(eq(pads.id, padId));
    await publishPadEvent(t.app.events, padId, {
      type: 'ended',
      endedAt: new Date().toISOString(),
      by: 'Ida Interviewer',
    });
    await until('the ended event', () => candidate.events.some((e) => e.type === 'ended'));
    const before = (await storedRows(padId)).length;
    typeToken(candidate, 'too-late');
    await until('the refusal', () => candidate.closes.length > 0);
    expect(candidate.closes[0]).toEqual({
      code: CLOSE_CODES.FORBIDDEN,
      reason: 'the interview has ended; the pad is read-only',
    });
    typeToken(staff, 'debrief');
    await until(
      'the staff edit to be stored',
      () => staff.connection.pendingCount === 0 && staff.text().includes('debrief'),
    );
    expect((await storedRows(padId)).length).toBe(before + 1);
    expect(staff.text()).not.toContain('too-late');
    const rejoin = rawSocket(base, padId, cookie);
    expect(await rejoin.welcome).toMatchObject({ canEdit: false, status: 'ended' });
    rejoin.socket.close();
  });
});

describe('bounds', () => {
  it('[A112] an edit that would take the code over the limit closes 4413 and the document is unchanged', async () => {
    const padId = await createPad(t.db);
    const staff = open(padId, interviewer);
    await synced(staff);
    typeToken(staff, 'kept');
    await until('the first edit stored', () => staff.connection.pendingCount === 0);
    const raw = rawSocket(base, padId, admin);
    await raw.welcome;
    raw.socket.send(encodeUpdate(PAD_DOC.CODE, 1, PAD_ORIGIN.PASTE, insertion('x'.repeat(PAD_LIMITS.textChars))));
    expect(await raw.closed).toEqual({
      code: CLOSE_CODES.PAD_TOO_LARGE,
      reason: `the code would pass ${PAD_LIMITS.textChars} characters; the edit was not stored. Reload the pad`,
    });
    const live = await t.app.pads.get(padId);
    expect(live?.docs[PAD_DOC.CODE].getText('code').toString()).toBe('kept ');
    expect(await storedRows(padId)).toHaveLength(1);
    expect(staff.text()).toBe('kept ');
  });

  it('[A112] a malformed frame, a text frame or an unknown event closes 4400', async () => {
    const padId = await createPad(t.db);
    const cases: (string | Uint8Array)[] = [
      new Uint8Array([9, 1, 2]),
      new Uint8Array([PAD_FRAME.UPDATE, 0, 1, 0, 5, 1, 2, 3, 4, 5]),
      'hello',
      encodeEvent({ type: 'paste', chars: -1, fromOutside: true }),
    ];
    for (const bytes of cases) {
      const raw = rawSocket(base, padId, admin);
      await raw.welcome;
      raw.socket.send(bytes);
      const closed = await raw.closed;
      expect(closed.code).toBe(CLOSE_CODES.PAD_BAD_FRAME);
      expect(closed.reason).toMatch(/^bad frame: /);
    }
  });

  it('[A112] five sockets per participant, 64 per pad; a sixth / sixty-fifth is closed 4429', async () => {
    const padId = await createPad(t.db);
    const { cookie } = await addCandidate(t.db, padId, 'Tabby');
    const open5 = [];
    for (let i = 0; i < PAD_LIMITS.socketsPerParticipant; i++) {
      const raw = rawSocket(base, padId, cookie);
      await raw.welcome;
      open5.push(raw);
    }
    const sixth = rawSocket(base, padId, cookie);
    expect(await sixth.closed).toEqual({
      code: CLOSE_CODES.TOO_MANY_SOCKETS,
      reason: 'at most 5 connections per person: close another tab',
    });
    const many = [...open5];
    for (let p = 0; many.length < PAD_LIMITS.socketsPerPad; p++) {
      const other = await addCandidate(t.db, padId, `Guest ${p}`);
      for (let i = 0; i < PAD_LIMITS.socketsPerParticipant && many.length < PAD_LIMITS.socketsPerPad; i++) {
        const raw = rawSocket(base, padId, other.cookie);
        await raw.welcome;
        many.push(raw);
      }
    }
    const extra = rawSocket(base, padId, interviewer);
    expect(await extra.closed).toEqual({
      code: CLOSE_CODES.TOO_MANY_SOCKETS,
      reason: 'at most 64 connections to one pad',
    });
    (many[0] as (typeof many)[number]).socket.close();
    await (many[0] as (typeof many)[number]).closed;
    const again = rawSocket(base, padId, interviewer);
    expect((await again.welcome)?.me.role).toBe('interviewer');
    for (const raw of [...many.slice(1), again]) raw.socket.close();
  });

  it('[A112] a frame over 512 KiB closes 1009', async () => {
    const padId = await createPad(t.db);
    const raw = rawSocket(base, padId, admin);
    await raw.welcome;
    raw.socket.send(new Uint8Array(PAD_LIMITS.frameBytes + 1));
    expect((await raw.closed).code).toBe(CLOSE_CODES.MESSAGE_TOO_BIG);
  });

  it('[A112] more frames than the token bucket allows closes 4430', async () => {
    const padId = await createPad(t.db);
    const raw = rawSocket(base, padId, admin);
    await raw.welcome;
    const step1 = encodeSyncStep1(PAD_DOC.CODE, new Y.Doc());
    for (let i = 0; i < PAD_LIMITS.framesBurst + 50; i++) raw.socket.send(step1);
    expect(await raw.closed).toEqual({
      code: CLOSE_CODES.TOO_MANY_FRAMES,
      reason: `more than ${PAD_LIMITS.framesPerSecond} frames a second; reconnect to go on`,
    });
  });
});

describe('cursors and events', () => {
  it('[A111] a cursor is named by the participant the server knows, and no client can set another’s cursor', async () => {
    const padId = await createPad(t.db);
    const { cookie, participantId } = await addCandidate(t.db, padId, 'Honest Hal');
    const hal = open(padId, cookie);
    const watcher = open(padId, interviewer);
    await Promise.all([synced(hal), synced(watcher)]);
    const halId = hal.connection.code.clientID;
    hal.connection.awareness.setLocalState({
      user: { id: 'someone-else', name: 'The Admin', colour: '#000000', role: 'interviewer' },
      cursor: { anchor: 1, head: 1 },
      presence: 'active',
    });
    const seen = await until('Hal’s cursor at the watcher', () => {
      const state = watcher.connection.awareness.getStates().get(halId) as { cursor?: unknown } | undefined;
      return state?.cursor ? state : undefined;
    });
    // The forged `user` never reaches anyone; the participants event says whose client id it is.
    expect(seen).toEqual({ cursor: { anchor: 1, head: 1 }, presence: 'active' });
    const owner = await until('Hal named as the owner', () => ownerOf(watcher, halId));
    expect(owner).toMatchObject({ id: participantId, name: 'Honest Hal', colour: '#3cb44b', role: 'candidate' });
    // A bare socket claims Hal's client id: the watcher keeps seeing Hal's own state.
    const mallory = await addCandidate(t.db, padId, 'Mallory');
    const raw = rawSocket(base, padId, mallory.cookie);
    await raw.welcome;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, halId);
    encoding.writeVarUint(encoder, 1_000_000);
    encoding.writeVarString(encoder, JSON.stringify({ cursor: { anchor: 0, head: 0 }, hijacked: true }));
    raw.socket.send(encodeAwareness(encoding.toUint8Array(encoder)));
    await new Promise((r) => setTimeout(r, 200));
    const after = watcher.connection.awareness.getStates().get(halId) as { hijacked?: boolean; cursor: unknown };
    expect(after.hijacked).toBeUndefined();
    expect(after.cursor).toEqual({ anchor: 1, head: 1 });
    expect(ownerOf(watcher, halId)?.name).toBe('Honest Hal');
    // The participants event names Hal as active with his client id.
    const participants = await until('Hal in the participants', () => {
      const last = [...watcher.events].reverse().find((e) => e.type === 'participants');
      const entry = last?.type === 'participants' ? last.participants.find((p) => p.id === participantId) : undefined;
      return entry?.presence === 'active' ? entry : undefined;
    });
    expect(participants.clientIds).toEqual([halId]);
    raw.socket.close();
    // Hal leaves: his cursor goes from the watcher's view.
    hal.connection.destroy();
    await until('Hal’s cursor to go', () => !watcher.connection.awareness.getStates().has(halId));
  });

  it('[A111] cursor moves are coalesced: fewer awareness frames than moves, the last position wins', async () => {
    const padId = await createPad(t.db);
    const mover = open(padId, admin);
    const watcher = open(padId, interviewer);
    await Promise.all([synced(mover), synced(watcher)]);
    await new Promise((r) => setTimeout(r, 100));
    const before = watcher.frames.filter((f) => decodeFrame(f).type === PAD_FRAME.AWARENESS).length;
    const raw = rawSocket(base, padId, admin);
    await raw.welcome;
    for (let i = 1; i <= 30; i++) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint(encoder, 4242);
      encoding.writeVarUint(encoder, i);
      encoding.writeVarString(encoder, JSON.stringify({ cursor: { anchor: i, head: i } }));
      raw.socket.send(encodeAwareness(encoding.toUint8Array(encoder)));
    }
    await until('the last position', () => {
      const state = watcher.connection.awareness.getStates().get(4242) as { cursor?: { head: number } } | undefined;
      return state?.cursor?.head === 30;
    });
    await new Promise((r) => setTimeout(r, 100));
    const frames = watcher.frames.filter((f) => decodeFrame(f).type === PAD_FRAME.AWARENESS).length - before;
    expect(frames).toBeLessThan(10);
    raw.socket.close();
  });

  it('[A111] at 10 sockets a cursor move costs each other socket one small AWARENESS frame and no participants event', async () => {
    const padId = await createPad(t.db);
    // Five tabs each of two staff members (PAD_LIMITS.socketsPerParticipant), as bare sockets whose every frame is counted.
    const sockets = Array.from({ length: 10 }, (_, i) => rawSocket(base, padId, i % 2 === 0 ? admin : interviewer));
    await Promise.all(sockets.map((s) => s.welcome));
    const cursor = (clientId: number, clock: number, head: number | null) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint(encoder, clientId);
      encoding.writeVarUint(encoder, clock);
      encoding.writeVarString(encoder, JSON.stringify({ cursor: head === null ? null : { anchor: head, head } }));
      return encodeAwareness(encoding.toUint8Array(encoder));
    };
    for (const [i, s] of sockets.entries()) s.socket.send(cursor(7000 + i, 1, null));
    // Joining is a change of membership: every socket learns every cursor's owner.
    await until('every cursor named at every socket', () =>
      sockets.every((s) => {
        const events = s.frames.map(decodeFrame).filter((f) => f.type === PAD_FRAME.EVENT);
        const last = events.at(-1)?.json as { type?: string; participants?: { clientIds: number[] }[] } | undefined;
        return last?.type === 'participants' && last.participants?.flatMap((p) => p.clientIds).length === 10;
      }),
    );
    await new Promise((r) => setTimeout(r, 150));
    const before = sockets.map((s) => s.frames.length);
    const moved = cursor(7000, 2, 42);
    sockets[0]?.socket.send(moved);
    await until('the move at every other socket', () =>
      sockets.slice(1).every((s, i) => s.frames.length > (before[i + 1] ?? 0)),
    );
    await new Promise((r) => setTimeout(r, 150));
    const received = sockets.map((s, i) => s.frames.slice(before[i]));
    expect(received[0]).toEqual([]);
    for (const frames of received.slice(1)) {
      expect(frames.map((f) => decodeFrame(f).type)).toEqual([PAD_FRAME.AWARENESS]);
      // The state as sent, plus a few bytes of header: no name, colour or participant id rides along.
      expect((frames[0] as Uint8Array).length).toBeLessThanOrEqual(moved.length + 4);
    }
    for (const s of sockets) s.socket.close();
  });

  it('[A102] joins, leaves, pastes and tab switches are stored for playback; server events reach every socket', async () => {
    const padId = await createPad(t.db);
    const { cookie, participantId } = await addCandidate(t.db, padId, 'Paula');
    const paula = open(padId, cookie);
    const staff = open(padId, interviewer);
    await Promise.all([synced(paula), synced(staff)]);
    paula.connection.sendEvent({ type: 'paste', chars: 420, fromOutside: true });
    paula.connection.sendEvent({ type: 'tab', visible: false });
    paula.connection.sendEvent({ type: 'tab', visible: true });
    paula.connection.sendEvent({ type: 'presence', presence: 'idle' });
    await publishPadEvent(t.app.events, padId, { type: 'language', language: 'typescript', by: 'Ida Interviewer' });
    await until('the language event at both', () =>
      [paula, staff].every((c) => c.events.some((e) => e.type === 'language' && e.language === 'typescript')),
    );
    paula.connection.destroy();
    const kinds = await until('the events to be stored', async () => {
      const rows = await t.db
        .select()
        .from(padEvents)
        .where(and(eq(padEvents.padId, padId), eq(padEvents.participantId, participantId)))
        .orderBy(asc(padEvents.id));
      return rows.length >= 5 ? rows : undefined;
    });
    expect(kinds.map((r) => [r.kind, r.data])).toEqual([
      ['join', {}],
      ['paste', { chars: 420, fromOutside: true }],
      ['tab_hidden', {}],
      ['tab_visible', {}],
      ['leave', {}],
    ]);
    // A socket joining later is welcomed in the pad's new language.
    const late = rawSocket(base, padId, admin);
    expect((await late.welcome)?.language).toBe('typescript');
    late.socket.close();
  });
});
