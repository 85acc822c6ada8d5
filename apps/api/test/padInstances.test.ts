import { randomBytes } from 'node:crypto';
import { decodeFrame } from '@assay/collab';
import { PAD_DOC, PAD_FRAME } from '@assay/contracts';
import { asc, eq } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { padUpdates } from '../src/db/schema.ts';
import { type ApiInstance, startApiInstance } from './apiInstance.ts';
import {
  addCandidate,
  type Client,
  createPad,
  openClient,
  ownerOf,
  type as typeToken,
  until,
} from './padSocketFixture.ts';
import { adminCookie, type TestApp, testApp } from './testApp.ts';

// [A110] Two API instances on loopback sharing PostgreSQL and Redis, one pad client on each. Needs
// DATABASE_URL and REDIS_URL (as in CI); skipped without them, since one process has nothing to share.
const redisUrl = process.env.REDIS_URL as string;
const enabled = Boolean(process.env.REDIS_URL && process.env.DATABASE_URL);

describe.runIf(enabled)('a pad across two API instances', () => {
  const prefix = `assay-test-${randomBytes(4).toString('hex')}`;
  const redis = new Redis(redisUrl);
  let t: TestApp;
  const instances: ApiInstance[] = [];
  const clients: Client[] = [];

  const startInstance = () => startApiInstance({ db: t.db, redisUrl, prefix, pads: { unloadAfterMs: 500 } });

  beforeAll(async () => {
    t = await testApp();
    instances.push(await startInstance(), await startInstance());
  }, 60_000);

  afterAll(async () => {
    for (const client of clients) client.connection.destroy();
    for (const instance of instances) {
      await instance.close();
    }
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await t?.close();
  });

  const a = () => instances[0] as ApiInstance;
  const b = () => instances[1] as ApiInstance;
  const synced = (client: Client) => until('the client to sync', () => client.connection.status === 'synced');

  it('[A110] edits made on either instance converge, cursors are seen across, and each update is stored exactly once', async () => {
    const padId = await createPad(t.db);
    const { cookie, participantId } = await addCandidate(t.db, padId, 'Cross Carla');
    const staffCookie = await adminCookie(t.app);
    // Something typed before either client comes: the second instance must load it from the store.
    const onA = openClient(a().base, padId, cookie);
    clients.push(onA);
    await synced(onA);
    typeToken(onA, 'early');
    await until('the early edit stored', () => onA.connection.pendingCount === 0);
    const onB = openClient(b().base, padId, staffCookie);
    clients.push(onB);
    await synced(onB);
    expect(onB.text()).toBe('early ');

    const tokens = ['early'];
    for (let i = 0; i < 30; i++) {
      tokens.push(`a${i}`, `b${i}`);
      typeToken(onA, `a${i}`);
      typeToken(onB, `b${i}`);
      if (i % 5 === 0) await new Promise((r) => setTimeout(r, 10));
    }
    const notes = onB.connection.notes.getText('notes');
    notes.insert(0, 'across');
    await until(
      'both to converge, every edit acknowledged',
      () => onA.text() === onB.text() && onA.connection.pendingCount + onB.connection.pendingCount === 0,
    );
    expect(onA.text().trim().split(' ').sort()).toEqual([...tokens].sort());

    // Cursors: each sees the other's, named by the instance that authenticated it.
    onA.connection.awareness.setLocalStateField('cursor', { anchor: 2, head: 3 });
    onB.connection.awareness.setLocalStateField('cursor', { anchor: 0, head: 1 });
    const aId = onA.connection.code.clientID;
    const bId = onB.connection.code.clientID;
    await until(
      'A’s cursor on B',
      () => (onB.connection.awareness.getStates().get(aId) as { cursor?: unknown })?.cursor,
    );
    const ownerOnB = await until('A’s owner on B', () => ownerOf(onB, aId));
    expect(ownerOnB).toMatchObject({ id: participantId, name: 'Cross Carla', role: 'candidate' });
    await until(
      'B’s cursor on A',
      () => (onA.connection.awareness.getStates().get(bId) as { cursor?: unknown })?.cursor,
    );
    const ownerOnA = await until('B’s owner on A', () => ownerOf(onA, bId));
    expect(ownerOnA.role).toBe('interviewer');
    // [A104] The notes crossed to no candidate: A's socket never received a frame of them.
    expect(onA.notes()).toBe('');
    await until('the notes on B stored', () => onB.connection.pendingCount === 0);
    for (const bytes of onA.frames) {
      const frame = decodeFrame(bytes);
      if (frame.type === PAD_FRAME.SYNC || frame.type === PAD_FRAME.ACK) expect(frame.doc).toBe(PAD_DOC.CODE);
      expect(Buffer.from(bytes).toString('latin1')).not.toContain('across');
    }

    // Stored once each: 61 code edits (no relayed copy), one notes edit; the rows rebuild the text.
    const rows = await t.db.select().from(padUpdates).where(eq(padUpdates.padId, padId)).orderBy(asc(padUpdates.id));
    expect(rows.filter((r) => r.doc === PAD_DOC.CODE)).toHaveLength(61);
    expect(rows.filter((r) => r.doc === PAD_DOC.NOTES)).toHaveLength(1);
    const rebuilt = new Y.Doc();
    for (const row of rows.filter((r) => r.doc === PAD_DOC.CODE)) Y.applyUpdate(rebuilt, new Uint8Array(row.update));
    expect(rebuilt.getText('code').toString()).toBe(onA.text());
    // The instances subscribe to the pad's Redis channel while it is loaded there, and let go after.
    const channels = () => redis.pubsub('CHANNELS', `${prefix}:pad:*`) as Promise<string[]>;
    expect(await channels()).toEqual([`${prefix}:pad:${padId}`]);
    onA.connection.destroy();
    onB.connection.destroy();
    await until('the channel to go', async () => (await channels()).length === 0);
  });
});

it.skipIf(enabled)(
  '[A110] two API instances need DATABASE_URL and REDIS_URL: skipped in the single-process mode',
  () => {},
);
