import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { padParticipants, users } from '../src/db/schema.ts';
import { tokenKey } from '../src/services/invitationTokens.ts';
import { createPad as storePad } from '../src/services/pads.ts';
import { hashToken, newToken } from '../src/services/secrets.ts';
import { createPad, interviewerCookie, tokenOf } from './padFixture.ts';
import { adminCookie, type TestApp, testApp } from './testApp.ts';

// [A114] Every pad route × anonymous / another pad's candidate / this pad's candidate / interviewer / admin.
type Who = 'anonymous' | 'otherCandidate' | 'candidate' | 'interviewer' | 'admin';
const EVERYONE: Who[] = ['anonymous', 'otherCandidate', 'candidate', 'interviewer', 'admin'];

let t: TestApp;
const staff: Partial<Record<Who, string>> = {};
let otherCandidate = '';

/** A pad made by the service, beside the create route and its rate limit (which this file also calls). */
async function freshPad() {
  const [admin] = await t.db.select().from(users).where(eq(users.role, 'admin'));
  if (!admin) throw new Error('no admin');
  const links = { publicUrl: t.app.config.publicUrl, key: await tokenKey(t.db, undefined) };
  return storePad(
    { db: t.db, events: t.app.events, now: () => new Date() },
    links,
    { id: admin.id, email: admin.email, name: admin.name, role: 'admin' },
    { title: 'Matrix', language: 'javascript' },
  );
}

/** A candidate of `padId`, made in the database (the join route's own rate limit is tested elsewhere). */
async function candidateOf(padId: string): Promise<string> {
  const token = newToken();
  await t.db
    .insert(padParticipants)
    .values({ padId, role: 'candidate', name: 'Matrix', colour: '#2563eb', tokenHash: hashToken(token) });
  return `assay_pad=${token}`;
}

beforeAll(async () => {
  t = await testApp();
  staff.admin = await adminCookie(t.app);
  staff.interviewer = await interviewerCookie(t);
  const elsewhere = await createPad(t, staff.admin, { title: 'Elsewhere' });
  otherCandidate = await candidateOf(elsewhere.id);
});
afterAll(() => t?.close());

interface PadRoute {
  method: 'GET' | 'POST' | 'PUT';
  url: (pad: { id: string; token: string }) => string;
  payload?: Record<string, unknown>;
  allowed: Who[];
}

const ROUTES: PadRoute[] = [
  {
    method: 'POST',
    url: () => '/api/pads',
    payload: { title: 'M', language: 'javascript' },
    allowed: ['interviewer', 'admin'],
  },
  { method: 'GET', url: () => '/api/pads', allowed: ['interviewer', 'admin'] },
  { method: 'GET', url: (p) => `/api/pads/${p.id}`, allowed: ['candidate', 'interviewer', 'admin'] },
  {
    method: 'PUT',
    url: (p) => `/api/pads/${p.id}/language`,
    payload: { language: 'typescript' },
    allowed: ['candidate', 'interviewer', 'admin'],
  },
  {
    method: 'POST',
    url: (p) => `/api/pads/${p.id}/runs`,
    payload: { language: 'javascript', code: 'function main() { return 1; }' },
    allowed: ['candidate', 'interviewer', 'admin'],
  },
  { method: 'POST', url: (p) => `/api/pads/${p.id}/end`, allowed: ['interviewer', 'admin'] },
  // The link is the credential: anyone holding it sees the title and may join.
  { method: 'GET', url: (p) => `/api/pads/join/${p.token}`, allowed: EVERYONE },
  { method: 'POST', url: (p) => `/api/pads/join/${p.token}`, payload: { name: 'M' }, allowed: EVERYONE },
];

describe('[A114] pad routes by caller', () => {
  for (const route of ROUTES) {
    it(`[A114] ${route.method} ${route.url({ id: ':id', token: ':token' })}: ${route.allowed.join(', ')}`, async () => {
      for (const who of EVERYONE) {
        // A fresh pad per caller: ending or running in one must not decide the next caller's answer.
        const pad = await freshPad();
        const cookie =
          who === 'candidate' ? await candidateOf(pad.id) : who === 'otherCandidate' ? otherCandidate : staff[who];
        const response = await t.app.inject({
          method: route.method,
          url: route.url({ id: pad.id, token: tokenOf(pad.candidateLink) }),
          headers: cookie ? { cookie } : {},
          ...(route.payload ? { payload: route.payload } : {}),
        });
        const refused = response.statusCode === 401 || response.statusCode === 403;
        expect(refused, `${who}: ${response.statusCode} ${response.body}`).toBe(!route.allowed.includes(who));
        expect(response.statusCode, `${who}: ${response.body}`).toBeLessThan(500);
        if (refused) expect(response.json().error.message.length).toBeGreaterThan(10);
        // [A114] A candidate never reads the candidate link, nor another pad.
        if (who === 'candidate' || who === 'otherCandidate') expect(response.body).not.toContain('/pad/join/');
      }
      await t.queue.idle();
    });
  }
});
