import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessments, attempts, auditLog, invitations, serverSecrets, submissions, users } from '../src/db/schema.ts';
import { hashPassword } from '../src/services/secrets.ts';
import { adminCookie, candidateCookie, cookieOf, type TestApp, testApp } from './testApp.ts';

// Issue 11 §3: the assessment builder, invitations and their email ([A87]-[A93]).

const CORRECT = 'function solve(nums) {\n  return nums.reduce((a, b) => a + b, 0);\n}\n';

let t: TestApp;
let admin: string;
let interviewer: string;

beforeAll(async () => {
  t = await testApp();
  admin = await adminCookie(t.app);
  await t.db.insert(users).values({
    email: 'iv@example.com',
    name: 'Ivy Interviewer',
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
});
afterAll(() => t.close());

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const call = (method: Method, url: string, payload?: unknown, cookie = admin) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });

const settings = (overrides: Record<string, unknown> = {}) => ({
  title: 'Backend screen',
  description: 'Two short tasks.',
  durationMinutes: 30,
  tasks: [
    { problemVersionId: t.versionId, points: 100 },
    { problemVersionId: t.versionId, points: 50 },
  ],
  ...overrides,
});

async function newAssessment(overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await call('POST', '/api/admin/assessments', settings(overrides));
  expect(created.statusCode, created.body).toBe(201);
  return created.json().id;
}

async function invite(assessmentId: string, names: string[], extra: Record<string, unknown> = {}) {
  const response = await call('POST', `/api/admin/assessments/${assessmentId}/invitations`, {
    candidates: names.map((name) => ({ name, email: `${name.toLowerCase()}@example.com` })),
    ...extra,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().invitations as { id: string; attemptId: string; link: string; expiresAt: string | null }[];
}

const tokenOf = (link: string) => link.split('/a/')[1] as string;

async function start(link: string): Promise<string> {
  const cookie = await candidateCookie(t.app, tokenOf(link));
  const started = await t.app.inject({ method: 'POST', url: '/api/attempt/start', headers: { cookie } });
  expect(started.statusCode, started.body).toBe(200);
  return cookie;
}

const auditOf = async (action: string, target: string) =>
  (await t.db.select().from(auditLog).where(eq(auditLog.action, action))).filter((a) => a.target === target);

describe('assessments', () => {
  it('[A87] the list and the detail give counts, tasks with their problems, defaults and the creator', async () => {
    const id = await newAssessment();
    const [ada] = await invite(id, ['Ada', 'Grace', 'Edsger']);
    await start(ada?.link as string);

    const list = await call('GET', '/api/admin/assessments');
    const item = list.json().assessments.find((a: { id: string }) => a.id === id);
    expect(item).toMatchObject({
      title: 'Backend screen',
      taskCount: 2,
      counts: { invited: 3, started: 1, finished: 0 },
      archived: false,
      createdBy: 'Administrator',
    });

    const detail = (await call('GET', `/api/admin/assessments/${id}`, undefined, interviewer)).json();
    expect(detail).toMatchObject({
      description: 'Two short tasks.',
      durationMinutes: 30,
      invitationExpiryDays: 14,
      proctoring: { fullscreen: true, recordEvents: true },
      locked: true,
      emailEnabled: false,
    });
    expect(detail.tasks).toEqual([
      expect.objectContaining({ position: 0, ref: 'demo/sum-it', points: 100, difficulty: expect.any(String) }),
      expect.objectContaining({ position: 1, ref: 'demo/sum-it', points: 50 }),
    ]);
    expect(detail.languages.length).toBeGreaterThan(0);
  });

  it('[A88] settings change freely until a candidate starts; then only title, description and expiry default do', async () => {
    const id = await newAssessment();
    const [first] = await invite(id, ['Barbara']);

    // Before anyone started: tasks and duration change, and the start uses the new duration.
    const edited = await call(
      'PUT',
      `/api/admin/assessments/${id}`,
      settings({ durationMinutes: 45, tasks: [{ problemVersionId: t.versionId, points: 80 }] }),
    );
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().tasks).toHaveLength(1);
    const summary = (
      await t.app.inject({ method: 'GET', url: `/api/invitations/${tokenOf(first?.link as string)}` })
    ).json();
    expect(summary).toMatchObject({ durationMinutes: 45, taskCount: 1 });
    const cookie = await start(first?.link as string);
    const view = (await t.app.inject({ method: 'GET', url: '/api/attempt', headers: { cookie } })).json();
    expect(new Date(view.attempt.deadline).getTime() - new Date(view.attempt.startedAt).getTime()).toBe(45 * 60_000);
    expect(view.tasks).toHaveLength(1);

    // Started: the fixed settings are refused, with a reason and what to do, and nothing changes.
    for (const change of [
      { durationMinutes: 60 },
      { tasks: [{ problemVersionId: t.versionId, points: 10 }] },
      { languages: ['javascript'] },
    ]) {
      const refused = await call('PUT', `/api/admin/assessments/${id}`, {
        ...settings({ durationMinutes: 45, tasks: [{ problemVersionId: t.versionId, points: 80 }] }),
        title: 'Renamed meanwhile',
        ...change,
      });
      expect(refused.statusCode, JSON.stringify(change)).toBe(409);
      expect(refused.json().error.code).toBe('API_ERR_ASSESSMENT_LOCKED');
      expect(refused.json().error.message).toMatch(/already started.*duplicate/);
    }
    const unchanged = (await call('GET', `/api/admin/assessments/${id}`)).json();
    expect(unchanged).toMatchObject({ title: 'Backend screen', durationMinutes: 45, locked: true });

    const renamed = await call('PUT', `/api/admin/assessments/${id}`, {
      ...settings({ durationMinutes: 45, tasks: [{ problemVersionId: t.versionId, points: 80 }] }),
      title: 'Backend screen (autumn)',
      description: 'Updated intro',
      invitationExpiryDays: null,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ title: 'Backend screen (autumn)', invitationExpiryDays: null });
    const [audit] = await auditOf('assessment.update', id);
    expect(audit?.detail).toMatchObject({ changed: expect.arrayContaining(['duration', 'tasks']) });
  });

  it('[A88] bad settings are refused with what to fix, and nothing is written', async () => {
    const before = await t.db.select().from(assessments);
    for (const bad of [
      settings({ title: '  ' }),
      settings({ tasks: [] }),
      settings({ durationMinutes: 0 }),
      settings({ languages: ['cobol'] }),
      settings({ tasks: [{ problemVersionId: '00000000-0000-4000-8000-000000000000', points: 10 }] }),
      settings({ title: 'x'.repeat(201) }),
    ]) {
      const response = await call('POST', '/api/admin/assessments', bad);
      expect(response.statusCode, JSON.stringify(bad)).toBe(400);
      expect(response.json().error.message.length).toBeGreaterThan(10);
    }
    expect(await t.db.select().from(assessments)).toHaveLength(before.length);
    const id = await newAssessment();
    const refused = await call('PUT', `/api/admin/assessments/${id}`, settings({ tasks: [] }));
    expect(refused.statusCode).toBe(400);
    expect((await call('GET', `/api/admin/assessments/${id}`)).json().tasks).toHaveLength(2);
    const missing = await call('PUT', '/api/admin/assessments/00000000-0000-4000-8000-000000000000', settings());
    expect(missing.statusCode).toBe(404);
  });

  it('[A88] duplicate copies settings and tasks, without invitations', async () => {
    const id = await newAssessment({ title: 'Original', durationMinutes: 25, invitationExpiryDays: 3 });
    await invite(id, ['Alan']);
    const copied = await call('POST', `/api/admin/assessments/${id}/duplicate`);
    expect(copied.statusCode).toBe(201);
    const copy = (await call('GET', `/api/admin/assessments/${copied.json().id}`)).json();
    expect(copy).toMatchObject({
      title: 'Original (copy)',
      durationMinutes: 25,
      invitationExpiryDays: 3,
      counts: { invited: 0, started: 0, finished: 0 },
      locked: false,
    });
    expect(copy.tasks.map((task: { points: number }) => task.points)).toEqual([100, 50]);
    expect(await auditOf('assessment.duplicate', copy.id)).toHaveLength(1);
  });

  it('[A88] archived assessments leave the default list and take no invitations, until unarchived', async () => {
    const id = await newAssessment({ title: 'Old round' });
    expect((await call('POST', `/api/admin/assessments/${id}/archive`)).json().archived).toBe(true);
    const ids = async (query: string) =>
      (await call('GET', `/api/admin/assessments${query}`)).json().assessments.map((a: { id: string }) => a.id);
    expect(await ids('')).not.toContain(id);
    expect(await ids('?archived=include')).toContain(id);
    expect(await ids('?archived=only')).toEqual([id]);
    const refused = await call('POST', `/api/admin/assessments/${id}/invitations`, {
      candidates: [{ name: 'Late', email: 'late@example.com' }],
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'API_ERR_ASSESSMENT_ARCHIVED', message: /unarchive/ });
    expect((await call('POST', `/api/admin/assessments/${id}/unarchive`)).json().archived).toBe(false);
    await invite(id, ['Late']);
    expect(await auditOf('assessment.archive', id)).toHaveLength(1);
    expect(await auditOf('assessment.unarchive', id)).toHaveLength(1);
  });

  it('[A88] an assessment with attempts is never deleted; one without may be', async () => {
    const kept = await newAssessment();
    await invite(kept, ['Kept']);
    const refused = await call('DELETE', `/api/admin/assessments/${kept}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'API_ERR_ASSESSMENT_HAS_ATTEMPTS', message: /archive it/ });
    expect((await call('GET', `/api/admin/assessments/${kept}`)).statusCode).toBe(200);

    const empty = await newAssessment();
    expect((await call('DELETE', `/api/admin/assessments/${empty}`)).statusCode).toBe(204);
    expect((await call('GET', `/api/admin/assessments/${empty}`)).statusCode).toBe(404);
    expect(await auditOf('assessment.delete', empty)).toHaveLength(1);
  });

  it('[A93] the preview shows what the candidate will see, creates no attempt and no hidden test', async () => {
    const id = await newAssessment();
    const attemptsBefore = (await t.db.select().from(attempts)).length;
    const preview = await call('GET', `/api/admin/assessments/${id}/preview`, undefined, interviewer);
    expect(preview.statusCode).toBe(200);
    const body = preview.json();
    expect(body).toMatchObject({ title: 'Backend screen', durationMinutes: 30 });
    expect(body.tasks[0]).toMatchObject({
      position: 0,
      points: 100,
      samples: [{ id: '1', input: 'nums = [1,2,3]', expected: '6' }],
      limits: { timeMs: expect.any(Number) },
    });
    expect(body.tasks[0].starter.javascript).toContain('function solve');
    expect(body.tasks[0].statement.length).toBeGreaterThan(0);
    expect(preview.body).not.toContain('"empty"');
    expect((await t.db.select().from(attempts)).length).toBe(attemptsBefore);
  });
});

describe('invitations', () => {
  it('[A90] a CSV is checked row by row (quotes, BOM, CRLF, duplicates, earlier invitations) and creates nothing', async () => {
    const id = await newAssessment();
    await invite(id, ['Existing']);
    const csv = [
      '\uFEFFemail,name,team',
      'ada@example.com,"Lovelace, Ada",core',
      '"grace@example.com","Grace ""Amazing"" Hopper",core',
      'not-an-email,Someone,x',
      'ADA@example.com,Ada Again,x',
      'existing@example.com,Existing,x',
      'missing@example.com,,x',
      '',
      '"edsger@example.com","Dijkstra,',
      'Edsger",x',
    ].join('\r\n');
    const invitationsBefore = (await t.db.select().from(invitations)).length;
    const checked = await call('POST', `/api/admin/assessments/${id}/invitations/csv`, { csv });
    expect(checked.statusCode, checked.body).toBe(200);
    const { rows, errors } = checked.json();
    expect(rows).toEqual([
      { row: 2, name: 'Lovelace, Ada', email: 'ada@example.com' },
      { row: 3, name: 'Grace "Amazing" Hopper', email: 'grace@example.com' },
      { row: 4, name: 'Someone', email: 'not-an-email' },
      { row: 5, name: 'Ada Again', email: 'ADA@example.com' },
      { row: 6, name: 'Existing', email: 'existing@example.com' },
      { row: 7, name: '', email: 'missing@example.com' },
      { row: 9, name: 'Dijkstra, Edsger', email: 'edsger@example.com' },
    ]);
    expect(errors).toEqual([
      { row: 4, message: '"not-an-email" is not an email address' },
      { row: 5, message: 'ADA@example.com is also on row 2' },
      { row: 6, message: 'existing@example.com is already invited to this assessment' },
      { row: 7, message: 'the name is missing' },
    ]);
    expect((await t.db.select().from(invitations)).length).toBe(invitationsBefore);

    // All or nothing: the same rows sent as a list are refused whole, naming the bad ones.
    const refused = await call('POST', `/api/admin/assessments/${id}/invitations`, {
      candidates: rows.map((r: { name: string; email: string }) => ({ name: r.name || 'x', email: r.email })),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('API_ERR_BAD_REQUEST');
    const duplicates = await call('POST', `/api/admin/assessments/${id}/invitations`, {
      candidates: [
        { name: 'Ada', email: 'ada@example.com' },
        { name: 'Ada', email: 'Ada@Example.com' },
      ],
    });
    expect(duplicates.statusCode).toBe(400);
    expect(duplicates.json().error).toMatchObject({
      code: 'API_ERR_CANDIDATES_REFUSED',
      message: expect.stringContaining('candidate 2: Ada@Example.com is also on row 1'),
    });
    expect((await t.db.select().from(invitations)).length).toBe(invitationsBefore);

    // Without the bad rows, every candidate is invited.
    const clean = rows.filter((r: { row: number }) => !errors.some((e: { row: number }) => e.row === r.row));
    const good = await call('POST', `/api/admin/assessments/${id}/invitations`, {
      candidates: clean.map((r: { name: string; email: string }) => ({ name: r.name, email: r.email })),
    });
    expect(good.statusCode, good.body).toBe(201);
    expect(good.json().invitations.map((i: { name: string }) => i.name)).toEqual([
      'Lovelace, Ada',
      'Grace "Amazing" Hopper',
      'Dijkstra, Edsger',
    ]);
  });

  it('[A90] a file without the header, or too large, is refused with what to do', async () => {
    const id = await newAssessment();
    const noHeader = (
      await call('POST', `/api/admin/assessments/${id}/invitations/csv`, { csv: 'a@b.co,Ada\n' })
    ).json();
    expect(noHeader.errors).toEqual([{ row: 1, message: expect.stringContaining('name,email') }]);
    const open = (
      await call('POST', `/api/admin/assessments/${id}/invitations/csv`, { csv: 'name,email\n"Ada,a@b.co\n' })
    ).json();
    expect(open.errors[0].message).toMatch(/never closed/);
    const big = await call('POST', `/api/admin/assessments/${id}/invitations/csv`, {
      csv: `name,email\n${'é'.repeat(1_200_000)}`,
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toMatchObject({ code: 'API_ERR_CSV_TOO_LARGE', message: /Split it/ });
  });

  it('[A90] 10,000 rows are checked, then invited in one request (timings printed)', async () => {
    const id = await newAssessment();
    const lines = ['name,email'];
    for (let i = 0; i < 10_000; i++) lines.push(`"Candidate ${i}, Jr",candidate${i}@example.com`);
    const csv = lines.join('\r\n');
    let startedAt = performance.now();
    const checked = await call('POST', `/api/admin/assessments/${id}/invitations/csv`, { csv });
    const checkMs = performance.now() - startedAt;
    expect(checked.statusCode).toBe(200);
    expect(checked.json().errors).toEqual([]);
    expect(checked.json().rows).toHaveLength(10_000);
    startedAt = performance.now();
    const created = await call('POST', `/api/admin/assessments/${id}/invitations`, {
      candidates: checked.json().rows.map((r: { name: string; email: string }) => ({ name: r.name, email: r.email })),
    });
    const createMs = performance.now() - startedAt;
    expect(created.statusCode, created.body.slice(0, 300)).toBe(201);
    expect(created.json().invitations).toHaveLength(10_000);
    console.log(`[A90] 10,000-row CSV checked in ${checkMs.toFixed(0)} ms, invited in ${createMs.toFixed(0)} ms`);
    const page = (await call('GET', `/api/admin/assessments/${id}/invitations?limit=500`)).json();
    expect(page.total).toBe(10_000);
    expect(page.invitations).toHaveLength(500);
    const tooMany = await call('POST', `/api/admin/assessments/${id}/invitations/csv`, {
      csv: `${csv}\r\nOne more,more@example.com`,
    });
    expect(tooMany.json().errors.at(-1)).toEqual({ row: 10_002, message: expect.stringContaining('at most 10000') });
  }, 60_000);

  it('[A89] links are kept sealed and shown again to admins; old invitations say they are not', async () => {
    const id = await newAssessment();
    const [created] = await invite(id, ['Katherine']);
    const listed = (await call('GET', `/api/admin/assessments/${id}/invitations`)).json();
    expect(listed.invitations[0]).toMatchObject({ name: 'Katherine', status: 'invited', link: created?.link });
    const [row] = await t.db
      .select()
      .from(invitations)
      .where(eq(invitations.id, created?.id as string));
    expect(row?.tokenSealed).toBeTruthy();
    expect(row?.tokenSealed).not.toContain(tokenOf(created?.link as string));
    // Without SECRET_KEY the key comes from a random secret stored once.
    expect(await t.db.select().from(serverSecrets)).toHaveLength(1);
    const opened = await t.app.inject({
      method: 'GET',
      url: `/api/invitations/${tokenOf(listed.invitations[0].link)}`,
    });
    expect(opened.json()).toMatchObject({ candidateName: 'Katherine' });
    // Interviewers see invitations, not the links that open them.
    const asInterviewer = (
      await call('GET', `/api/admin/assessments/${id}/invitations`, undefined, interviewer)
    ).json();
    expect(asInterviewer.invitations[0]).toMatchObject({ name: 'Katherine', link: null });
    // An invitation made before links were sealed (the first start's demo invitation) has no link to show.
    const [old] = await t.db
      .insert(invitations)
      .values({
        assessmentId: id,
        candidateName: 'Old Timer',
        candidateEmail: 'old@example.com',
        tokenHash: 'x'.repeat(64),
      })
      .returning();
    await t.db.insert(attempts).values({ invitationId: old?.id as string, assessmentId: id });
    const withOld = (await call('GET', `/api/admin/assessments/${id}/invitations?q=old`)).json();
    expect(withOld.invitations).toEqual([
      expect.objectContaining({ name: 'Old Timer', status: 'invited', link: null }),
    ]);
  });

  it('[A89] the list pages with a cursor, searches and filters by status', async () => {
    const id = await newAssessment();
    const made = await invite(id, ['Ann', 'Bob', 'Cid', 'Dee', 'Eve']);
    await call('POST', `/api/admin/invitations/${made[1]?.id}/revoke`);
    const first = (await call('GET', `/api/admin/assessments/${id}/invitations?limit=2`)).json();
    expect(first.invitations.map((i: { name: string }) => i.name)).toEqual(['Ann', 'Bob']);
    expect(first.total).toBe(5);
    const second = (await call('GET', `/api/admin/assessments/${id}/invitations?limit=2&cursor=${first.next}`)).json();
    expect(second.invitations.map((i: { name: string }) => i.name)).toEqual(['Cid', 'Dee']);
    const third = (await call('GET', `/api/admin/assessments/${id}/invitations?limit=2&cursor=${second.next}`)).json();
    expect(third.invitations.map((i: { name: string }) => i.name)).toEqual(['Eve']);
    expect(third.next).toBeNull();
    const search = (await call('GET', `/api/admin/assessments/${id}/invitations?q=EVE%40`)).json();
    expect(search.invitations.map((i: { name: string }) => i.name)).toEqual(['Eve']);
    const revoked = (await call('GET', `/api/admin/assessments/${id}/invitations?status=revoked`)).json();
    expect(revoked.invitations.map((i: { name: string }) => i.name)).toEqual(['Bob']);
    const bad = await call('GET', `/api/admin/assessments/${id}/invitations?cursor=nonsense`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('API_ERR_BAD_CURSOR');
  });

  it('[A91] a revoked link opens nothing, with a message for the candidate; a started attempt is never revoked', async () => {
    const id = await newAssessment();
    const [ann, bob] = await invite(id, ['Ann', 'Bob']);
    const annCookie = await candidateCookie(t.app, tokenOf(ann?.link as string));
    const revoked = await call('POST', `/api/admin/invitations/${ann?.id}/revoke`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().invitation.status).toBe('revoked');
    const link = await t.app.inject({ method: 'GET', url: `/api/invitations/${tokenOf(ann?.link as string)}` });
    expect(link.statusCode).toBe(410);
    expect(link.json().error).toMatchObject({ code: 'API_ERR_INVITATION_REVOKED', message: /withdrawn/ });
    const session = await t.app.inject({
      method: 'POST',
      url: `/api/invitations/${tokenOf(ann?.link as string)}/session`,
    });
    expect(session.statusCode).toBe(410);
    // The session opened before the revocation cannot start the clock.
    const startAfter = await t.app.inject({
      method: 'POST',
      url: '/api/attempt/start',
      headers: { cookie: annCookie },
    });
    expect(startAfter.statusCode).not.toBe(200);
    const [annAttempt] = await t.db
      .select()
      .from(attempts)
      .where(eq(attempts.id, ann?.attemptId as string));
    expect(annAttempt?.status).toBe('not_started');
    expect(await auditOf('invitation.revoke', ann?.id as string)).toHaveLength(1);
    // Revoked candidates may be invited again.
    await invite(id, ['Ann']);

    await start(bob?.link as string);
    const refused = await call('POST', `/api/admin/invitations/${bob?.id}/revoke`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/already started/);
  });

  it('[A90] expiry: on by default, can be moved or removed, never into the past', async () => {
    const id = await newAssessment({ invitationExpiryDays: 2 });
    const [made] = await invite(id, ['Ann']);
    expect(new Date(made?.expiresAt as string).getTime() - Date.now()).toBeGreaterThan(47 * 3600_000);
    const [never] = await invite(id, ['Nev'], { expiresInDays: null });
    expect(never?.expiresAt).toBeNull();
    const removed = await call('PUT', `/api/admin/invitations/${made?.id}/expiry`, { expiresAt: null });
    expect(removed.json().invitation.expiresAt).toBeNull();
    const past = await call('PUT', `/api/admin/invitations/${made?.id}/expiry`, { expiresAt: '2001-01-01T00:00:00Z' });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.message).toMatch(/in the past/);
    t.advance(3 * 24 * 3600_000);
    const opened = await t.app.inject({ method: 'GET', url: `/api/invitations/${tokenOf(made?.link as string)}` });
    expect(opened.statusCode).toBe(200);
    expect(opened.json().expiresAt).toBeNull();
    const soon = new Date(Date.now() + 5 * 24 * 3600_000).toISOString();
    const moved = await call('PUT', `/api/admin/invitations/${made?.id}/expiry`, { expiresAt: soon });
    expect(moved.json().invitation.expiresAt).toBe(soon);
    expect(await auditOf('invitation.expiry', made?.id as string)).toHaveLength(2);
  });

  it('[A91] extra time: added to the duration before the start, to the deadline after it, with the reason audited', async () => {
    const id = await newAssessment();
    const [ann, bob] = await invite(id, ['Ann', 'Bob']);
    const before = await call('POST', `/api/admin/invitations/${ann?.id}/extend`, {
      minutes: 15,
      reason: 'extra time accommodation',
    });
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json().invitation).toMatchObject({ status: 'invited', extraMinutes: 15 });
    const annCookie = await start(ann?.link as string);
    const annView = (await t.app.inject({ method: 'GET', url: '/api/attempt', headers: { cookie: annCookie } })).json();
    expect(new Date(annView.attempt.deadline).getTime() - new Date(annView.attempt.startedAt).getTime()).toBe(
      45 * 60_000,
    );

    const bobCookie = await start(bob?.link as string);
    const deadline = (await t.app.inject({ method: 'GET', url: '/api/attempt', headers: { cookie: bobCookie } })).json()
      .attempt.deadline;
    const during = await call('POST', `/api/admin/invitations/${bob?.id}/extend`, { minutes: 10, reason: 'power cut' });
    expect(during.json().invitation).toMatchObject({ status: 'started', extraMinutes: 10 });
    expect(new Date(during.json().invitation.deadline).getTime() - new Date(deadline).getTime()).toBe(10 * 60_000);
    const [audit] = await auditOf('invitation.extend', bob?.id as string);
    expect(audit?.detail).toMatchObject({ minutes: 10, reason: 'power cut', deadlineBefore: deadline });

    const noReason = await call('POST', `/api/admin/invitations/${bob?.id}/extend`, { minutes: 10, reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    const tooMuch = await call('POST', `/api/admin/invitations/${bob?.id}/extend`, { minutes: 100_000, reason: 'x' });
    expect(tooMuch.statusCode).toBe(400);
    await t.app.inject({ method: 'POST', url: '/api/attempt/finish', headers: { cookie: bobCookie } });
    const finished = await call('POST', `/api/admin/invitations/${bob?.id}/extend`, { minutes: 5, reason: 'late' });
    expect(finished.statusCode).toBe(409);
    expect(finished.json().error.message).toMatch(/re-open/);
  });

  it('[A91] re-open gives a finished attempt more minutes; finishing again submits what changed', async () => {
    const id = await newAssessment();
    const [ann] = await invite(id, ['Ann']);
    const cookie = await start(ann?.link as string);
    const save = (code: string) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/attempt/tasks/0/code',
        headers: { cookie },
        payload: { language: 'javascript', code },
      });
    await save('function solve(nums) { return 0; }');
    await t.app.inject({ method: 'POST', url: '/api/attempt/finish', headers: { cookie } });
    await t.queue.idle();
    const notFinished = await call('POST', `/api/admin/invitations/${ann?.id}/reopen`, { minutes: 0, reason: 'x' });
    expect(notFinished.statusCode).toBe(400);

    const reopened = await call('POST', `/api/admin/invitations/${ann?.id}/reopen`, {
      minutes: 20,
      reason: 'finished by mistake',
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json().invitation).toMatchObject({ status: 'started', finishedAt: null, extraMinutes: 20 });
    expect(new Date(reopened.json().invitation.deadline).getTime() - t.app.now().getTime()).toBeGreaterThan(
      19 * 60_000,
    );
    expect((await save(CORRECT)).statusCode).toBe(200);
    await t.app.inject({ method: 'POST', url: '/api/attempt/finish', headers: { cookie } });
    await t.queue.idle();
    const automatic = await t.db
      .select()
      .from(submissions)
      .where(eq(submissions.attemptId, ann?.attemptId as string));
    expect(automatic.filter((s) => s.automatic).map((s) => s.code)).toEqual([
      'function solve(nums) { return 0; }',
      CORRECT,
    ]);
    const [attempt] = await t.db
      .select()
      .from(attempts)
      .where(eq(attempts.id, ann?.attemptId as string));
    expect(attempt?.score).toBe(100);
    const [audit] = await auditOf('attempt.reopen', ann?.id as string);
    expect(audit?.detail).toMatchObject({ minutes: 20, reason: 'finished by mistake' });

    const [bob] = await invite(id, ['Bob']);
    const refused = await call('POST', `/api/admin/invitations/${bob?.id}/reopen`, { minutes: 5, reason: 'x' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/only a finished attempt/);
  });

  it('[A92] without SMTP_URL nothing is emailed: the answer says so and reminders are refused', async () => {
    const id = await newAssessment();
    const response = await call('POST', `/api/admin/assessments/${id}/invitations`, {
      candidates: [{ name: 'Ann', email: 'ann@example.com' }],
    });
    expect(response.json()).toMatchObject({ emailed: false, emailFailures: [] });
    const remind = await call('POST', `/api/admin/invitations/${response.json().invitations[0].id}/remind`);
    expect(remind.statusCode).toBe(409);
    expect(remind.json().error).toMatchObject({ code: 'API_ERR_EMAIL_NOT_CONFIGURED', message: /copy the link/ });
    // [A70] Reminders are for admins (an interviewer is refused before email is even considered).
    const asInterviewer = await call(
      'POST',
      `/api/admin/invitations/${response.json().invitations[0].id}/remind`,
      undefined,
      interviewer,
    );
    expect(asInterviewer.statusCode).toBe(403);
  });

  it('[A90] unknown assessments and invitations are 404; bad ids and bodies 400', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const [method, url, payload] of [
      ['GET', `/api/admin/assessments/${unknown}`],
      ['GET', `/api/admin/assessments/${unknown}/invitations`],
      ['POST', `/api/admin/assessments/${unknown}/invitations/csv`, { csv: 'name,email\n' }],
      ['POST', `/api/admin/assessments/${unknown}/invitations`, { candidates: [{ name: 'A', email: 'a@b.co' }] }],
      ['POST', `/api/admin/invitations/${unknown}/revoke`],
      ['POST', `/api/admin/invitations/${unknown}/extend`, { minutes: 5, reason: 'x' }],
      ['POST', `/api/admin/assessments/${unknown}/duplicate`],
    ] as [Method, string, unknown?][]) {
      expect((await call(method, url, payload)).statusCode, url).toBe(404);
    }
    expect((await call('GET', '/api/admin/assessments/not-a-uuid')).statusCode).toBe(400);
    const id = await newAssessment();
    const badEmail = await call('POST', `/api/admin/assessments/${id}/invitations`, {
      candidates: [{ name: 'A', email: 'nope' }],
    });
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.json().error.message).toMatch(/email address/);
    expect((await call('GET', `/api/admin/assessments/${id}`)).json().counts.invited).toBe(0);
  });
});

describe('email through SMTP', () => {
  interface Received {
    to: string[];
    body: string;
  }
  const received: Received[] = [];
  /** Quoted-printable soft breaks and escapes undone, so the link reads as sent. */
  const decoded = (raw: string) =>
    raw
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  let sink: SMTPServer;
  let mailed: TestApp;
  let broken: TestApp;

  beforeAll(async () => {
    // A local SMTP sink: it refuses recipients named refuse@…, and keeps every message it accepts.
    sink = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith('refuse')) callback(new Error('550 mailbox unavailable'));
        else callback();
      },
      onData(stream, session, callback) {
        let body = '';
        stream.on('data', (chunk: Buffer) => {
          body += chunk.toString('utf8');
        });
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), body: decoded(body) });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
    const { port } = sink.server.address() as AddressInfo;
    mailed = await testApp({ env: { SMTP_URL: `smtp://127.0.0.1:${port}`, SMTP_FROM: 'Hiring <hiring@example.com>' } });
    // Nothing listens on port 9 (discard) here: every connection is refused.
    broken = await testApp({ env: { SMTP_URL: 'smtp://127.0.0.1:9' } });
  });
  afterAll(async () => {
    await mailed.close();
    await broken.close();
    await new Promise<void>((resolve) => sink.close(() => resolve()));
  });

  async function assessmentOn(app: TestApp) {
    const cookie = await adminCookie(app.app);
    const created = await app.app.inject({
      method: 'POST',
      url: '/api/admin/assessments',
      headers: { cookie },
      payload: { title: 'Mailed screen', durationMinutes: 45, tasks: [{ problemVersionId: app.versionId }] },
    });
    return { cookie, id: created.json().id as string };
  }

  it('[A92] invitations arrive at the sink with the recipient, the link, the duration and the expiry', async () => {
    const { cookie, id } = await assessmentOn(mailed);
    const response = await mailed.app.inject({
      method: 'POST',
      url: `/api/admin/assessments/${id}/invitations`,
      headers: { cookie },
      payload: {
        candidates: [
          { name: 'Ada <b>Lovelace</b>', email: 'ada@example.com' },
          { name: 'Grace', email: 'grace@example.com' },
        ],
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ emailed: true, emailFailures: [] });
    const [ada] = response.json().invitations;
    const message = received.find((m) => m.to.includes('ada@example.com'));
    expect(message?.body).toContain(ada.link);
    expect(message?.body).toContain('Subject: Your coding assessment: Mailed screen');
    expect(message?.body).toContain('From: Hiring <hiring@example.com>');
    expect(message?.body).toContain('45 minutes');
    expect(message?.body).toMatch(/valid until/);
    expect(message?.body).toContain('Ada &lt;b&gt;Lovelace&lt;/b&gt;');
    expect(received.some((m) => m.to.includes('grace@example.com'))).toBe(true);

    const detail = (
      await mailed.app.inject({ method: 'GET', url: `/api/admin/assessments/${id}`, headers: { cookie } })
    ).json();
    expect(detail.emailEnabled).toBe(true);
    const reminded = await mailed.app.inject({
      method: 'POST',
      url: `/api/admin/invitations/${ada.id}/remind`,
      headers: { cookie },
    });
    expect(reminded.json()).toMatchObject({ sent: true, message: 'a reminder was sent to ada@example.com' });
    const reminder = received.at(-1);
    expect(reminder?.to).toEqual(['ada@example.com']);
    expect(reminder?.body).toContain('Subject: Reminder: Your coding assessment: Mailed screen');
    expect(reminder?.body).toContain(ada.link);
  });

  it('[A92] a recipient the server refuses is reported; the invitation exists and its link works', async () => {
    const { cookie, id } = await assessmentOn(mailed);
    const response = await mailed.app.inject({
      method: 'POST',
      url: `/api/admin/assessments/${id}/invitations`,
      headers: { cookie },
      payload: {
        candidates: [
          { name: 'Refused', email: 'refuse@example.com' },
          { name: 'Fine', email: 'fine@example.com' },
        ],
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().emailFailures).toEqual([{ email: 'refuse@example.com', message: expect.any(String) }]);
    const [refused] = response.json().invitations;
    const opened = await mailed.app.inject({ method: 'GET', url: `/api/invitations/${tokenOf(refused.link)}` });
    expect(opened.json()).toMatchObject({ candidateName: 'Refused' });
    const [audit] = (await mailed.db.select().from(auditLog).where(eq(auditLog.action, 'invitations.create'))).filter(
      (a) => a.target === id,
    );
    expect(audit?.detail).toMatchObject({ count: 2, emailed: 1, emailFailures: 1 });
  });

  it('[A92] an unreachable mail server loses no invitation: every address is reported failed', async () => {
    const { cookie, id } = await assessmentOn(broken);
    const response = await broken.app.inject({
      method: 'POST',
      url: `/api/admin/assessments/${id}/invitations`,
      headers: { cookie },
      payload: { candidates: [{ name: 'Ann', email: 'ann@example.com' }] },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ emailed: true, emailFailures: [{ email: 'ann@example.com' }] });
    const listed = (
      await broken.app.inject({ method: 'GET', url: `/api/admin/assessments/${id}/invitations`, headers: { cookie } })
    ).json();
    expect(listed.invitations).toEqual([
      expect.objectContaining({ name: 'Ann', status: 'invited', link: expect.any(String) }),
    ]);
  });
});
