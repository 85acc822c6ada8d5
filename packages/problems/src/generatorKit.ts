/**
 * What a problem's `generator.ts` may use ([P5]). A generator's default export returns its tests;
 * it must be deterministic, so all randomness comes from `createRandom(seed)`.
 */
export interface GeneratedTest {
  /** File name under tests/hidden/, without `.json`. */
  name: string;
  args: unknown[];
  /** Interactive data, if the problem has a harness. */
  data?: unknown;
  /** Only when the reference cannot compute it (interactive problems); otherwise the reference does. */
  expected?: unknown;
}

export type Generator = () => GeneratedTest[];

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  shuffle<T>(items: T[]): T[];
}

/** A seeded mulberry32 generator: the same seed gives the same sequence on every machine. */
export function createRandom(seed: number): Random {
  let state = seed | 0;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick() needs at least one item');
      return items[int(0, items.length - 1)] as (typeof items)[number];
    },
    shuffle: (items) => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = int(0, i);
        [items[i], items[j]] = [items[j] as (typeof items)[number], items[i] as (typeof items)[number]];
      }
      return items;
    },
  };
}
