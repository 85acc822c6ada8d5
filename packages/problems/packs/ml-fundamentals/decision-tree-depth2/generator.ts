import { createRandom, type GeneratedTest, type Random } from '@assay/problems/generator';

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * n samples with d features uniform in [-range, range] (rounded to `digits` decimals). The label comes
 * from two informative features, each cut into two halves (so a depth-2 tree can learn it), modulo
 * `classes`; a fraction `noise` of the labels is replaced by a random class.
 */
function dataset(
  random: Random,
  n: number,
  d: number,
  classes: number,
  opts: { range: number; digits: number; informative: [number, number]; noise: number },
): [number[][], number[]] {
  const X = Array.from({ length: n }, () =>
    Array.from({ length: d }, () => round((random.next() * 2 - 1) * opts.range, opts.digits)),
  );
  const y = X.map((row) => {
    if (random.next() < opts.noise) return random.int(0, classes - 1);
    const [a, b] = opts.informative;
    return (((row[a] as number) > 0 ? 2 : 0) + ((row[b] as number) > opts.range / 3 ? 1 : 0)) % classes;
  });
  return [X, y];
}

/** `count` query points like the data, plus copies of training points. */
function queries(random: Random, X: number[][], count: number, range: number, digits: number): number[][] {
  const d = (X[0] as number[]).length;
  return Array.from({ length: count }, (_, k) =>
    k % 3 === 0 ? [...random.pick(X)] : Array.from({ length: d }, () => round((random.next() * 2 - 1) * range, digits)),
  );
}

/** Hand-made edge cases, small random sets that tell the criteria apart, and large sets. */
export default function generate(): GeneratedTest[] {
  const random = createRandom(20261131);
  const small: GeneratedTest[] = [
    {
      name: 'single-sample',
      args: [
        [[3.5, -1]],
        [7],
        [
          [0, 0],
          [3.5, -1],
        ],
      ],
    },
    // One label: no split has a positive gain.
    {
      name: 'pure-labels',
      args: [
        [[1], [2], [3], [4]],
        [4, 4, 4, 4],
        [[0], [5]],
      ],
    },
    // Constant features, tied majority 3 vs 5 vs 8 (two each): the smallest label.
    {
      name: 'constant-features-tie',
      args: [
        [
          [1, 2],
          [1, 2],
          [1, 2],
          [1, 2],
          [1, 2],
          [1, 2],
        ],
        [8, 5, 3, 8, 5, 3],
        [
          [1, 2],
          [9, 9],
        ],
      ],
    },
    // Queries on the threshold 2.5 and between the value 2 and the midpoint.
    {
      name: 'queries-near-threshold',
      args: [
        [[1], [2], [3], [4], [5], [6]],
        [0, 0, 1, 1, 1, 1],
        [[2], [2.2], [2.5], [2.6], [2.9999], [3]],
      ],
    },
    // An unbalanced XOR: the root cuts feature 0, and each child needs feature 1.
    {
      name: 'xor-needs-other-feature',
      args: [
        [
          [0, 0],
          [0, 1],
          [1, 0],
          [1, 1],
          [0, 0],
          [1, 1],
          [1, 1],
          [0, 1],
          [1, 0],
          [1, 0],
          [1, 1],
        ],
        [0, 1, 1, 0, 0, 0, 0, 1, 1, 1, 0],
        [
          [0, 0],
          [0, 1],
          [1, 0],
          [1, 1],
          [-5, 5],
          [5, -5],
        ],
      ],
    },
    // Two identical columns: feature 0 wins the tie.
    {
      name: 'duplicate-columns',
      args: [
        [
          [3, 3],
          [1, 1],
          [2, 2],
          [4, 4],
          [5, 5],
        ],
        [1, 0, 0, 1, 1],
        [
          [2.5, 0],
          [0, 2.5],
          [4, 4],
        ],
      ],
    },
    // Labels 1 in the middle: the two cuts around it have the same gain; the smaller threshold wins.
    {
      name: 'mirror-threshold-tie',
      args: [
        [[1], [2], [3], [4], [5], [6], [7], [8]],
        [0, 0, 1, 1, 1, 1, 0, 0],
        [[1], [2.6], [5], [6.4], [8]],
      ],
    },
    // Depth 2 is the limit: the labels alternate along the only feature.
    {
      name: 'depth-limit',
      args: [
        [[1], [2], [3], [4], [5], [6], [7], [8]],
        [0, 1, 0, 1, 0, 1, 0, 1],
        [[1], [2], [3], [4], [5], [6], [7], [8]],
      ],
    },
    // A pure child is a leaf while the other child splits.
    {
      name: 'one-pure-child',
      args: [
        [
          [0, 5],
          [0, 6],
          [0, 7],
          [10, 5],
          [10, 6],
          [10, 7],
          [10, 8],
        ],
        [2, 2, 2, 0, 0, 1, 1],
        [
          [0, 9],
          [10, 5.5],
          [10, 6.5],
          [10, 9],
        ],
      ],
    },
    {
      name: 'extreme-values',
      args: [
        [
          [-1000000, 1000000],
          [-999999.5, 0.25],
          [1000000, -1000000],
          [999999.75, 0.5],
          [0, 0],
        ],
        [1, 1, 2, 2, 0],
        [
          [-1000000, 0],
          [1000000, 0],
          [0, 0],
          [0.1, -0.1],
        ],
      ],
    },
    // Labels that are not 0..k-1, with a majority tie in a leaf (3 vs 9 after the split).
    {
      name: 'sparse-labels-leaf-tie',
      args: [
        [
          [1, 0],
          [1, 1],
          [1, 0],
          [1, 1],
          [2, 0],
          [2, 0],
          [2, 1],
        ],
        [9, 3, 3, 9, 6, 6, 6],
        [
          [1, 0],
          [1, 1],
          [2, 1],
        ],
      ],
    },
  ];
  // Small noisy sets with several classes and few distinct values: criteria and weightings disagree.
  const noisy: GeneratedTest[] = Array.from({ length: 6 }, (_, k) => {
    const n = random.int(10, 30);
    const d = random.int(2, 3);
    const [X, y] = dataset(random, n, d, random.int(3, 4), {
      range: 4,
      digits: 0,
      informative: [0, d - 1],
      noise: 0.5,
    });
    return { name: `noisy-small-${k + 1}`, args: [X, y, queries(random, X, 20, 5, 1)] };
  });
  const large = (n: number, d: number, classes: number, opts: Parameters<typeof dataset>[4], count: number) => {
    const [X, y] = dataset(random, n, d, classes, opts);
    return [X, y, queries(random, X, count, opts.range, opts.digits)];
  };
  return [
    ...small,
    ...noisy,
    { name: 'random-2000x5', args: large(2000, 5, 4, { range: 10, digits: 2, informative: [2, 4], noise: 0.3 }, 1000) },
    {
      name: 'single-feature-100000',
      args: large(100000, 1, 3, { range: 1000, digits: 3, informative: [0, 0], noise: 0.3 }, 10000),
    },
    {
      name: 'five-features-20000',
      args: large(20000, 5, 5, { range: 1000, digits: 2, informative: [3, 1], noise: 0.4 }, 5000),
    },
    {
      name: 'wide-500x100',
      args: large(500, 100, 2, { range: 50, digits: 2, informative: [77, 12], noise: 0.2 }, 500),
    },
    {
      name: 'few-distinct-50000x2',
      args: large(50000, 2, 10, { range: 20, digits: 0, informative: [1, 0], noise: 0.5 }, 5000),
    },
  ];
}
