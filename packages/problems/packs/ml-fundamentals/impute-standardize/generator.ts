import { createRandom, type GeneratedTest, type Random } from '@assay/problems/generator';

type Cell = number | null;

const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * `rows` rows of `d` features: column j is centred on `centres[j]` with spread `spreads[j]`, shifted
 * by `shift` spreads (a test set drawn from another period), values rounded to 2 decimals and
 * clipped to [-1000, 1000]; each value is missing with probability `missing`.
 */
function matrix(
  random: Random,
  rows: number,
  centres: number[],
  spreads: number[],
  opts: { missing: number; shift: number },
): Cell[][] {
  const gauss = () => {
    const u = 1 - random.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
  };
  return Array.from({ length: rows }, () =>
    centres.map((c, j) => {
      if (random.next() < opts.missing) return null;
      const s = spreads[j] as number;
      return Math.max(-1000, Math.min(1000, round2(c + s * (opts.shift + gauss()))));
    }),
  );
}

/** Hand-made edge cases (each aimed at one known mistake), then large matrices with gaps. */
export default function generate(): GeneratedTest[] {
  const random = createRandom(20261130);
  const columns = (d: number) => ({
    centres: Array.from({ length: d }, () => random.int(-50000, 50000) / 100),
    spreads: Array.from({ length: d }, () => [0.5, 3, 40, 200][random.int(0, 3)] as number),
  });
  const dataset = (n: number, m: number, d: number, missing: number, shift: number) => {
    const { centres, spreads } = columns(d);
    return [
      matrix(random, n, centres, spreads, { missing, shift: 0 }),
      matrix(random, m, centres, spreads, { missing, shift }),
    ];
  };
  // A constant column and a column with no observed train value inside random data.
  const awkward = dataset(3000, 1000, 6, 0.2, 0.5);
  for (const row of awkward[0] as Cell[][]) {
    row[2] = 0.1;
    row[4] = null;
  }

  return [
    {
      name: 'single-train-row',
      args: [
        [[3, null, -2]],
        [
          [1, 5, null],
          [3, 0, -2],
        ],
      ],
    },
    {
      name: 'empty-test',
      args: [
        [
          [1, 2],
          [3, null],
          [5, 9],
        ],
        [],
      ],
    },
    {
      name: 'all-missing-train-column',
      args: [
        [
          [1, null],
          [2, null],
          [4, null],
        ],
        [
          [0, 7],
          [null, -3],
        ],
      ],
    },
    {
      name: 'constant-column-exact',
      args: [
        [
          [5, 1],
          [5, 2],
          [5, 4],
          [5, null],
        ],
        [
          [5, 0],
          [6, 1],
        ],
      ],
    },
    // 0.1 three times: the computed mean is 0.10000000000000002 and the std about 1.4e-17.
    {
      name: 'constant-column-rounding',
      args: [
        [
          [0.1, 1],
          [0.1, 2],
          [0.1, 6],
        ],
        [
          [0.1, 3],
          [0.3, 3],
        ],
      ],
    },
    {
      name: 'constant-after-imputing',
      args: [
        [
          [null, 4],
          [2.5, 8],
          [null, 6],
        ],
        [
          [2.5, 5],
          [0, null],
        ],
      ],
    },
    // The test rows lie far from the train rows: statistics that see them give other answers.
    {
      name: 'shifted-test',
      args: [
        [
          [1, 10],
          [2, 20],
          [3, 30],
          [4, 40],
        ],
        [
          [100, -50],
          [101, null],
          [102, 0],
        ],
      ],
    },
    {
      name: 'test-single-row',
      args: [
        [
          [2, -1],
          [4, 1],
          [9, 0],
        ],
        [[7, 3]],
      ],
    },
    // Half the train values are missing: the std of the imputed column is smaller than the observed one.
    {
      name: 'heavy-missing',
      args: [
        [
          [1, null],
          [null, 8],
          [3, null],
          [null, 2],
          [7, 4],
          [null, null],
        ],
        [
          [null, null],
          [4, 4],
        ],
      ],
    },
    {
      name: 'two-train-rows',
      args: [
        [
          [0, 10],
          [2, 30],
        ],
        [
          [1, 20],
          [3, 0],
        ],
      ],
    },
    {
      name: 'test-missing-values',
      args: [
        [
          [1.5, 2.5, -3],
          [2.5, 0.5, 3],
          [0.5, 1.5, 0],
        ],
        [
          [null, null, null],
          [null, 1, null],
        ],
      ],
    },
    {
      name: 'extreme-values',
      args: [
        [
          [-1000, 1000],
          [1000, -1000],
          [1000, null],
        ],
        [
          [-1000, -1000],
          [0, 999.99],
        ],
      ],
    },
    {
      name: 'negative-zero-and-small',
      args: [
        [
          [-0.01, 0],
          [0.01, 0],
          [0, 0.01],
        ],
        [[-0.02, null]],
      ],
    },
    { name: 'random-40x3', args: dataset(40, 10, 3, 0.15, 1) },
    { name: 'awkward-columns-3000x6', args: awkward },
    { name: 'medium-5000x8', args: dataset(5000, 1500, 8, 0.1, 0.3) },
    { name: 'tall-24000x2', args: dataset(24000, 6000, 2, 0.05, 2) },
    { name: 'wide-80x300', args: dataset(80, 80, 300, 0.3, -1) },
    { name: 'mostly-missing-12000x4', args: dataset(12000, 3000, 4, 0.7, 0) },
  ];
}
