import { createRandom, type GeneratedTest, type Random } from '@assay/problems/generator';

type Vec = number[];

const clip = (x: number) => Math.max(-127, Math.min(127, Math.round(x)));
const norm = (v: Vec) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

function cosine(q: Vec, c: Vec): number {
  const denominator = norm(q) * norm(c);
  if (denominator === 0) return 0;
  return q.reduce((s, x, j) => s + x * (c[j] as number), 0) / denominator;
}

/**
 * The statement promises that similarities which differ at all differ by more than 1e-10, and that
 * none lies within 1e-10 of the threshold. Returns the index of a catalogue item that breaks the
 * promise (so the caller can redraw it), or -1.
 */
function offender(catalogue: Vec[], queries: Vec[], threshold: number): number {
  for (const q of queries) {
    const sims = catalogue.map((c, i) => ({ i, s: cosine(q, c) }));
    for (const { i, s } of sims) if (Math.abs(s - threshold) <= 1e-10) return i;
    sims.sort((a, b) => a.s - b.s);
    for (let t = 1; t < sims.length; t++) {
      const gap = (sims[t] as { s: number }).s - (sims[t - 1] as { s: number }).s;
      if (gap > 0 && gap <= 1e-10) return (sims[t] as { i: number }).i;
    }
  }
  return -1;
}

/**
 * A random search problem: `n` catalogue vectors and `m` queries of dimension `d` (entries roughly
 * normal, scaled by `spread`), a fraction `zeros` of zero catalogue vectors, and for each query a few
 * planted near-copies (small noise), exact copies and copies scaled by 2.
 */
function searchCase(
  random: Random,
  opts: { n: number; m: number; d: number; spread: number; zeros: number; planted: number; threshold: number },
): [Vec[], Vec[]] {
  const gauss = () => {
    const u = 1 - random.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
  };
  const vector = () => Array.from({ length: opts.d }, () => clip(gauss() * opts.spread));
  const item = () => (random.next() < opts.zeros ? new Array<number>(opts.d).fill(0) : vector());
  const catalogue = Array.from({ length: opts.n }, item);
  // Halved entries, so a copy scaled by 2 stays within [-127, 127].
  const queries = Array.from({ length: opts.m }, () => vector().map((x) => Math.trunc(x / 2)));
  for (const q of queries) {
    for (let p = 0; p < opts.planted; p++) {
      const kind = random.int(0, 2);
      const copy = kind === 0 ? q.map((x) => clip(x + random.int(-1, 1))) : q.map((x) => x * kind);
      catalogue[random.int(0, opts.n - 1)] = copy;
    }
  }
  for (let bad = offender(catalogue, queries, opts.threshold); bad >= 0; ) {
    catalogue[bad] = item();
    bad = offender(catalogue, queries, opts.threshold);
  }
  return [catalogue, queries];
}

/** Hand-made edge cases (each aimed at one known mistake), then large catalogues. */
export default function generate(): GeneratedTest[] {
  const random = createRandom(20261201);
  const big = (n: number, m: number, d: number, zeros: number, planted: number, k: number, threshold: number) => [
    ...searchCase(random, { n, m, d, spread: 40, zeros, planted, threshold }),
    k,
    threshold,
  ];
  return [
    // The long vector [100,60] has the larger dot product but the smaller cosine.
    {
      name: 'long-vector-not-closer',
      args: [
        [
          [100, 60],
          [1, 1],
          [-5, 9],
        ],
        [[1, 1]],
        2,
        0.99,
      ],
    },
    {
      name: 'catalogue-norms-differ',
      args: [
        [
          [0, 50],
          [3, 4],
          [40, 0],
          [1, 1],
        ],
        [
          [3, 4],
          [1, 0],
        ],
        4,
        0.9,
      ],
    },
    // Four items with similarity 1 (copies and multiples); k = 3 keeps the three lowest indices.
    {
      name: 'ties-lower-index',
      args: [
        [
          [1, 2],
          [5, 5],
          [2, 4],
          [1, 2],
          [4, 8],
        ],
        [[1, 2]],
        3,
        0.5,
      ],
    },
    {
      name: 'ties-at-zero',
      args: [
        [
          [0, 3],
          [0, 0],
          [0, -7],
          [0, 0],
          [2, 0],
        ],
        [[5, 0]],
        5,
        0.75,
      ],
    },
    // cos([1,0], [3,4]) is exactly 0.6: an item at the threshold is a near-duplicate.
    {
      name: 'threshold-exactly-met',
      args: [
        [
          [3, 4],
          [4, 3],
          [3, -4],
          [-3, 4],
        ],
        [
          [1, 0],
          [0, 5],
        ],
        2,
        0.6,
      ],
    },
    // Exact copies with threshold 1: their computed similarity may be 1 - 2e-16.
    {
      name: 'exact-copies-threshold-one',
      args: [
        [
          [1, 1],
          [7, -3],
          [2, 2],
          [1, 2],
        ],
        [
          [1, 1],
          [7, -3],
          [3, 6],
        ],
        1,
        1,
      ],
    },
    // A zero vector (similarity 0) ranks above items with negative similarity.
    {
      name: 'zero-vector-above-negatives',
      args: [
        [
          [-1, 0],
          [0, 0],
          [-3, -1],
          [2, 1],
          [0, 0],
        ],
        [[1, 0]],
        4,
        0.5,
      ],
    },
    {
      name: 'zero-query',
      args: [
        [
          [3, 1],
          [0, 0],
          [-2, 5],
        ],
        [
          [0, 0],
          [1, 1],
        ],
        3,
        0.2,
      ],
    },
    {
      name: 'all-zero',
      args: [
        [
          [0, 0, 0],
          [0, 0, 0],
        ],
        [[0, 0, 0]],
        2,
        1,
      ],
    },
    {
      name: 'single-item',
      args: [
        [[-127, 127]],
        [
          [127, -127],
          [-127, 127],
        ],
        1,
        1,
      ],
    },
    { name: 'one-dimension', args: [[[5], [-2], [0], [9], [-1]], [[3], [-4], [0]], 5, 1] },
    {
      name: 'all-negative',
      args: [
        [
          [-1, -2],
          [-2, -1],
          [-3, -3],
          [-1, 0],
        ],
        [[1, 1]],
        2,
        0.1,
      ],
    },
    {
      name: 'extreme-values',
      args: [
        [
          [127, 127, -127],
          [-127, -127, 127],
          [127, 0, 0],
          [1, 1, -1],
        ],
        [[127, 127, -127]],
        3,
        0.999,
      ],
    },
    { name: 'random-30x4', args: big(30, 5, 4, 0.1, 2, 6, 0.97) },
    // Many ties (zero vectors, copies) in a full ranking: an unstable sort misorders them.
    { name: 'many-ties-full-ranking-3000x8', args: big(3000, 20, 8, 0.3, 40, 3000, 0.99) },
    // k = n: choosing the k best by repeated scans is quadratic.
    { name: 'full-ranking-20000x8', args: big(20_000, 16, 8, 0.02, 3, 20_000, 0.98) },
    { name: 'top-20-4000x64', args: big(4000, 80, 64, 0.01, 5, 20, 0.95) },
    { name: 'wide-2000x128', args: big(2000, 100, 128, 0.01, 3, 50, 0.9) },
    { name: 'many-queries-800x32', args: big(800, 500, 32, 0.05, 2, 10, 0.99) },
  ];
}
