import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { RedisSignInLimiter, SignInLimiter, type SignInLimitOptions, type SignInLimits } from './signInLimits.ts';

const LIMITS: SignInLimitOptions = {
  perAccountAndAddress: { max: 3, windowMs: 60_000 },
  perAccount: { max: 5, windowMs: 600_000 },
  maxEntries: 1000,
};

const redisUrl = process.env.REDIS_URL;
const redis = redisUrl ? new Redis(redisUrl) : undefined;
const prefix = `assay-test-${randomBytes(4).toString('hex')}`;
afterAll(async () => {
  if (!redis) return;
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

// [A31] rules, held the same by the in-process counters and the Redis ones shared by API instances ([A52]).
const kinds: [string, () => SignInLimits][] = [['in process', () => new SignInLimiter(LIMITS)]];
if (redis) {
  kinds.push(['in Redis', () => new RedisSignInLimiter(redis, `${prefix}:${randomBytes(4).toString('hex')}`, LIMITS)]);
}

describe.each(kinds)('sign-in limits %s', (_kind, make) => {
  it('[A31] [A52] an address is refused past its failures on an account, until the window ends', async () => {
    const limits = make();
    for (let i = 0; i < 3; i++) {
      expect(await limits.check('a@x', '10.0.0.1', 1000)).toBeUndefined();
      await limits.failed('a@x', '10.0.0.1', 1000);
    }
    expect(await limits.check('a@x', '10.0.0.1', 2000)).toEqual({ scope: 'address', waitMs: 59_000 });
    expect(await limits.check('b@x', '10.0.0.1', 2000)).toBeUndefined();
    expect(await limits.check('a@x', '10.0.0.1', 61_000)).toBeUndefined();
  });

  it('[A31] [A52] an account is refused to new addresses past its failures, but not to one it signed in from', async () => {
    const limits = make();
    await limits.succeeded('a@x', '10.0.0.9');
    for (let i = 0; i < 5; i++) await limits.failed('a@x', `10.0.1.${i}`, 1000);
    // Failures from a known address do not count towards the account's limit.
    await limits.failed('a@x', '10.0.0.9', 1000);
    expect(await limits.check('a@x', '10.0.2.1', 2000)).toEqual({ scope: 'account', waitMs: 599_000 });
    expect(await limits.check('a@x', '10.0.0.9', 2000)).toBeUndefined();
  });

  it('[A31] [A52] signing in clears the address’s failures', async () => {
    const limits = make();
    for (let i = 0; i < 3; i++) await limits.failed('a@x', '10.0.0.1', 1000);
    await limits.succeeded('a@x', '10.0.0.1');
    expect(await limits.check('a@x', '10.0.0.1', 2000)).toBeUndefined();
  });
});
