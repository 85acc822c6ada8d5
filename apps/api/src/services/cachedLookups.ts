import { eq } from 'drizzle-orm';
import type { Db } from '../db/openDatabase.ts';
import { problemVersions } from '../db/schema.ts';
import { NotFound } from '../errors.ts';

/**
 * A per-process cache for rows that never change once written: problem versions (immutable by
 * content hash, [A4]), an assessment's languages and tasks, an attempt's assessment. Keyed by the
 * database too, so separate databases (tests) never share entries.
 */
export function processCache<V>() {
  const caches = new WeakMap<Db, Map<string, V>>();
  /** `keep` says whether a loaded value is final; one that may still change is used once, not cached. */
  return async (db: Db, key: string, load: () => Promise<V>, keep: (value: V) => boolean = () => true): Promise<V> => {
    let cache = caches.get(db);
    if (!cache) {
      cache = new Map();
      caches.set(db, cache);
    }
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = await load();
    if (keep(value)) cache.set(key, value);
    return value;
  };
}

export type ProblemVersion = typeof problemVersions.$inferSelect;
const versions = processCache<ProblemVersion>();

/**
 * A problem version, read once per process. Specs carry every hidden test (megabytes for large
 * problems), and reusing the same object also lets the judge reuse its validation of it.
 */
export function problemVersionById(db: Db, id: string): Promise<ProblemVersion> {
  return versions(db, id, async () => {
    const [version] = await db.select().from(problemVersions).where(eq(problemVersions.id, id));
    if (!version) throw new NotFound(`problem version ${id}`);
    return version;
  });
}
