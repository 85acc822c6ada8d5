import { PAD_ORIGIN_NAMES, type PadOriginName } from '@assay/contracts';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyOps, derivePlayback, editIndexAt, type StoredPadUpdate, textAt } from './playback.ts';

/** A small seeded generator, so that a failing session can be replayed by its seed. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] as T,
  };
}

const ALPHABET = 'abcdefghij \n{}();é';

/**
 * Several participants edit their own Y.Docs concurrently; each one's updates reach the "server" in order
 * but after random delays (the stored order interleaves them at random), and reach the others late too, so
 * edits are made on stale documents and merge. Returns the updates in the order the server stored them.
 */
function session(seed: number, participants: number, steps: number): StoredPadUpdate[] {
  const rnd = random(seed);
  const docs = Array.from({ length: participants }, () => new Y.Doc());
  const toServer: { from: number; update: Uint8Array; origin: PadOriginName }[] = [];
  const toClient: Uint8Array[][] = docs.map(() => []);
  const stored: StoredPadUpdate[] = [];
  const server = new Y.Doc();
  let clock = 1_700_000_000_000;
  let pendingOrigin: PadOriginName = 'edit';
  docs.forEach((doc, i) => {
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'remote') toServer.push({ from: i, update, origin: pendingOrigin });
    });
  });
  // A socket keeps order: the server takes a random participant's oldest unsent update.
  const deliverToServer = (who: number) => {
    const k = toServer.findIndex((u) => u.from === who);
    if (k < 0) return;
    const [sent] = toServer.splice(k, 1);
    if (!sent) return;
    clock += rnd.int(3000);
    Y.applyUpdate(server, sent.update);
    stored.push({ at: new Date(clock), participant: sent.from, origin: sent.origin, update: sent.update });
    docs.forEach((_, j) => {
      if (j !== sent.from) toClient[j]?.push(sent.update);
    });
  };
  for (let step = 0; step < steps; step++) {
    const action = rnd.next();
    const who = rnd.int(participants);
    const doc = docs[who] as Y.Doc;
    const text = doc.getText('code');
    if (action < 0.55) {
      pendingOrigin = rnd.next() < 0.1 ? 'paste' : 'edit';
      const length = pendingOrigin === 'paste' ? 5 + rnd.int(40) : 1 + rnd.int(3);
      const chars = Array.from({ length }, () => rnd.pick([...ALPHABET])).join('');
      doc.transact(() => text.insert(rnd.int(text.length + 1), chars));
    } else if (action < 0.75 && text.length > 0) {
      pendingOrigin = 'edit';
      const at = rnd.int(text.length);
      doc.transact(() => text.delete(at, 1 + rnd.int(Math.min(5, text.length - at))));
    } else if (action < 0.9) {
      deliverToServer(who);
    } else {
      const next = toClient[who]?.shift();
      if (next) Y.applyUpdate(doc, next, 'remote');
    }
  }
  while (toServer.length > 0) deliverToServer((toServer[0] as { from: number }).from);
  return stored;
}

/** The ground truth is Yjs itself: the text after each stored update, replayed into a fresh document. */
function truth(updates: StoredPadUpdate[]) {
  const doc = new Y.Doc();
  const texts: { text: string; update: StoredPadUpdate }[] = [];
  let last = '';
  for (const update of updates) {
    Y.applyUpdate(doc, update.update);
    const text = doc.getText('code').toString();
    if (text !== last) texts.push({ text, update });
    last = text;
  }
  return texts;
}

describe('[A125] playback derived from stored updates', () => {
  it('[A126] shows, at every edit index, the text Yjs has after that update, in random concurrent sessions', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const updates = session(seed, 2 + (seed % 3), 700);
      const expected = truth(updates);
      const start = +(updates[0]?.at ?? 0);
      const playback = derivePlayback(updates, { every: 1 + (seed % 4) * 7 });
      expect(expected.length, `seed ${seed}: a session worth testing`).toBeGreaterThan(150);
      expect(playback.edits.length, `seed ${seed}`).toBe(expected.length);
      expect(textAt(playback, 0)).toBe('');
      // Compared as whole arrays: one assertion per session keeps the many sessions fast.
      expect(
        expected.map((_, n) => textAt(playback, n + 1)),
        `seed ${seed}`,
      ).toEqual(expected.map((e) => e.text));
      expect(playback.edits.map((e) => [e.t, e.p, e.origin])).toEqual(
        expected.map(({ update }) => [+update.at - start, update.participant, update.origin]),
      );
      expect(playback.text).toBe(expected.at(-1)?.text ?? '');
    }
  });

  it('[A126] finds the code of any moment by time', () => {
    const updates = session(99, 3, 1200);
    const playback = derivePlayback(updates);
    const start = +(updates[0]?.at ?? 0);
    const doc = new Y.Doc();
    const at: { t: number; text: string }[] = [];
    for (const update of updates) {
      Y.applyUpdate(doc, update.update);
      at.push({ t: +update.at - start, text: doc.getText('code').toString() });
    }
    const rnd = random(7);
    const end = at.at(-1)?.t ?? 0;
    for (let i = 0; i < 300; i++) {
      const t = rnd.int(end + 2000) - 1000;
      // The last stored update at or before t, replayed by Yjs.
      const known = at.filter((a) => a.t <= t).at(-1)?.text ?? '';
      expect(textAt(playback, editIndexAt(playback, t)), `t ${t}`).toBe(known);
    }
  });

  it('[A125] makes no edit of an update that changes no text, and one checkpoint every N edits from 0', () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const text = doc.getText('code');
    for (let i = 0; i < 25; i++) text.insert(text.length, String(i % 10));
    doc.getText('other').insert(0, 'not code');
    doc.getMap('meta').set('x', 1);
    const stored = updates.map((update, i) => ({ at: i * 10, participant: 0, origin: PAD_ORIGIN_NAMES[0], update }));
    const playback = derivePlayback(stored, { every: 10 });
    expect(playback.edits).toHaveLength(25);
    expect(playback.checkpoints.map((c) => c.edit)).toEqual([0, 10, 20]);
    expect(playback.checkpoints[1]?.text).toBe('0123456789');
    expect(playback.edits[3]).toEqual({ t: 30, p: 0, origin: 'edit', ops: [3, '3'] });
  });

  it('[A126] applies compact ops: keep, delete, insert', () => {
    expect(applyOps('hello world', [6, -5, 'there'])).toBe('hello there');
    expect(applyOps('abc', ['x'])).toBe('xabc');
    expect(applyOps('abc', [-1, 1, 'y'])).toBe('byc');
    expect(textAt({ edits: [], checkpoints: [{ edit: 0, text: '' }] }, 5)).toBe('');
  });
});
