import type { LightMyRequestResponse } from 'fastify';
import { users } from '../src/db/schema.ts';
import { hashPassword } from '../src/services/secrets.ts';
import { cookieOf, type TestApp } from './testApp.ts';

/** The `assay_pad` cookie a join response set for the pad's own path, as a Cookie header. */
export function padCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find(
    (c) => c.name === 'assay_pad' && c.path?.startsWith('/api/pads/') && !c.path.includes('/join/'),
  );
  if (!cookie) throw new Error(`no pad cookie in ${response.statusCode} ${response.body}`);
  return `assay_pad=${cookie.value}`;
}

/** A signed-in interviewer (a second member of staff). */
export async function interviewerCookie(t: TestApp, email = 'iv@example.com'): Promise<string> {
  await t.db.insert(users).values({
    email,
    name: 'Ivy Interviewer',
    role: 'interviewer',
    passwordHash: await hashPassword('interviewer password'),
  });
  return cookieOf(
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: 'interviewer password' },
    }),
  );
}

/** Creates a pad as `staff` and answers its summary. */
export async function createPad(t: TestApp, staff: string, payload: Record<string, unknown> = {}) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/pads',
    headers: { cookie: staff },
    payload: { title: 'Pairing', language: 'javascript', ...payload },
  });
  if (response.statusCode !== 201) throw new Error(`pad not created: ${response.statusCode} ${response.body}`);
  return response.json() as { id: string; candidateLink: string; title: string };
}

/** The token at the end of a candidate link. */
export function tokenOf(link: string): string {
  return link.slice(link.lastIndexOf('/') + 1);
}

/** Joins a pad by its link as `name`; answers the participant and its cookie. */
export async function joinPad(t: TestApp, link: string, name = 'Cand Idate') {
  const response = await t.app.inject({ method: 'POST', url: `/api/pads/join/${tokenOf(link)}`, payload: { name } });
  if (response.statusCode !== 201) throw new Error(`not joined: ${response.statusCode} ${response.body}`);
  return { cookie: padCookieOf(response), participant: response.json().participant as { id: string; name: string } };
}
