import { editIndexAt, textAt } from '@assay/collab';
import type { PadPlayback } from '@assay/contracts';
import { programStarter } from '@assay/judge';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pads, padUpdates } from '../src/db/schema.ts';
import { problemVersionById } from '../src/services/cachedLookups.ts';
import { createPad, interviewerCookie, joinPad } from './padFixture.ts';
import { type Client, openClient, until } from './padSocketFixture.ts';
import { adminCookie, type TestApp, testApp } from './testApp.ts';

// [A123] A new pad's starter is seeded by the server when the pad is created, not by whichever page
// opens it first: a candidate who opens first sees it, and clients opening at once see it once.

let t: TestApp;
let base: string;
let admin: string;
let interviewer: string;
const clients: Client[] = [];

beforeAll(async () => {
  t = await testApp();
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  admin = await adminCookie(t.app);
  interviewer = await interviewerCookie(t);
}, 60_000);

afterAll(async () => {
  for (const client of clients) client.connection.destroy();
  await t?.close();
});

function open(padId: string, cookie: string): Client {
  const client = openClient(base, padId, cookie);
  clients.push(client);
  return client;
}

const synced = (client: Client) => until('the client to sync', () => client.connection.status === 'synced');

/** How many times `part` occurs in `text`. */
const count = (text: string, part: string) => text.split(part).length - 1;

function codeRows(padId: string) {
  return t.db
    .select()
    .from(padUpdates)
    .where(and(eq(padUpdates.padId, padId), eq(padUpdates.doc, 0)))
    .orderBy(asc(padUpdates.id));
}

describe('[A123] the starter of a new pad', () => {
  it("[A123] a problem pad opened by a candidate first shows that problem's starter for the pad's language, once", async () => {
    const starters = (await problemVersionById(t.db, t.versionId)).starter;
    expect(starters.typescript).toBeTruthy();
    expect(starters.typescript).not.toBe(starters.javascript);
    const pad = await createPad(t, admin, { language: 'typescript', problemVersionId: t.versionId });
    const { cookie } = await joinPad(t, pad.candidateLink, 'Cleo First');

    const candidate = open(pad.id, cookie);
    await synced(candidate);
    expect(candidate.text()).toBe(starters.typescript);

    // Staff arriving later find the same single copy; nothing seeds it again.
    const staff = open(pad.id, interviewer);
    await synced(staff);
    await new Promise((r) => setTimeout(r, 300));
    expect(staff.text()).toBe(starters.typescript);
    expect(candidate.text()).toBe(starters.typescript);
    const rows = await codeRows(pad.id);
    const [row] = await t.db.select().from(pads).where(eq(pads.id, pad.id));
    expect(rows.map((r) => [r.origin, r.participantId, r.at.getTime()])).toEqual([
      ['starter', null, row?.createdAt.getTime()],
    ]);
  });

  it('[A123] two clients connecting at once to a new blank pad see the program starter once, and edit on top of it', async () => {
    const pad = await createPad(t, admin, { language: 'javascript' });
    const a = open(pad.id, admin);
    const b = open(pad.id, interviewer);
    await Promise.all([synced(a), synced(b)]);
    const starter = programStarter('javascript');
    expect(a.text()).toBe(starter);
    expect(b.text()).toBe(starter);

    a.connection.code.getText('code').insert(starter.length, '// from a\n');
    await until('b to see a’s edit', () => b.text().includes('// from a'));
    expect(count(b.text(), 'function main()')).toBe(1);
    expect(b.text()).toBe(`${starter}// from a\n`);
    expect((await codeRows(pad.id)).filter((r) => r.origin === 'starter')).toHaveLength(1);
  });

  it('[A123] [A108] the playback of a new pad starts with the starter, an edit of origin starter at t = 0', async () => {
    const pad = await createPad(t, admin, { language: 'typescript' });
    const client = open(pad.id, admin);
    await synced(client);
    client.connection.code.getText('code').insert(0, '// hello\n');
    await until('the edit to be stored', async () => (await codeRows(pad.id)).length === 2);

    const response = await t.app.inject({
      method: 'GET',
      url: `/api/pads/${pad.id}/playback`,
      headers: { cookie: admin },
    });
    expect(response.statusCode, response.body).toBe(200);
    const playback = response.json() as PadPlayback;
    const [first] = playback.edits;
    expect(first).toMatchObject({ t: 0, p: -1, origin: 'starter' });
    const [row] = await t.db.select().from(pads).where(eq(pads.id, pad.id));
    expect(Date.parse(playback.startedAt)).toBe(row?.createdAt.getTime());
    expect(textAt(playback, 0)).toBe('');
    expect(textAt(playback, 1)).toBe(programStarter('typescript'));
    // Scrubbed to the very start, playback shows the starter, as everyone saw the new pad.
    expect(textAt(playback, editIndexAt(playback, 0))).toBe(programStarter('typescript'));
    expect(textAt(playback, playback.edits.length)).toBe(`// hello\n${programStarter('typescript')}`);
  });
});
