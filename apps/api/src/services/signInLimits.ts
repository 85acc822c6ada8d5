import type { Redis } from 'ioredis';

/** A limit: at most `max` events per `windowMs`. */
export interface Limit {
  max: number;
  windowMs: number;
}

export interface SignInLimitOptions {
  /** Failed sign-ins to one account from one address ([A31]): an attacker's guesses cost that address only. */
  perAccountAndAddress: Limit;
  /**
   * Failed sign-ins to one account from all addresses that never signed in to it. Bounds a guessing
   * spread over many addresses; addresses the account has signed in from stay exempt, so the real
   * user is not locked out by someone else's guesses.
   */
  perAccount: Limit;
  /** Counters and known addresses kept at most (the oldest go first), so a flood costs bounded memory. */
  maxEntries: number;
}

export const SIGN_IN_LIMITS: SignInLimitOptions = {
  perAccountAndAddress: { max: 10, windowMs: 15 * 60_000 },
  perAccount: { max: 50, windowMs: 60 * 60_000 },
  maxEntries: 100_000,
};

interface Window {
  count: number;
  resetAt: number;
}

/** Why a sign-in is refused before its password is checked, and how long until it may be tried again. */
export interface SignInRefusal {
  scope: 'address' | 'account';
  waitMs: number;
}

/** A Map that forgets its oldest entries past a size. */
class BoundedMap<V> extends Map<string, V> {
  constructor(private readonly max: number) {
    super();
  }
  override set(key: string, value: V): this {
    if (!this.has(key) && this.size >= this.max) {
      const oldest = this.keys().next();
      if (!oldest.done) this.delete(oldest.value);
    }
    return super.set(key, value);
  }
}

/**
 * Failed sign-in counters per account and address ([A31]). Accounts are keyed by the email as typed
 * (lower-cased), whether or not it exists, so a refusal says nothing about which accounts exist.
 * In this process (SignInLimiter) or, with Redis, shared by every API instance ([A52]).
 */
export interface SignInLimits {
  /** Undefined when this address may try this account now. */
  check(email: string, address: string, now: number): Promise<SignInRefusal | undefined>;
  failed(email: string, address: string, now: number): Promise<void>;
  succeeded(email: string, address: string): Promise<void>;
}

/** The counters in this process, like the other rate limits without Redis ([A17]). */
export class SignInLimiter implements SignInLimits {
  private readonly pairs: BoundedMap<Window>;
  private readonly accounts: BoundedMap<Window>;
  /** Addresses each account has signed in from. */
  private readonly known: BoundedMap<Set<string>>;

  constructor(private readonly options: SignInLimitOptions = SIGN_IN_LIMITS) {
    this.pairs = new BoundedMap(options.maxEntries);
    this.accounts = new BoundedMap(options.maxEntries);
    this.known = new BoundedMap(options.maxEntries);
  }

  async check(email: string, address: string, now: number): Promise<SignInRefusal | undefined> {
    const pair = this.pairs.get(pairKey(email, address));
    if (pair && pair.resetAt > now && pair.count >= this.options.perAccountAndAddress.max)
      return { scope: 'address', waitMs: pair.resetAt - now };
    if (this.known.get(email)?.has(address)) return undefined;
    const account = this.accounts.get(email);
    if (account && account.resetAt > now && account.count >= this.options.perAccount.max)
      return { scope: 'account', waitMs: account.resetAt - now };
    return undefined;
  }

  async failed(email: string, address: string, now: number): Promise<void> {
    count(this.pairs, pairKey(email, address), this.options.perAccountAndAddress, now);
    if (!this.known.get(email)?.has(address)) count(this.accounts, email, this.options.perAccount, now);
  }

  async succeeded(email: string, address: string): Promise<void> {
    this.pairs.delete(pairKey(email, address));
    const addresses = this.known.get(email) ?? new Set<string>();
    // A few recent addresses per account are enough; an unbounded set would be a memory sink.
    if (addresses.size >= KNOWN_ADDRESSES) addresses.delete(addresses.values().next().value as string);
    addresses.add(address);
    this.known.set(email, addresses);
  }
}

/** Addresses remembered per account: a few recent ones are enough; an unbounded set would be a memory sink. */
const KNOWN_ADDRESSES = 20;
/** How long Redis remembers an account's addresses after its last sign-in. */
const KNOWN_ADDRESSES_TTL_MS = 30 * 24 * 3600_000;

/** Counts one failure in a window (`count`, `resetAt` on the app's clock); answers nothing. */
const COUNT_SCRIPT = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local resetAt = tonumber(redis.call('HGET', KEYS[1], 'resetAt') or '0')
if resetAt <= now then
  redis.call('HSET', KEYS[1], 'count', 1, 'resetAt', now + window)
else
  redis.call('HINCRBY', KEYS[1], 'count', 1)
end
redis.call('PEXPIRE', KEYS[1], window)
return 0`;

/**
 * The same counters in Redis (`<prefix>:signin:…`), so that guesses spread over API instances count
 * as one ([A52]). Windows run on the app's clock like SignInLimiter's; keys expire with their window.
 * While Redis is unreachable each instance counts in its own SignInLimiter, so limits still hold.
 */
export class RedisSignInLimiter implements SignInLimits {
  private readonly fallback: SignInLimiter;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly options: SignInLimitOptions = SIGN_IN_LIMITS,
  ) {
    this.fallback = new SignInLimiter(options);
  }

  private keys(email: string, address: string) {
    const base = `${this.prefix}:signin`;
    return {
      pair: `${base}:pair:${email}\n${address}`,
      account: `${base}:account:${email}`,
      known: `${base}:known:${email}`,
    };
  }

  async check(email: string, address: string, now: number): Promise<SignInRefusal | undefined> {
    const keys = this.keys(email, address);
    try {
      const [pair, account, known] = await Promise.all([
        this.redis.hmget(keys.pair, 'count', 'resetAt'),
        this.redis.hmget(keys.account, 'count', 'resetAt'),
        this.redis.lpos(keys.known, address),
      ]);
      const over = ([count, resetAt]: (string | null)[], limit: Limit) =>
        Number(resetAt) > now && Number(count) >= limit.max ? Number(resetAt) - now : undefined;
      const pairWait = over(pair, this.options.perAccountAndAddress);
      if (pairWait !== undefined) return { scope: 'address', waitMs: pairWait };
      if (known !== null) return undefined;
      const accountWait = over(account, this.options.perAccount);
      return accountWait === undefined ? undefined : { scope: 'account', waitMs: accountWait };
    } catch {
      return this.fallback.check(email, address, now);
    }
  }

  async failed(email: string, address: string, now: number): Promise<void> {
    const keys = this.keys(email, address);
    try {
      const { perAccountAndAddress: pair, perAccount: account } = this.options;
      await this.redis.eval(COUNT_SCRIPT, 1, keys.pair, now, pair.windowMs);
      if ((await this.redis.lpos(keys.known, address)) === null)
        await this.redis.eval(COUNT_SCRIPT, 1, keys.account, now, account.windowMs);
    } catch {
      await this.fallback.failed(email, address, now);
    }
  }

  async succeeded(email: string, address: string): Promise<void> {
    const keys = this.keys(email, address);
    try {
      await this.redis
        .multi()
        .del(keys.pair)
        .lrem(keys.known, 0, address)
        .lpush(keys.known, address)
        .ltrim(keys.known, 0, KNOWN_ADDRESSES - 1)
        .pexpire(keys.known, KNOWN_ADDRESSES_TTL_MS)
        .exec();
    } catch {
      await this.fallback.succeeded(email, address);
    }
  }
}

const pairKey = (email: string, address: string) => `${email}\n${address}`;

function count(windows: Map<string, Window>, key: string, limit: Limit, now: number) {
  const window = windows.get(key);
  if (!window || window.resetAt <= now) windows.set(key, { count: 1, resetAt: now + limit.windowMs });
  else window.count++;
}
