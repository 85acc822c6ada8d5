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
 * Failed sign-in counters per account and address ([A31]), in this process like the other rate limits
 * ([A17]). Accounts are keyed by the email as typed (lower-cased), whether or not it exists, so a
 * refusal says nothing about which accounts exist.
 */
export class SignInLimiter {
  private readonly pairs: BoundedMap<Window>;
  private readonly accounts: BoundedMap<Window>;
  /** Addresses each account has signed in from. */
  private readonly known: BoundedMap<Set<string>>;

  constructor(private readonly options: SignInLimitOptions = SIGN_IN_LIMITS) {
    this.pairs = new BoundedMap(options.maxEntries);
    this.accounts = new BoundedMap(options.maxEntries);
    this.known = new BoundedMap(options.maxEntries);
  }

  /** Undefined when this address may try this account now. */
  check(email: string, address: string, now: number): SignInRefusal | undefined {
    const pair = this.pairs.get(pairKey(email, address));
    if (pair && pair.resetAt > now && pair.count >= this.options.perAccountAndAddress.max)
      return { scope: 'address', waitMs: pair.resetAt - now };
    if (this.known.get(email)?.has(address)) return undefined;
    const account = this.accounts.get(email);
    if (account && account.resetAt > now && account.count >= this.options.perAccount.max)
      return { scope: 'account', waitMs: account.resetAt - now };
    return undefined;
  }

  failed(email: string, address: string, now: number): void {
    count(this.pairs, pairKey(email, address), this.options.perAccountAndAddress, now);
    if (!this.known.get(email)?.has(address)) count(this.accounts, email, this.options.perAccount, now);
  }

  succeeded(email: string, address: string): void {
    this.pairs.delete(pairKey(email, address));
    const addresses = this.known.get(email) ?? new Set<string>();
    // A few recent addresses per account are enough; an unbounded set would be a memory sink.
    if (addresses.size >= 20) addresses.delete(addresses.values().next().value as string);
    addresses.add(address);
    this.known.set(email, addresses);
  }
}

const pairKey = (email: string, address: string) => `${email}\n${address}`;

function count(windows: Map<string, Window>, key: string, limit: Limit, now: number) {
  const window = windows.get(key);
  if (!window || window.resetAt <= now) windows.set(key, { count: 1, resetAt: now + limit.windowMs });
  else window.count++;
}
