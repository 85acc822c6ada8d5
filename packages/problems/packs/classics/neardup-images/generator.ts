import { createRandom, type GeneratedTest, type Random } from '@assay/problems/generator';

const MAX_QUARTER_PAIRS = 5_000_000;

const hex32 = (random: Random) =>
  Math.floor(random.next() * 2 ** 32)
    .toString(16)
    .padStart(8, '0');
const randomHash = (random: Random) => hex32(random) + hex32(random);

/** Flips the given bits; bit 0 is the least significant, bit 63 the most. */
function flip(hash: string, bits: number[]): string {
  const digits = [...hash].map((c) => parseInt(c, 16));
  for (const bit of bits) digits[15 - (bit >> 2)] = (digits[15 - (bit >> 2)] as number) ^ (1 << (bit & 3));
  return digits.map((v) => v.toString(16)).join('');
}

/** `count` distinct bit positions in [from, to]. */
function positions(random: Random, count: number, from = 0, to = 63): number[] {
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(random.int(from, to));
  return [...chosen];
}

/** A copy of `hash` at exactly `distance`, sometimes with every flip in the low 12 bits. */
function near(random: Random, hash: string, distance: number, lowBits = random.int(0, 3) === 0): string {
  return flip(hash, positions(random, distance, 0, lowBits ? 11 : 63));
}

/** Checks the constraints: size, format, and at most 5 · 10^6 pairs agreeing on some 16-bit quarter. */
function checked(name: string, hashes: string[], d: number): GeneratedTest {
  if (hashes.length < 1 || hashes.length > 100_000) throw new Error(`${name}: ${hashes.length} hashes`);
  let pairs = 0;
  for (let q = 0; q < 4; q++) {
    const counts = new Map<string, number>();
    for (const h of hashes) {
      if (!/^[0-9a-f]{16}$/.test(h)) throw new Error(`${name}: bad hash ${h}`);
      const key = h.slice(4 * q, 4 * q + 4);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    for (const c of counts.values()) pairs += (c * (c - 1)) / 2;
  }
  if (pairs > MAX_QUARTER_PAIRS) throw new Error(`${name}: ${pairs} pairs agree on a quarter`);
  return { name, args: [hashes, d] };
}

interface Mix {
  n: number;
  /** Pairs (base, copy) whose distance is drawn from `distances`. */
  pairs: number;
  distances: [number, number];
  /** Clusters: a centre and members at distance 1 or 2 from it. */
  clusters: number;
  clusterSize: [number, number];
  /** Groups of exact copies. */
  copies: number;
  copySize: [number, number];
  /** How many hashes share the value of quarter `sharedQuarter`. */
  shared?: number;
  sharedQuarter?: number;
  /** Start every hash with a hex digit >= 8, so that parseInt(h, 16) always loses the low bits. */
  highTopBit?: boolean;
}

function mix(random: Random, m: Mix): string[] {
  const fresh = () => {
    const h = randomHash(random);
    return m.highTopBit ? (parseInt(h[0] as string, 16) | 8).toString(16) + h.slice(1) : h;
  };
  const hashes: string[] = [];
  for (let p = 0; p < m.pairs; p++) {
    const base = fresh();
    hashes.push(base, near(random, base, random.int(m.distances[0], m.distances[1])));
  }
  for (let c = 0; c < m.clusters; c++) {
    const centre = fresh();
    hashes.push(centre);
    for (let s = random.int(m.clusterSize[0], m.clusterSize[1]); s > 1; s--)
      hashes.push(near(random, centre, random.int(1, 10) === 1 ? 2 : 1));
  }
  for (let c = 0; c < m.copies; c++) {
    const base = fresh();
    for (let s = random.int(m.copySize[0], m.copySize[1]); s > 0; s--) hashes.push(base);
  }
  if (m.shared !== undefined && m.sharedQuarter !== undefined) {
    const value = randomHash(random).slice(0, 4);
    const at = 4 * m.sharedQuarter;
    for (let s = 0; s < m.shared; s++) {
      const h = fresh();
      hashes.push(h.slice(0, at) + value + h.slice(at + 4));
    }
  }
  while (hashes.length < m.n) hashes.push(fresh());
  return random.shuffle(hashes.slice(0, m.n));
}

/**
 * Every hash shares its third quarter; pairs at distances 0 to 5 differ only outside it, so every
 * candidate lands in one 3,000-hash bucket.
 */
function sharedQuarter(random: Random, n: number): string[] {
  const value = randomHash(random).slice(8, 12);
  const outside = [...Array(64).keys()].filter((bit) => bit < 16 || bit >= 32);
  const hashes: string[] = [];
  while (hashes.length < n) {
    const h = randomHash(random);
    const base = h.slice(0, 8) + value + h.slice(12);
    hashes.push(base);
    if (random.int(0, 24) === 0) {
      const distance = random.int(0, 5);
      const bits = random.shuffle([...outside]).slice(0, distance);
      hashes.push(flip(base, bits));
    }
  }
  return random.shuffle(hashes.slice(0, n));
}

export default function generate(): GeneratedTest[] {
  const random = createRandom(20261124);
  return [
    checked(
      'random-100000-d3',
      mix(random, {
        n: 100_000,
        pairs: 600,
        distances: [0, 5],
        clusters: 100,
        clusterSize: [2, 5],
        copies: 50,
        copySize: [2, 3],
        shared: 2000,
        sharedQuarter: 0,
      }),
      3,
    ),
    checked(
      'duplicates-50000-d0',
      mix(random, {
        n: 50_000,
        pairs: 800,
        distances: [1, 2],
        clusters: 0,
        clusterSize: [0, 0],
        copies: 800,
        copySize: [2, 5],
      }),
      0,
    ),
    checked(
      'near-30000-d1',
      mix(random, {
        n: 30_000,
        pairs: 1000,
        distances: [0, 3],
        clusters: 50,
        clusterSize: [2, 4],
        copies: 20,
        copySize: [2, 2],
      }),
      1,
    ),
    checked(
      'mixed-20000-d2',
      mix(random, {
        n: 20_000,
        pairs: 800,
        distances: [1, 4],
        clusters: 80,
        clusterSize: [2, 6],
        copies: 20,
        copySize: [2, 3],
      }),
      2,
    ),
    checked(
      'low-bits-8000-d2',
      mix(random, {
        n: 8000,
        pairs: 0,
        distances: [0, 0],
        clusters: 0,
        clusterSize: [0, 0],
        copies: 0,
        copySize: [0, 0],
        highTopBit: true,
      }).map((h, i, all) => (i % 2 === 1 ? near(random, all[i - 1] as string, 1 + (i % 5), true) : h)),
      2,
    ),
    checked(
      'clusters-10000-d3',
      mix(random, {
        n: 10_000,
        pairs: 200,
        distances: [3, 4],
        clusters: 250,
        clusterSize: [4, 10],
        copies: 10,
        copySize: [2, 2],
      }),
      3,
    ),
    checked('shared-quarter-3000-d3', sharedQuarter(random, 3000), 3),
    checked(
      'top-bits-5000-d1',
      mix(random, {
        n: 5000,
        pairs: 300,
        distances: [1, 2],
        clusters: 0,
        clusterSize: [0, 0],
        copies: 0,
        copySize: [0, 0],
      }).map((h, i, all) => (i % 3 === 2 ? flip(all[i - 1] as string, [63 - (i % 4)]) : h)),
      1,
    ),
  ];
}
