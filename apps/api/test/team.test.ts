import type { AuditResponse, TeamMember } from '@assay/contracts';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '../src/db/schema.ts';
import { ADMIN, adminCookie, candidateCookie, cookieOf, inviteCandidates, type TestApp, testApp } from './testApp.ts';

let t: TestApp;
let admin: string;
let adminId: string;

beforeAll(async () => {
  t = await testApp();
  admin = await adminCookie(t.app);
  const [row] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, ADMIN.email));
  adminId = row?.id as string;
});
afterAll(() => t.close());

// Each sign-in from its own address: the per-address limit ([A31]) is not what these tests are about.
let address = 0;
const signIn = (email: string, password: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    remoteAddress: `10.0.0.${++address}`,
  });

const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

let added = 0;
/** Adds a member through the API and signs them in; answers the member and their session cookie. */
async function addSignedIn(role: 'admin' | 'interviewer', password = 'a long enough password') {
  const email = `member${++added}@example.com`;
  const response = await call('POST', '/api/admin/team', admin, { name: `Member ${added}`, email, role, password });
  expect(response.statusCode, response.body).toBe(201);
  const { member } = response.json() as { member: TeamMember };
  return { member, password, cookie: cookieOf(await signIn(email, password)) };
}

const errorOf = (response: LightMyRequestResponse) =>
  (response.json() as { error: { code: string; message: string } }).error;

async function auditActions(target: string): Promise<string[]> {
  const rows = await t.db.select().from(auditLog).where(eq(auditLog.target, target));
  return rows.map((r) => r.action);
}

describe('team', () => {
  it('[A71] an admin adds a member with a typed or a generated password, shown once; the member signs in', async () => {
    const typed = await call('POST', '/api/admin/team', admin, {
      name: 'Ines Interviewer',
      email: 'Ines@Example.com',
      role: 'interviewer',
      password: 'twelve chars!',
    });
    expect(typed.statusCode, typed.body).toBe(201);
    const { member, generatedPassword } = typed.json() as { member: TeamMember; generatedPassword?: string };
    expect(member).toMatchObject({ email: 'ines@example.com', role: 'interviewer', active: true, lastSignInAt: null });
    expect(generatedPassword).toBeUndefined();
    expect((await signIn('ines@example.com', 'twelve chars!')).statusCode).toBe(200);

    const generated = await call('POST', '/api/admin/team', admin, {
      name: 'Gen',
      email: 'gen@example.com',
      role: 'admin',
    });
    expect(generated.statusCode).toBe(201);
    const password = (generated.json() as { generatedPassword: string }).generatedPassword;
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect((await signIn('gen@example.com', password)).statusCode).toBe(200);
    // The list never shows a password again, and shows the sign-in.
    const list = await call('GET', '/api/admin/team', admin);
    expect(list.body).not.toContain(password);
    const listed = (list.json() as { members: TeamMember[] }).members.find((m) => m.email === 'gen@example.com');
    expect(listed?.lastSignInAt).not.toBeNull();
    expect(await auditActions(member.id)).toEqual(['team.add']);
  });

  it('[A71] bad input is refused with what to fix, and nothing is created', async () => {
    const before = (await t.db.select().from(users)).length;
    const cases: [object, RegExp][] = [
      [{ name: 'Short', email: 'short@example.com', role: 'interviewer', password: 'short' }, /at least 12/],
      [{ name: 'Bad', email: 'not an email', role: 'interviewer' }, /email/],
      [{ name: 'Role', email: 'role@example.com', role: 'owner' }, /role/],
      [{ name: '   ', email: 'blank@example.com', role: 'interviewer' }, /name is empty/],
      [{ name: 'x'.repeat(201), email: 'long@example.com', role: 'interviewer' }, /name/],
    ];
    for (const [payload, message] of cases) {
      const response = await call('POST', '/api/admin/team', admin, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(errorOf(response).message).toMatch(message);
    }
    expect((await t.db.select().from(users)).length).toBe(before);
  });

  it('[A71] a second member with the same email (in any case) is a 409', async () => {
    const response = await call('POST', '/api/admin/team', admin, {
      name: 'Again',
      email: ADMIN.email.toUpperCase(),
      role: 'interviewer',
    });
    expect(response.statusCode).toBe(409);
    expect(errorOf(response)).toMatchObject({ code: 'API_ERR_EMAIL_TAKEN' });
    expect(errorOf(response).message).toContain(ADMIN.email);
  });

  it('[A71] the team is for admins only, reading included', async () => {
    const interviewer = await addSignedIn('interviewer');
    for (const [method, url] of [
      ['GET', '/api/admin/team'],
      ['PUT', `/api/admin/team/${interviewer.member.id}/role`],
      ['POST', `/api/admin/team/${adminId}/deactivate`],
    ] as const) {
      const response = await call(method, url, interviewer.cookie, method === 'PUT' ? { role: 'admin' } : undefined);
      expect(response.statusCode, `${method} ${url}`).toBe(403);
    }
    const [row] = await t.db.select().from(users).where(eq(users.id, interviewer.member.id));
    expect(row?.role).toBe('interviewer');
  });

  it('[A71] an admin changes a role; the member has it on their next request', async () => {
    const member = await addSignedIn('interviewer');
    expect((await call('GET', '/api/admin/team', member.cookie)).statusCode).toBe(403);
    const changed = await call('PUT', `/api/admin/team/${member.member.id}/role`, admin, { role: 'admin' });
    expect(changed.statusCode).toBe(200);
    expect((changed.json() as { member: TeamMember }).member.role).toBe('admin');
    expect((await call('GET', '/api/admin/team', member.cookie)).statusCode).toBe(200);
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'team.role'));
    expect(entry).toMatchObject({
      userId: adminId,
      target: member.member.id,
      detail: { from: 'interviewer', to: 'admin' },
    });
    const unknown = await call('PUT', '/api/admin/team/00000000-0000-4000-8000-000000000000/role', admin, {
      role: 'admin',
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('[A71] deactivating ends every session of the member at once; they cannot sign in until reactivated', async () => {
    const member = await addSignedIn('interviewer');
    const second = cookieOf(await signIn(member.member.email, member.password));
    expect((await call('GET', '/api/admin/problems', member.cookie)).statusCode).toBe(200);

    const deactivated = await call('POST', `/api/admin/team/${member.member.id}/deactivate`, admin);
    expect(deactivated.statusCode).toBe(200);
    expect((deactivated.json() as { member: TeamMember }).member).toMatchObject({ active: false });
    for (const cookie of [member.cookie, second]) {
      expect((await call('GET', '/api/admin/problems', cookie)).statusCode).toBe(401);
      expect((await call('GET', '/api/auth/me', cookie)).statusCode).toBe(401);
    }

    // A wrong password says no more than for any account; the right one says why and what to do.
    const wrong = await signIn(member.member.email, 'not the password at all');
    expect(wrong.statusCode).toBe(401);
    expect(errorOf(wrong).code).toBe('API_ERR_BAD_CREDENTIALS');
    const right = await signIn(member.member.email, member.password);
    expect(right.statusCode).toBe(403);
    expect(errorOf(right)).toMatchObject({ code: 'API_ERR_ACCOUNT_DEACTIVATED' });
    expect(errorOf(right).message).toMatch(/deactivated.*ask an admin/);
    expect(right.cookies.find((c) => c.name === 'assay_session')).toBeUndefined();

    expect((await call('POST', `/api/admin/team/${member.member.id}/reactivate`, admin)).statusCode).toBe(200);
    expect((await signIn(member.member.email, member.password)).statusCode).toBe(200);
    expect(await auditActions(member.member.id)).toEqual(['team.add', 'team.deactivate', 'team.reactivate']);
  });

  it('[A71] an admin cannot deactivate themselves, nor leave the team without an active admin', async () => {
    const self = await call('POST', `/api/admin/team/${adminId}/deactivate`, admin);
    expect(self.statusCode).toBe(409);
    expect(errorOf(self).code).toBe('API_ERR_SELF_DEACTIVATION');

    // A fresh team of one admin: every other admin deactivated or demoted by the bootstrap admin.
    const { members } = (await call('GET', '/api/admin/team', admin)).json() as { members: TeamMember[] };
    for (const other of members.filter((m) => m.role === 'admin' && m.id !== adminId && m.active))
      expect((await call('POST', `/api/admin/team/${other.id}/deactivate`, admin)).statusCode).toBe(200);
    const demote = await call('PUT', `/api/admin/team/${adminId}/role`, admin, { role: 'interviewer' });
    expect(demote.statusCode).toBe(409);
    expect(errorOf(demote)).toMatchObject({ code: 'API_ERR_LAST_ADMIN' });
    expect(errorOf(demote).message).toMatch(/make another member an admin first/);

    // With a second admin, the first may step down; that admin may then not deactivate the last one.
    const second = await addSignedIn('admin');
    expect((await call('PUT', `/api/admin/team/${adminId}/role`, admin, { role: 'interviewer' })).statusCode).toBe(200);
    const last = await call('PUT', `/api/admin/team/${second.member.id}/role`, second.cookie, { role: 'interviewer' });
    expect(last.statusCode).toBe(409);
    expect((await call('PUT', `/api/admin/team/${adminId}/role`, second.cookie, { role: 'admin' })).statusCode).toBe(
      200,
    );
    const [row] = await t.db.select().from(users).where(eq(users.id, second.member.id));
    expect(row).toMatchObject({ role: 'admin', active: true });
  });
});

describe('password reset by an admin', () => {
  it('[A71] a new password for a member who lost theirs: sessions end, the old one stops working', async () => {
    const member = await addSignedIn('interviewer', 'forgotten password');
    const reset = await call('POST', `/api/admin/team/${member.member.id}/password`, admin, {});
    expect(reset.statusCode, reset.body).toBe(200);
    const { generatedPassword } = reset.json() as { generatedPassword: string };
    expect(generatedPassword.length).toBeGreaterThanOrEqual(12);
    expect((await call('GET', '/api/auth/me', member.cookie)).statusCode).toBe(401);
    expect((await signIn(member.member.email, 'forgotten password')).statusCode).toBe(401);
    expect((await signIn(member.member.email, generatedPassword)).statusCode).toBe(200);

    const typed = await call('POST', `/api/admin/team/${member.member.id}/password`, admin, {
      password: 'typed by the admin',
    });
    expect(typed.json()).not.toHaveProperty('generatedPassword');
    expect((await signIn(member.member.email, 'typed by the admin')).statusCode).toBe(200);
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'team.password_reset'));
    expect(entry).toMatchObject({ userId: adminId, target: member.member.id, detail: { password: 'generated' } });
    expect(JSON.stringify(entry?.detail)).not.toContain(generatedPassword);
  });

  it('[A71] a short password, an unknown member or the admin themselves are refused', async () => {
    const member = await addSignedIn('interviewer', 'kept password here');
    const short = await call('POST', `/api/admin/team/${member.member.id}/password`, admin, { password: 'short' });
    expect(short.statusCode).toBe(400);
    expect(errorOf(short).message).toMatch(/at least 12/);
    const self = await call('POST', `/api/admin/team/${adminId}/password`, admin, {});
    expect(self.statusCode).toBe(400);
    expect(errorOf(self).message).toMatch(/use Settings/);
    const unknown = await call('POST', '/api/admin/team/00000000-0000-4000-8000-000000000000/password', admin, {});
    expect(unknown.statusCode).toBe(404);
    expect((await signIn(member.member.email, 'kept password here')).statusCode).toBe(200);
    expect((await call('GET', '/api/auth/me', member.cookie)).statusCode).toBe(200);
  });
});

describe('team under concurrency', () => {
  it('[A71] two admins demoting each other at once leave one admin, never none', async () => {
    const team = (await call('GET', '/api/admin/team', admin)).json() as { members: TeamMember[] };
    for (const other of team.members.filter((m) => m.role === 'admin' && m.id !== adminId && m.active))
      await call('POST', `/api/admin/team/${other.id}/deactivate`, admin);
    const other = await addSignedIn('admin');
    const results = await Promise.all([
      call('PUT', `/api/admin/team/${other.member.id}/role`, admin, { role: 'interviewer' }),
      call('PUT', `/api/admin/team/${adminId}/role`, other.cookie, { role: 'interviewer' }),
    ]);
    // One wins; the other is refused as the last admin's demotion (409) or, demoted first, as no admin (403).
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, expect.toBeOneOf([403, 409])]);
    const admins = (await t.db.select().from(users).where(eq(users.role, 'admin'))).filter((a) => a.active);
    expect(admins).toHaveLength(1);
    // Put the test admin back for the tests after this one.
    if (admins[0]?.id !== adminId)
      expect((await call('PUT', `/api/admin/team/${adminId}/role`, other.cookie, { role: 'admin' })).statusCode).toBe(
        200,
      );
  });
});

describe('password change', () => {
  it('[A72] changes the password, ends the other sessions and keeps this one', async () => {
    const member = await addSignedIn('interviewer', 'first password here');
    const other = cookieOf(await signIn(member.member.email, 'first password here'));
    const changed = await call('POST', '/api/auth/password', member.cookie, {
      currentPassword: 'first password here',
      newPassword: 'second password here',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toEqual({ ok: true, endedSessions: 1 });
    expect((await call('GET', '/api/auth/me', member.cookie)).statusCode).toBe(200);
    expect((await call('GET', '/api/auth/me', other)).statusCode).toBe(401);
    expect((await signIn(member.member.email, 'first password here')).statusCode).toBe(401);
    expect((await signIn(member.member.email, 'second password here')).statusCode).toBe(200);
    expect(await auditActions(member.member.email)).toContain('auth.password_change');
  });

  it('[A72] a wrong current password, a short or unchanged new one are refused and change nothing', async () => {
    const member = await addSignedIn('interviewer', 'the only password');
    const cases: [object, number, RegExp][] = [
      [{ currentPassword: 'not my password', newPassword: 'a new password!' }, 400, /current password is wrong/],
      [{ currentPassword: 'the only password', newPassword: 'short' }, 400, /at least 12/],
      [{ currentPassword: 'the only password', newPassword: 'the only password' }, 400, /same as the current/],
      [{ currentPassword: '', newPassword: 'a new password!' }, 400, /current password/],
    ];
    for (const [payload, status, message] of cases) {
      const response = await call('POST', '/api/auth/password', member.cookie, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(status);
      expect(errorOf(response).message).toMatch(message);
    }
    expect((await signIn(member.member.email, 'the only password')).statusCode).toBe(200);
  });

  it('[A72] only staff reach it: anonymous requests and candidates get 401 before their body is read', async () => {
    const { tokens } = await inviteCandidates(t, ['Curious']);
    const candidate = await candidateCookie(t.app, tokens[0] as string);
    for (const headers of [{}, { cookie: candidate }]) {
      const response = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers, payload: {} });
      expect(response.statusCode).toBe(401);
    }
  });
});

describe('audit log', () => {
  const audit = async (query: string) => {
    const response = await call('GET', `/api/admin/audit${query}`, admin);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as AuditResponse;
  };

  it('[A73] filters by action (exact or prefix) and actor, newest first, with the actor resolved', async () => {
    const team = await audit('?action=team.');
    expect(team.entries.length).toBeGreaterThan(3);
    expect(team.entries.every((e) => e.action.startsWith('team.'))).toBe(true);
    const ids = team.entries.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(team.entries[0]?.actor).toMatchObject({ email: expect.any(String), name: expect.any(String) });

    const exact = await audit('?action=team.add');
    expect(exact.entries.length).toBeGreaterThan(0);
    expect(exact.entries.every((e) => e.action === 'team.add')).toBe(true);
    expect(exact.actions).toEqual(expect.arrayContaining(['team.add', 'team.deactivate', 'auth.sign_in']));
    expect(exact.actors.map((a) => a.email)).toContain(ADMIN.email);

    const mine = await audit(`?actor=${adminId}&action=team.deactivate`);
    expect(mine.entries.length).toBeGreaterThan(0);
    expect(mine.entries.every((e) => e.actor?.id === adminId)).toBe(true);
  });

  it('[A73] filters by date range and pages with a cursor that never repeats or skips', async () => {
    const all = await audit('?limit=200');
    const pages: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: AuditResponse = await audit(`?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.entries.length).toBeLessThanOrEqual(3);
      pages.push(...page.entries.map((e) => e.id));
      cursor = page.next;
    }
    expect(pages).toEqual(all.entries.map((e) => e.id));

    const future = new Date(Date.now() + 3600_000).toISOString();
    expect((await audit(`?from=${encodeURIComponent(future)}`)).entries).toEqual([]);
    const past = new Date(Date.now() - 3600_000).toISOString();
    expect((await audit(`?from=${encodeURIComponent(past)}&to=${encodeURIComponent(future)}`)).entries.length).toBe(
      Math.min(all.entries.length, 50),
    );
  });

  it('[A73] bad filters are refused with what to fix', async () => {
    for (const [query, message] of [
      ['?limit=201', /limit/],
      ['?cursor=abc', /cursor/],
      ['?actor=me', /actor/],
      ['?action=DROP%20TABLE', /action/],
      ['?from=yesterday', /from/],
      [
        `?from=${encodeURIComponent(new Date().toISOString())}&to=${encodeURIComponent(new Date(0).toISOString())}`,
        /from.*before/,
      ],
    ] as const) {
      const response = await call('GET', `/api/admin/audit${query}`, admin);
      expect(response.statusCode, query).toBe(400);
      expect(errorOf(response).message, query).toMatch(message);
    }
  });
});

describe('settings', () => {
  it('[A74] shows the installation as it runs: URL, database, queue, languages, email', async () => {
    const response = await call('GET', '/api/admin/settings', admin);
    expect(response.statusCode).toBe(200);
    const settings = response.json();
    expect(settings).toMatchObject({
      publicUrl: 'http://assay.test',
      database: { kind: t.databaseUrl ? 'postgresql' : 'pglite', version: expect.stringMatching(/^PostgreSQL \d+/) },
      queue: { kind: 'in-process' },
      email: { configured: false },
    });
    expect(settings.judge.languages).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 'javascript', label: 'JavaScript', available: true })]),
    );
  });
});
