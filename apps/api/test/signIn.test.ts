import * as argon2 from '@node-rs/argon2';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../src/app.ts';
import { ConfigError, loadConfig } from '../src/config.ts';
import { LocalEventBus } from '../src/queue/EventBus.ts';
import { ADMIN, candidateCookie, inviteCandidates, type TestApp, testApp } from './testApp.ts';

// Counts argon2 verifications: the only honest way to see that an unknown email costs what a known one does.
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const original = await importOriginal<typeof import('@node-rs/argon2')>();
  return { ...original, verify: vi.fn(original.verify) };
});

let t: TestApp;
const apps: FastifyInstance[] = [];
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await t.close();
});

/** A fresh app (fresh counters) on the test's database. */
async function freshApp(env: Record<string, string> = {}) {
  const config = {
    ...loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test', PUBLIC_URL: 'http://assay.test', ...env }),
    webDist: undefined,
  };
  const app = await buildApp({ config, db: t.db, queue: t.queue, events: new LocalEventBus(), now: () => new Date() });
  apps.push(app);
  return app;
}

interface SignIn {
  email?: string;
  password?: string;
  from?: string;
  forwardedFor?: string;
  cookie?: string;
}

const signIn = (
  app: FastifyInstance,
  { email = ADMIN.email, password = 'wrong', from, forwardedFor, cookie }: SignIn,
) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    ...(from ? { remoteAddress: from } : {}),
    headers: { ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}), ...(cookie ? { cookie } : {}) },
  });

describe('sign-in limits', () => {
  it('[A31] an address gets 20 sign-ins a minute, and a candidate cookie buys it no more', async () => {
    const app = await freshApp();
    const { tokens } = await inviteCandidates(t, ['Guesser']);
    const cookie = await candidateCookie(app, tokens[0] as string);
    const codes: number[] = [];
    for (let i = 0; i < 20; i++)
      codes.push((await signIn(app, { email: `u${i}@example.com`, from: '192.0.2.1' })).statusCode);
    expect(codes.every((c) => c === 401)).toBe(true);
    const withCookie = await signIn(app, { email: 'other@example.com', from: '192.0.2.1', cookie });
    expect(withCookie.statusCode).toBe(429);
    expect(withCookie.json().error.code).toBe('API_ERR_RATE_LIMITED');
    // Another address is not slowed down.
    expect((await signIn(app, { password: ADMIN.password, from: '192.0.2.2' })).statusCode).toBe(200);
  });

  it('[A31] ten bad guesses lock out the guessing address for that account, not the real admin', async () => {
    const app = await freshApp();
    for (let i = 0; i < 10; i++) expect((await signIn(app, { from: '198.51.100.66' })).statusCode).toBe(401);
    // Even the right password: the address has used its guesses on this account.
    const locked = await signIn(app, { password: ADMIN.password, from: '198.51.100.66' });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.message).toMatch(
      /^too many failed sign-ins for this account from your address\. Wait \d+ s and try again$/,
    );
    // The same address may still sign in to another account.
    expect((await signIn(app, { email: 'nobody@example.com', from: '198.51.100.66' })).statusCode).toBe(401);
    expect((await signIn(app, { password: ADMIN.password, from: '198.51.100.7' })).statusCode).toBe(200);
  });

  it('[A31] TRUST_PROXY: behind the proxy, each client is its own address', async () => {
    const behindProxy = await freshApp({ TRUST_PROXY: 'true' });
    for (let i = 0; i < 10; i++) await signIn(behindProxy, { from: '127.0.0.1', forwardedFor: '203.0.113.9' });
    expect((await signIn(behindProxy, { from: '127.0.0.1', forwardedFor: '203.0.113.9' })).statusCode).toBe(429);
    const admin = await signIn(behindProxy, {
      password: ADMIN.password,
      from: '127.0.0.1',
      forwardedFor: '203.0.113.10',
    });
    expect(admin.statusCode).toBe(200);
    // Without it, X-Forwarded-For is anyone's to write and changes nothing.
    const direct = await freshApp();
    for (let i = 0; i < 10; i++) await signIn(direct, { from: '192.0.2.50', forwardedFor: `203.0.113.${i}` });
    expect((await signIn(direct, { from: '192.0.2.50', forwardedFor: '203.0.113.99' })).statusCode).toBe(429);
  });

  it('[A1] [A31] TRUST_PROXY must be true, false or proxy addresses', () => {
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 10.1.0.0/16' }).TRUST_PROXY).toEqual(['10.0.0.1', '10.1.0.0/16']);
    expect(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(() => loadConfig({ TRUST_PROXY: 'yes please' })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: 'yes please' })).toThrow(
      /TRUST_PROXY must be true, false, or a comma-separated/,
    );
  });

  it('[A31] guesses spread over many addresses close the account to new addresses only', async () => {
    const app = await freshApp();
    expect((await signIn(app, { password: ADMIN.password, from: '192.0.2.200' })).statusCode).toBe(200);
    for (let i = 0; i < 50; i++) expect((await signIn(app, { from: `10.0.${i}.1` })).statusCode).toBe(401);
    const stranger = await signIn(app, { password: ADMIN.password, from: '10.9.9.9' });
    expect(stranger.statusCode).toBe(429);
    expect(stranger.json().error.message).toMatch(/^too many failed sign-ins for this account\. Wait \d+ s/);
    // The admin signs in from where they signed in before.
    expect((await signIn(app, { password: ADMIN.password, from: '192.0.2.200' })).statusCode).toBe(200);
  });

  it('[A31] an unknown email costs one argon2 verification, as a known one does', async () => {
    const app = await freshApp();
    const verify = vi.mocked(argon2.verify);
    verify.mockClear();
    expect((await signIn(app, { email: 'no-such-user@example.com', from: '192.0.2.77' })).statusCode).toBe(401);
    expect(verify).toHaveBeenCalledTimes(1);
    verify.mockClear();
    expect((await signIn(app, { from: '192.0.2.77' })).statusCode).toBe(401);
    expect(verify).toHaveBeenCalledTimes(1);
  });
});
