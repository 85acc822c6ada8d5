import { createRandom, type GeneratedTest, type Random } from '@assay/problems/generator';

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

type Args = [number[][], number[], number[], number];

/**
 * n samples with d features uniform in [-range, range] (rounded to `digits` decimals). The target
 * jumps by `jump` where feature `informative` passes `cut`, plus noise; the current predictions F
 * already model a smaller jump on feature `modelled`, so the residuals still carry the first step.
 */
function problem(
  random: Random,
  n: number,
  d: number,
  opts: {
    range: number;
    digits: number;
    informative: number;
    modelled: number;
    jump: number;
    noise: number;
    learningRate: number;
  },
): Args {
  const X = Array.from({ length: n }, () =>
    Array.from({ length: d }, () => round((random.next() * 2 - 1) * opts.range, opts.digits)),
  );
  const cut = round((random.next() - 0.5) * opts.range, opts.digits);
  const noise = () => (random.next() + random.next() + random.next() - 1.5) * opts.noise;
  const y = X.map((row) => round(((row[opts.informative] as number) > cut ? opts.jump : 0) + noise(), 3));
  const F = X.map((row) => round(((row[opts.modelled] as number) > 0 ? opts.jump / 3 : 0) + noise() / 2, 3));
  return [X, y, F, opts.learningRate];
}

/**
 * The statement's tie window is 1e-9 · (1 + Σr²): refuse a test where a split is neither as good as
 * the best one (up to rounding) nor worse by more than 1e-7 · (1 + Σr²), so that every correct
 * summation order picks the same split.
 */
function checked(args: Args): Args {
  const [X, y, F] = args;
  const n = X.length;
  const d = (X[0] as number[]).length;
  const r = y.map((v, i) => v - (F[i] as number));
  const total = r.reduce((a, b) => a + b, 0);
  const totalSq = r.reduce((a, b) => a + b * b, 0);
  const sses: number[] = [];
  for (let f = 0; f < d; f++) {
    const order = r
      .map((_, i) => i)
      .sort((a, b) => ((X[a] as number[])[f] as number) - ((X[b] as number[])[f] as number));
    let s = 0;
    for (let k = 0; k + 1 < n; k++) {
      s += r[order[k] as number] as number;
      if ((X[order[k] as number] as number[])[f] === (X[order[k + 1] as number] as number[])[f]) continue;
      sses.push(totalSq - (s * s) / (k + 1) - ((total - s) * (total - s)) / (n - k - 1));
    }
  }
  const min = Math.min(...sses.slice(0, 100000), ...sses.slice(100000));
  const scale = 1 + totalSq;
  for (const sse of sses) {
    const gap = (sse - min) / scale;
    if (gap > 1e-11 && gap < 1e-7) throw new Error(`near tie: ${sse} vs ${min}`);
  }
  return args;
}

const opts = (o: Partial<Parameters<typeof problem>[3]>) => ({
  range: 10,
  digits: 2,
  informative: 0,
  modelled: 0,
  jump: 5,
  noise: 1,
  learningRate: 0.1,
  ...o,
});

export default function generate(): GeneratedTest[] {
  const random = createRandom(20261131);
  const copied = problem(random, 300, 4, opts({ informative: 1, modelled: 2, learningRate: 0.3 }));
  for (const row of copied[0]) row[3] = row[1] as number;
  // Residual 1 on the middle half of 0..19999 and 0 outside: the two cuts are exactly as good.
  const mirror: Args = [
    Array.from({ length: 20000 }, (_, i) => [i]),
    Array.from({ length: 20000 }, (_, i) => (i >= 5000 && i < 15000 ? 1.5 : 0.5)),
    Array.from({ length: 20000 }, () => 0.5),
    0.25,
  ];
  const constantResidual = problem(random, 50, 3, opts({}));
  constantResidual[1] = constantResidual[2].map((p) => round(p + 2.5, 3));
  return [
    { name: 'single-sample', args: [[[3.5, -1]], [2], [0.5], 0.1] },
    { name: 'two-samples', args: [[[1], [3]], [4, -2], [1, 1], 0.5] },
    {
      name: 'constant-features',
      args: [
        [
          [2, 5],
          [2, 5],
          [2, 5],
        ],
        [1, 2, 6],
        [0, 0, 1],
        0.5,
      ],
    },
    { name: 'constant-residuals', args: checked(constantResidual) },
    {
      name: 'symmetric-cuts',
      args: [[[1], [2], [3], [4]], [1, -1, -1, 1], [0, 0, 0, 0], 1],
    },
    { name: 'copied-column-300x4', args: checked(copied) },
    { name: 'mirror-ties-20000', args: checked(mirror) },
    { name: 'learning-rate-one', args: checked(problem(random, 40, 2, opts({ informative: 1, learningRate: 1 }))) },
    {
      name: 'first-round-zero-F',
      args: (() => {
        const a = problem(random, 60, 3, opts({ informative: 2, learningRate: 0.5 }));
        a[2] = a[2].map(() => 0);
        return checked(a);
      })(),
    },
    {
      name: 'few-distinct-values',
      args: checked(problem(random, 200, 3, opts({ range: 3, digits: 0, informative: 1, modelled: 2, noise: 2 }))),
    },
    {
      name: 'negative-targets',
      args: checked(problem(random, 100, 2, opts({ jump: -40, noise: 5, informative: 1, learningRate: 0.05 }))),
    },
    {
      name: 'extreme-values',
      args: checked(
        problem(random, 80, 2, opts({ range: 1000000, digits: 0, jump: 10000, noise: 1000, learningRate: 0.01 })),
      ),
    },
    { name: 'random-500x6', args: checked(problem(random, 500, 6, opts({ informative: 4, modelled: 1, noise: 3 }))) },
    {
      name: 'wide-500x200',
      args: checked(problem(random, 500, 200, opts({ informative: 157, modelled: 3, jump: 8, noise: 2 }))),
    },
    {
      name: 'square-1000x100',
      args: checked(problem(random, 1000, 100, opts({ informative: 42, modelled: 7, learningRate: 0.2 }))),
    },
    {
      name: 'tall-20000x5',
      args: checked(problem(random, 20000, 5, opts({ range: 100, informative: 3, modelled: 0, noise: 2 }))),
    },
    {
      name: 'single-feature-60000',
      args: checked(
        problem(random, 60000, 1, opts({ range: 1000000, digits: 0, jump: 50, noise: 10, learningRate: 0.1 })),
      ),
    },
  ];
}
