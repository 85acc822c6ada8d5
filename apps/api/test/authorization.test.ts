import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../src/db/schema.ts';
import { hashPassword } from '../src/services/secrets.ts';
import { validContent } from './draftFixture.ts';
import { validPackDir, zipOf } from './packFixture.ts';
import { adminCookie, candidateCookie, cookieOf, inviteCandidates, type TestApp, testApp } from './testApp.ts';

// [A9] Every route × anonymous / other candidate / candidate / interviewer / admin.
type Who = 'anonymous' | 'otherCandidate' | 'candidate' | 'interviewer' | 'admin';

let t: TestApp;
const cookies: Partial<Record<Who, string>> = {};
let assessmentId = '';
let attemptId = '';
let submissionId = '';
let token = '';
const drafts = { id: '', updatedAt: '', doomed: '' };

beforeAll(async () => {
  t = await testApp();
  const invited = await inviteCandidates(t, ['Owner', 'Other']);
  assessmentId = invited.assessmentId;
  attemptId = invited.attemptIds[0] as string;
  token = invited.tokens[0] as string;
  cookies.admin = await adminCookie(t.app);
  cookies.candidate = await candidateCookie(t.app, token);
  cookies.otherCandidate = await candidateCookie(t.app, invited.tokens[1] as string);
  for (const cookie of [cookies.candidate, cookies.otherCandidate])
    await t.app.inject({ method: 'POST', url: '/api/attempt/start', headers: { cookie } });
  const submitted = await t.app.inject({
    method: 'POST',
    url: '/api/attempt/tasks/0/submissions',
    headers: { cookie: cookies.candidate },
    payload: { language: 'javascript', code: 'function solve(n) { return 0; }', idempotencyKey: 'auth-matrix-1' },
  });
  submissionId = submitted.json().id;
  await t.queue.idle();
  await t.db.insert(users).values({
    email: 'iv@example.com',
    name: 'Interviewer',
    role: 'interviewer',
    passwordHash: await hashPassword('interviewer password'),
  });
  cookies.interviewer = cookieOf(
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'iv@example.com', password: 'interviewer password' },
    }),
  );
});
// issue 11: authoring — a draft that validates, and one to delete.
beforeAll(async () => {
  const headers = { cookie: cookies.admin };
  for (const key of ['id', 'doomed'] as const) {
    const created = await t.app.inject({ method: 'POST', url: '/api/admin/problem-drafts', headers, payload: {} });
    drafts[key] = created.json().id;
  }
  const draft = (await t.app.inject({ method: 'GET', url: `/api/admin/problem-drafts/${drafts.id}`, headers })).json();
  const saved = await t.app.inject({
    method: 'PUT',
    url: `/api/admin/problem-drafts/${drafts.id}`,
    headers,
    payload: { packId: 'custom', problemId: 'matrix-sum', content: validContent(), updatedAt: draft.updatedAt },
  });
  drafts.updatedAt = saved.json().updatedAt;
});
afterAll(() => t.close());

// issue 11: assessments: invitations nobody started (A, B), one finished (C), an assessment nobody was invited to.
const fresh = { a: '', b: '', c: '', emptyAssessmentId: '' };
beforeAll(async () => {
  const invited = await inviteCandidates(t, ['Fresh A', 'Fresh B', 'Fresh C']);
  const ids = (
    await t.app.inject({
      method: 'GET',
      url: `/api/admin/assessments/${invited.assessmentId}/invitations`,
      headers: { cookie: invited.admin },
    })
  )
    .json()
    .invitations.sort((x: { name: string }, y: { name: string }) => x.name.localeCompare(y.name))
    .map((i: { id: string }) => i.id);
  [fresh.a, fresh.b, fresh.c] = ids;
  const cookie = await candidateCookie(t.app, invited.tokens[2] as string);
  await t.app.inject({ method: 'POST', url: '/api/attempt/start', headers: { cookie } });
  await t.app.inject({ method: 'POST', url: '/api/attempt/finish', headers: { cookie } });
  const empty = await t.app.inject({
    method: 'POST',
    url: '/api/admin/assessments',
    headers: { cookie: invited.admin },
    payload: { title: 'Empty', tasks: [{ problemVersionId: t.versionId }] },
  });
  fresh.emptyAssessmentId = empty.json().id;
});

interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: () => string;
  payload?: () => unknown;
  /** Headers beside the cookie, such as a body's Content-Type when it is not JSON. */
  headers?: Record<string, string>;
  /** Who gets a 2xx; everyone else must get 401, 403 or 404 and no data. */
  allowed: Who[];
}

const code = { language: 'javascript', code: 'function solve(n) { return 1; }' };
const routes: Route[] = [
  {
    method: 'GET',
    url: () => '/api/health',
    allowed: ['anonymous', 'otherCandidate', 'candidate', 'interviewer', 'admin'],
  },
  {
    method: 'GET',
    url: () => `/api/invitations/${token}`,
    allowed: ['anonymous', 'otherCandidate', 'candidate', 'interviewer', 'admin'],
  },
  { method: 'POST', url: () => '/api/attempt/start', allowed: ['candidate', 'otherCandidate'] },
  {
    method: 'POST',
    url: () => '/api/attempt/tasks/1/runs',
    payload: () => code,
    allowed: ['candidate', 'otherCandidate'],
  },
  {
    method: 'POST',
    url: () => '/api/attempt/tasks/1/submissions',
    payload: () => ({ ...code, idempotencyKey: 'matrix-submit-1' }),
    allowed: ['candidate', 'otherCandidate'],
  },
  { method: 'GET', url: () => '/api/attempt', allowed: ['candidate', 'otherCandidate'] },
  { method: 'GET', url: () => `/api/attempt/submissions/${submissionId}`, allowed: ['candidate'] },
  { method: 'GET', url: () => '/api/attempt/tasks/0/submissions', allowed: ['candidate', 'otherCandidate'] },
  {
    method: 'PUT',
    url: () => '/api/attempt/tasks/0/code',
    payload: () => code,
    allowed: ['candidate', 'otherCandidate'],
  },
  {
    method: 'POST',
    url: () => '/api/attempt/events',
    payload: () => ({ events: [{ type: 'copy', at: new Date().toISOString() }] }),
    allowed: ['candidate', 'otherCandidate'],
  },
  { method: 'GET', url: () => '/api/auth/me', allowed: ['interviewer', 'admin'] },
  { method: 'GET', url: () => '/api/admin/problems', allowed: ['interviewer', 'admin'] },
  { method: 'GET', url: () => '/api/admin/assessments', allowed: ['interviewer', 'admin'] },
  { method: 'GET', url: () => `/api/admin/assessments/${assessmentId}/attempts`, allowed: ['interviewer', 'admin'] },
  { method: 'GET', url: () => `/api/admin/assessments/${assessmentId}/results.csv`, allowed: ['interviewer', 'admin'] },
  { method: 'GET', url: () => `/api/admin/attempts/${attemptId}`, allowed: ['interviewer', 'admin'] },
  {
    method: 'POST',
    url: () => `/api/admin/assessments/${assessmentId}/invitations`,
    payload: () => ({ candidates: [{ name: 'X', email: 'x@example.com' }] }),
    allowed: ['admin'],
  },
  {
    method: 'POST',
    url: () => '/api/admin/assessments',
    payload: () => ({ title: 'T', tasks: [{ problemVersionId: t.versionId }] }),
    allowed: ['admin'],
  },
  // issue 11: team
  { method: 'GET', url: () => '/api/admin/team', allowed: ['admin'] },
  {
    method: 'POST',
    url: () => '/api/admin/team',
    payload: () => ({ name: 'Matrix', email: 'matrix-added@example.com', role: 'interviewer' }),
    allowed: ['admin'],
  },
  {
    method: 'PUT',
    url: () => `/api/admin/team/${TEAM_MEMBER}/role`,
    payload: () => ({ role: 'admin' }),
    allowed: ['admin'],
  },
  { method: 'POST', url: () => `/api/admin/team/${TEAM_MEMBER}/deactivate`, allowed: ['admin'] },
  { method: 'POST', url: () => `/api/admin/team/${TEAM_MEMBER}/reactivate`, allowed: ['admin'] },
  {
    method: 'POST',
    url: () => `/api/admin/team/${TEAM_MEMBER}/password`,
    payload: () => ({}),
    allowed: ['admin'],
  },
  // POST /api/auth/password changes the caller's password, so it is checked in team.test.ts instead ([A72]).
  { method: 'GET', url: () => '/api/admin/audit?action=team.', allowed: ['admin'] },
  { method: 'GET', url: () => '/api/admin/settings', allowed: ['interviewer', 'admin'] },
  // issue 11: assessments
  { method: 'GET', url: () => `/api/admin/assessments/${assessmentId}`, allowed: ['interviewer', 'admin'] },
  { method: 'GET', url: () => `/api/admin/assessments/${assessmentId}/preview`, allowed: ['interviewer', 'admin'] },
  { method: 'GET', url: () => `/api/admin/assessments/${assessmentId}/invitations`, allowed: ['interviewer', 'admin'] },
  {
    method: 'PUT',
    url: () => `/api/admin/assessments/${assessmentId}`,
    payload: () => ({
      title: 'Sums, renamed',
      durationMinutes: 30,
      tasks: [
        { problemVersionId: t.versionId, points: 100 },
        { problemVersionId: t.versionId, points: 50 },
      ],
    }),
    allowed: ['admin'],
  },
  { method: 'POST', url: () => `/api/admin/assessments/${assessmentId}/duplicate`, allowed: ['admin'] },
  { method: 'POST', url: () => `/api/admin/assessments/${assessmentId}/archive`, allowed: ['admin'] },
  { method: 'POST', url: () => `/api/admin/assessments/${assessmentId}/unarchive`, allowed: ['admin'] },
  { method: 'DELETE', url: () => `/api/admin/assessments/${fresh.emptyAssessmentId}`, allowed: ['admin'] },
  {
    method: 'POST',
    url: () => `/api/admin/assessments/${assessmentId}/invitations/csv`,
    payload: () => ({ csv: 'name,email\nMatrix,matrix@example.com\n' }),
    allowed: ['admin'],
  },
  {
    method: 'PUT',
    url: () => `/api/admin/invitations/${fresh.a}/expiry`,
    payload: () => ({ expiresAt: null }),
    allowed: ['admin'],
  },
  {
    method: 'POST',
    url: () => `/api/admin/invitations/${fresh.a}/extend`,
    payload: () => ({ minutes: 5, reason: 'matrix' }),
    allowed: ['admin'],
  },
  { method: 'POST', url: () => `/api/admin/invitations/${fresh.b}/revoke`, allowed: ['admin'] },
  {
    method: 'POST',
    url: () => `/api/admin/invitations/${fresh.c}/reopen`,
    payload: () => ({ minutes: 5, reason: 'matrix' }),
    allowed: ['admin'],
  },
  // issue 11: results
  { method: 'GET', url: () => '/api/admin/results', allowed: ['interviewer', 'admin'] },
  { method: 'GET', url: () => `/api/admin/assessments/${assessmentId}/results`, allowed: ['interviewer', 'admin'] },
  {
    method: 'GET',
    url: () => `/api/admin/attempts/${attemptId}/code?submissions=${submissionId}`,
    allowed: ['interviewer', 'admin'],
  },
  {
    method: 'PUT',
    url: () => `/api/admin/attempts/${attemptId}/review`,
    payload: () => ({ decision: 'advance', notes: 'Clear code.' }),
    allowed: ['interviewer', 'admin'],
  },
  // issue 11: library
  { method: 'GET', url: () => `/api/admin/problems/${t?.versionId ?? ':id'}`, allowed: ['interviewer', 'admin'] },
  { method: 'GET', url: () => '/api/admin/packs/classics/export.zip', allowed: ['interviewer', 'admin'] },
  {
    method: 'POST',
    url: () => '/api/admin/packs/import',
    headers: { 'content-type': 'application/zip' },
    payload: () => zipOf(validPackDir('matrix')),
    allowed: ['admin'],
  },

  // issue 11: authoring
  { method: 'GET', url: () => '/api/admin/problem-drafts', allowed: ['interviewer', 'admin'] },
  { method: 'GET', url: () => `/api/admin/problem-drafts/${drafts.id}`, allowed: ['interviewer', 'admin'] },
  { method: 'POST', url: () => '/api/admin/problem-drafts', payload: () => ({}), allowed: ['admin'] },
  {
    method: 'PUT',
    url: () => `/api/admin/problem-drafts/${drafts.id}`,
    payload: () => ({
      packId: 'custom',
      problemId: 'matrix-sum',
      content: validContent(),
      updatedAt: drafts.updatedAt,
    }),
    allowed: ['admin'],
  },
  { method: 'POST', url: () => `/api/admin/problem-drafts/${drafts.id}/check`, allowed: ['admin'] },
  { method: 'POST', url: () => `/api/admin/problem-drafts/${drafts.id}/validate`, allowed: ['admin'] },
  { method: 'POST', url: () => `/api/admin/problem-drafts/${drafts.id}/publish`, allowed: ['admin'] },
  { method: 'POST', url: () => `/api/admin/problem-drafts/${drafts.id}/compute-expected`, allowed: ['admin'] },
  {
    method: 'POST',
    url: () => `/api/admin/problem-drafts/${drafts.id}/generate`,
    payload: () => ({ source: 'function generate() { return [{ args: [[1]] }]; }' }),
    allowed: ['admin'],
  },
  { method: 'DELETE', url: () => `/api/admin/problem-drafts/${drafts.doomed}`, allowed: ['admin'] },
  // Last, since it ends the candidates' attempts.
  { method: 'POST', url: () => '/api/attempt/finish', allowed: ['candidate', 'otherCandidate'] },
];
// issue 11: team. A member the team routes change, so the matrix's own interviewer keeps their role.
const TEAM_MEMBER = '0b5e0b5e-0000-4000-8000-00000000000b';
beforeAll(async () => {
  await t.db.insert(users).values({
    id: TEAM_MEMBER,
    email: 'matrix-member@example.com',
    name: 'Matrix Member',
    role: 'interviewer',
    passwordHash: await hashPassword('matrix member password'),
  });
});
const everyone: Who[] = ['anonymous', 'otherCandidate', 'candidate', 'interviewer', 'admin'];

describe('authorization matrix', () => {
  it.each(
    routes.flatMap((route) =>
      everyone.map((who) => ({ route, who, label: `${route.method} ${route.url()} as ${who}` })),
    ),
  )('[A9] $label', async ({ route, who }) => {
    const cookie = cookies[who];
    const response = await t.app.inject({
      method: route.method,
      url: route.url(),
      headers: { ...route.headers, ...(cookie ? { cookie } : {}) },
      ...(route.payload ? { payload: route.payload() as object } : {}),
    });
    if (route.allowed.includes(who)) {
      expect(response.statusCode, response.body).toBeLessThan(300);
    } else {
      expect([401, 403, 404]).toContain(response.statusCode);
      expect(response.json()).toHaveProperty('error');
    }
  });

  it('[A9] a candidate sees only their own attempt', async () => {
    const other = (
      await t.app.inject({ method: 'GET', url: '/api/attempt', headers: { cookie: cookies.otherCandidate } })
    ).json();
    expect(other.attempt.id).not.toBe(attemptId);
    expect(other.candidate.name).toBe('Other');
  });

  it('[A9] signing out ends a session at once, even one this process has just trusted', async () => {
    for (const who of ['candidate', 'admin'] as const) {
      const cookie = who === 'admin' ? await adminCookie(t.app) : await candidateCookie(t.app, token);
      const url = who === 'admin' ? '/api/admin/assessments' : '/api/attempt';
      expect((await t.app.inject({ method: 'GET', url, headers: { cookie } })).statusCode, who).toBe(200);
      await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
      expect((await t.app.inject({ method: 'GET', url, headers: { cookie } })).statusCode, who).toBe(401);
    }
  });

  it('[A12] no response to a candidate contains a hidden input or expected output', async () => {
    const hidden = { id: 'empty', input: '[[]]' };
    const bodies = await Promise.all(
      ['/api/attempt', `/api/attempt/submissions/${submissionId}`, '/api/attempt/tasks/0/submissions'].map(
        async (url) => (await t.app.inject({ method: 'GET', url, headers: { cookie: cookies.candidate } })).body,
      ),
    );
    for (const body of bodies) {
      const at = body.indexOf(`"${hidden.id}"`);
      expect(body, body.slice(Math.max(0, at - 300), at + 100)).not.toContain(`"${hidden.id}"`);
      expect(body).not.toContain('"args"');
      expect(body).not.toContain('"expected":0');
    }
    const unknown = await t.app.inject({
      method: 'GET',
      url: `/api/attempt/submissions/${randomUUID()}`,
      headers: { cookie: cookies.candidate },
    });
    expect(unknown.statusCode).toBe(404);
  });
});
