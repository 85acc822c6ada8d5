import { PAD_LIMITS, type PadServerEvent } from '@assay/contracts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, padEvents, padParticipants, pads } from '../src/db/schema.ts';
import { redactTokens } from '../src/plugins/security.ts';
import { type PadBusEvent, topics } from '../src/queue/EventBus.ts';
import { createPad, interviewerCookie, joinPad, tokenOf } from './padFixture.ts';
import { adminCookie, type TestApp, testApp } from './testApp.ts';

let t: TestApp;
let admin = '';
let interviewer = '';

beforeAll(async () => {
  t = await testApp();
  admin = await adminCookie(t.app);
  interviewer = await interviewerCookie(t);
});
afterAll(() => t?.close());

/** Every pad event published on the pad's topic while `work` runs. */
async function heardDuring(padId: string, work: () => Promise<unknown>): Promise<PadServerEvent[]> {
  const heard: PadServerEvent[] = [];
  const off = t.app.events.subscribe(topics.pad(padId), (e: PadBusEvent) => heard.push(e.event));
  try {
    await work();
  } finally {
    off();
  }
  return heard;
}

describe('creating and listing pads', () => {
  it('[A105] staff create a blank pad: its candidate link, no problem, audited', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/pads',
      headers: { cookie: interviewer },
      payload: { title: '  Blank pairing ', language: 'typescript' },
    });
    expect(response.statusCode).toBe(201);
    const pad = response.json();
    expect(pad).toMatchObject({
      title: 'Blank pairing',
      language: 'typescript',
      status: 'open',
      problem: null,
      participants: [],
    });
    expect(pad.candidateLink).toMatch(/^http:\/\/assay\.test\/pad\/join\/[A-Za-z0-9_-]{40,}$/);
    const [row] = await t.db.select().from(pads).where(eq(pads.id, pad.id));
    // Only the token's hash and its sealed form are stored.
    expect(row?.candidateTokenHash).not.toContain(tokenOf(pad.candidateLink));
    expect(row?.candidateTokenSealed).not.toContain(tokenOf(pad.candidateLink));
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'pad.create'), eq(auditLog.target, pad.id)));
    expect(audit).toHaveLength(1);
  });

  it('[A105] a pad from a library problem names it; an unknown version is a 404 that says what to do', async () => {
    const pad = await createPad(t, admin, { problemVersionId: t.versionId });
    expect((pad as unknown as { problem: unknown }).problem).toMatchObject({
      versionId: t.versionId,
      ref: 'demo/sum-it',
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/pads',
      headers: { cookie: admin },
      payload: { title: 'x', language: 'javascript', problemVersionId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toMatch(
      /not in the library: pick a problem .* or leave it out for a blank pad/,
    );
    const untitled = await t.app.inject({
      method: 'POST',
      url: '/api/pads',
      headers: { cookie: admin },
      payload: { title: '   ', language: 'javascript' },
    });
    expect(untitled.statusCode).toBe(400);
    expect(untitled.json().error.message).toMatch(/give the pad a title/);
    const long = await t.app.inject({
      method: 'POST',
      url: '/api/pads',
      headers: { cookie: admin },
      payload: { title: 'x'.repeat(PAD_LIMITS.titleChars + 1), language: 'javascript' },
    });
    expect(long.statusCode).toBe(400);
  });

  it('[A105] the list is newest first, with problem, participants and the link shown again', async () => {
    const older = await createPad(t, admin, { title: 'Older' });
    t.advance(1000);
    const newer = await createPad(t, admin, { title: 'Newer', problemVersionId: t.versionId });
    const { participant } = await joinPad(t, newer.candidateLink, 'Ada');
    const list = (await t.app.inject({ method: 'GET', url: '/api/pads', headers: { cookie: interviewer } })).json()
      .pads;
    const ids = list.map((p: { id: string }) => p.id);
    expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
    const shown = list.find((p: { id: string }) => p.id === newer.id);
    expect(shown.candidateLink).toBe(newer.candidateLink);
    expect(shown.problem.title).toBeTruthy();
    expect(shown.participants).toEqual([
      expect.objectContaining({ id: participant.id, name: 'Ada', role: 'candidate' }),
    ]);
  });
});

describe('joining by the candidate link', () => {
  it('[A113] the link shows the title; joining sets an httpOnly participant cookie on the pad’s path', async () => {
    const pad = await createPad(t, admin, { title: 'Join me', problemVersionId: t.versionId });
    const token = tokenOf(pad.candidateLink);
    const invitation = await t.app.inject({ method: 'GET', url: `/api/pads/join/${token}` });
    expect(invitation.json()).toMatchObject({ padId: pad.id, title: 'Join me', status: 'open', me: null });
    const joined = await t.app.inject({ method: 'POST', url: `/api/pads/join/${token}`, payload: { name: ' Grace ' } });
    expect(joined.statusCode).toBe(201);
    expect(joined.json().participant).toMatchObject({ name: 'Grace', role: 'candidate' });
    const cookie = joined.cookies.find((c) => c.name === 'assay_pad' && c.path === `/api/pads/${pad.id}`);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    const [row] = await t.db.select().from(padParticipants).where(eq(padParticipants.id, joined.json().participant.id));
    expect(row?.tokenHash).not.toBe(cookie?.value);

    // The same browser opening the link again is the same participant.
    const linkCookie = joined.cookies.find((c) => c.name === 'assay_pad' && c.path === `/api/pads/join/${token}`);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/pads/join/${token}`,
      headers: { cookie: `assay_pad=${linkCookie?.value}` },
      payload: { name: 'Grace' },
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().participant.id).toBe(joined.json().participant.id);
    const seen = await t.app.inject({
      method: 'GET',
      url: `/api/pads/join/${token}`,
      headers: { cookie: `assay_pad=${linkCookie?.value}` },
    });
    expect(seen.json().me.id).toBe(joined.json().participant.id);
  });

  it('[A113] the link’s token never reaches the log ([A39])', () => {
    expect(redactTokens('/api/pads/join/s3cr3tT0ken?x=1')).toBe('/api/pads/join/[token]?x=1');
    expect(redactTokens('/pad/join/s3cr3tT0ken')).toBe('/pad/join/[token]');
    expect(redactTokens('/api/pads/0b5c/runs')).toBe('/api/pads/0b5c/runs');
  });

  it('[A113] a bad link is a 404, an empty name a 400; colours differ within the pad', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: `/api/pads/join/${'x'.repeat(43)}`,
      payload: { name: 'Eve' },
    });
    expect(bad.statusCode).toBe(404);
    expect(bad.json().error.message).toMatch(/does not open any pad/);
    const pad = await createPad(t, admin);
    const noName = await t.app.inject({
      method: 'POST',
      url: `/api/pads/join/${tokenOf(pad.candidateLink)}`,
      payload: { name: ' ' },
    });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.message).toMatch(/type your name/);
    const a = await joinPad(t, pad.candidateLink, 'A');
    const b = await joinPad(t, pad.candidateLink, 'B');
    const view = (await t.app.inject({ method: 'GET', url: `/api/pads/${pad.id}`, headers: { cookie: admin } })).json();
    expect(a.participant.id).not.toBe(b.participant.id);
    const list = (await t.app.inject({ method: 'GET', url: '/api/pads', headers: { cookie: admin } })).json().pads;
    const participants = list.find((p: { id: string }) => p.id === pad.id).participants as { colour: string }[];
    expect(new Set(participants.map((p) => p.colour)).size).toBe(participants.length);
    expect(participants.length).toBe(3); // two candidates and the admin who opened the view
    expect(view.me.role).toBe('interviewer');
  });

  it('[A113] a pad holds at most PAD_LIMITS.candidatesPerPad candidates; an ended pad takes nobody', async () => {
    const pad = await createPad(t, admin);
    await t.db.insert(padParticipants).values(
      Array.from({ length: PAD_LIMITS.candidatesPerPad }, (_, i) => ({
        padId: pad.id,
        role: 'candidate' as const,
        name: `C${i}`,
        colour: '#000000',
        tokenHash: `full-${pad.id}-${i}`,
      })),
    );
    const full = await t.app.inject({
      method: 'POST',
      url: `/api/pads/join/${tokenOf(pad.candidateLink)}`,
      payload: { name: 'Late' },
    });
    expect(full.statusCode).toBe(409);
    expect(full.json().error.message).toMatch(new RegExp(`already has ${PAD_LIMITS.candidatesPerPad} candidates`));

    const ended = await createPad(t, admin);
    await t.app.inject({ method: 'POST', url: `/api/pads/${ended.id}/end`, headers: { cookie: admin } });
    const late = await t.app.inject({
      method: 'POST',
      url: `/api/pads/join/${tokenOf(ended.candidateLink)}`,
      payload: { name: 'Late' },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toMatch(/this interview has ended/);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/pads/join/${tokenOf(ended.candidateLink)}` })).json().status,
    ).toBe('ended');
  });
});

describe('the pad view, language and end', () => {
  it('[A106] a candidate sees the task with samples only, no link; staff get the link and their own participant', async () => {
    const pad = await createPad(t, admin, { problemVersionId: t.versionId });
    const { cookie, participant } = await joinPad(t, pad.candidateLink);
    const view = (await t.app.inject({ method: 'GET', url: `/api/pads/${pad.id}`, headers: { cookie } })).json();
    expect(view.me).toMatchObject({ id: participant.id, role: 'candidate' });
    expect(view.pad.candidateLink).toBeNull();
    expect(view.canEdit).toBe(true);
    expect(view.task.signature).toBe('solve(nums: int[]): int');
    expect(Object.keys(view.task.starters)).toEqual(expect.arrayContaining(['javascript', 'typescript']));
    const { problemVersionById } = await import('../src/services/cachedLookups.ts');
    const spec = (await problemVersionById(t.db, t.versionId)).spec;
    expect(view.task.samples).toHaveLength(spec.tests.filter((x) => x.kind === 'sample').length);
    // [A12] no hidden test's data in what a candidate reads
    for (const hidden of spec.tests.filter((x) => x.kind === 'hidden'))
      expect(JSON.stringify(view)).not.toContain(`"${hidden.id}"`);

    const staffView = (
      await t.app.inject({ method: 'GET', url: `/api/pads/${pad.id}`, headers: { cookie: interviewer } })
    ).json();
    expect(staffView.pad.candidateLink).toBe(pad.candidateLink);
    expect(staffView.me).toMatchObject({ name: 'Ivy Interviewer', role: 'interviewer' });
    const again = (
      await t.app.inject({ method: 'GET', url: `/api/pads/${pad.id}`, headers: { cookie: interviewer } })
    ).json();
    expect(again.me.id).toBe(staffView.me.id);
    const blank = await createPad(t, admin);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/pads/${blank.id}`, headers: { cookie: admin } })).json().task,
    ).toBeNull();
  });

  it('[A107] anyone in the pad switches its language for everyone: stored, an event row, announced', async () => {
    const pad = await createPad(t, admin);
    const { cookie, participant } = await joinPad(t, pad.candidateLink, 'Lin');
    const heard = await heardDuring(pad.id, async () => {
      const response = await t.app.inject({
        method: 'PUT',
        url: `/api/pads/${pad.id}/language`,
        headers: { cookie },
        payload: { language: 'typescript' },
      });
      expect(response.statusCode).toBe(204);
    });
    expect(heard).toEqual([{ type: 'language', language: 'typescript', by: 'Lin' }]);
    const [row] = await t.db.select().from(pads).where(eq(pads.id, pad.id));
    expect(row?.language).toBe('typescript');
    const events = await t.db
      .select()
      .from(padEvents)
      .where(and(eq(padEvents.padId, pad.id), eq(padEvents.kind, 'language')));
    expect(events).toEqual([
      expect.objectContaining({ participantId: participant.id, data: { language: 'typescript' } }),
    ]);
    const bad = await t.app.inject({
      method: 'PUT',
      url: `/api/pads/${pad.id}/language`,
      headers: { cookie },
      payload: { language: 'cobol' },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('[A107] staff end the pad once: read-only for the candidate, an end row, audited, announced', async () => {
    const pad = await createPad(t, admin);
    const { cookie } = await joinPad(t, pad.candidateLink);
    const heard = await heardDuring(pad.id, async () => {
      const ended = await t.app.inject({
        method: 'POST',
        url: `/api/pads/${pad.id}/end`,
        headers: { cookie: interviewer },
      });
      expect(ended.statusCode).toBe(200);
      expect(ended.json()).toMatchObject({ id: pad.id, status: 'ended' });
    });
    expect(heard).toEqual([expect.objectContaining({ type: 'ended', by: 'Ivy Interviewer' })]);
    const twice = await t.app.inject({ method: 'POST', url: `/api/pads/${pad.id}/end`, headers: { cookie: admin } });
    expect(twice.statusCode).toBe(409);
    const view = (await t.app.inject({ method: 'GET', url: `/api/pads/${pad.id}`, headers: { cookie } })).json();
    expect(view).toMatchObject({ canEdit: false, pad: { status: 'ended' } });
    expect(view.pad.endedAt).toBeTruthy();
    const language = await t.app.inject({
      method: 'PUT',
      url: `/api/pads/${pad.id}/language`,
      headers: { cookie },
      payload: { language: 'typescript' },
    });
    expect(language.statusCode).toBe(409);
    const kinds = (await t.db.select().from(padEvents).where(eq(padEvents.padId, pad.id))).map((e) => e.kind);
    expect(kinds).toContain('end');
    expect(
      await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'pad.end'), eq(auditLog.target, pad.id))),
    ).toHaveLength(1);
  });

  it('[A114] a candidate joined elsewhere, or with a stale cookie, is refused with a message', async () => {
    const mine = await createPad(t, admin);
    const other = await createPad(t, admin);
    const { cookie } = await joinPad(t, other.candidateLink);
    const elsewhere = await t.app.inject({ method: 'GET', url: `/api/pads/${mine.id}`, headers: { cookie } });
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().error.message).toMatch(/another pad/);
    const stale = await t.app.inject({
      method: 'GET',
      url: `/api/pads/${mine.id}`,
      headers: { cookie: 'assay_pad=nonsense' },
    });
    expect(stale.statusCode).toBe(401);
    expect(stale.json().error.message).toMatch(/interview link/);
  });
});
