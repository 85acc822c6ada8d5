import type { Redis } from 'ioredis';

/**
 * Candidate sessions an API trusts for a few seconds without reading the database ([A9]). With Redis
 * the cache is shared by every API instance ([A52]), so a session revoked through one instance is
 * refused by all of them at once.
 */
export interface SessionCache {
  /** The attempt a cached session opens, or undefined (not cached, expired, or the cache unreachable). */
  get(tokenHash: string): Promise<string | undefined>;
  /** Caches a session for `ttlMs`. */
  set(tokenHash: string, attemptId: string, ttlMs: number): Promise<void>;
  /** Forgets revoked sessions. */
  revoke(tokenHashes: string[]): Promise<void>;
}

/** One process's cache, bounded: a flood of sessions costs bounded memory. */
export class LocalSessionCache implements SessionCache {
  private readonly entries = new Map<string, { attemptId: string; until: number }>();

  constructor(private readonly max = 50_000) {}

  async get(tokenHash: string): Promise<string | undefined> {
    const entry = this.entries.get(tokenHash);
    return entry && entry.until > Date.now() ? entry.attemptId : undefined;
  }

  async set(tokenHash: string, attemptId: string, ttlMs: number): Promise<void> {
    if (this.entries.size >= this.max) this.entries.clear();
    this.entries.set(tokenHash, { attemptId, until: Date.now() + ttlMs });
  }

  async revoke(tokenHashes: string[]): Promise<void> {
    for (const tokenHash of tokenHashes) this.entries.delete(tokenHash);
  }
}

/** The cache in Redis (`<prefix>:session:<token hash>`), expiring by itself. */
export class RedisSessionCache implements SessionCache {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(tokenHash: string): string {
    return `${this.prefix}:session:${tokenHash}`;
  }

  async get(tokenHash: string): Promise<string | undefined> {
    // An unreachable Redis is a miss: the session is read from the database instead.
    return (await this.redis.get(this.key(tokenHash)).catch(() => null)) ?? undefined;
  }

  async set(tokenHash: string, attemptId: string, ttlMs: number): Promise<void> {
    if (ttlMs > 0) await this.redis.set(this.key(tokenHash), attemptId, 'PX', ttlMs).catch(() => {});
  }

  async revoke(tokenHashes: string[]): Promise<void> {
    // While Redis is away no instance reads the cache either, so a failed delete trusts nothing extra.
    if (tokenHashes.length > 0) await this.redis.del(...tokenHashes.map((h) => this.key(h))).catch(() => {});
  }
}
