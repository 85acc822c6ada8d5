import { createRandom, type GeneratedTest, type Random } from '@assay/problems/generator';

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * n samples with random labels and weights, and m learners that each flip the true label with their
 * own probability in [minFlip, maxFlip]. Weights are log-uniform in [lo, hi], rounded to `digits`
 * significant digits (6 by default).
 */
function problem(
  random: Random,
  m: number,
  n: number,
  opts: { minFlip: number; maxFlip: number; lo: number; hi: number; digits?: number },
): [number[][], number[], number[]] {
  const y = Array.from({ length: n }, () => (random.next() < 0.5 ? -1 : 1));
  const predictions = Array.from({ length: m }, () => {
    const flip = opts.minFlip + random.next() * (opts.maxFlip - opts.minFlip);
    return y.map((t) => (random.next() < flip ? -t : t));
  });
  const weights = y.map(() => {
    const w = opts.lo * (opts.hi / opts.lo) ** random.next();
    return round(w, (opts.digits ?? 6) - 1 - Math.floor(Math.log10(w)));
  });
  return [predictions, y, weights];
}

/**
 * The stated tie window is 1e-9: refuse a test where a learner is neither exactly as good as the
 * best one nor worse by more than 1e-7, so that every correct summation order picks the same one.
 */
function checked(args: [number[][], number[], number[]]): [number[][], number[], number[]] {
  const [predictions, y, weights] = args;
  const total = weights.reduce((a, b) => a + b, 0);
  const errors = predictions.map(
    (h) => h.reduce((s, p, i) => (p !== y[i] ? s + (weights[i] as number) : s), 0) / total,
  );
  const min = Math.min(...errors);
  for (const e of errors) if (e - min > 0 && e - min < 1e-7) throw new Error(`near tie: ${e} vs ${min}`);
  return args;
}

/** Learner j copies learner `from`: an exact tie that the first index must win. */
function copyLearner(
  args: [number[][], number[], number[]],
  from: number,
  to: number,
): [number[][], number[], number[]] {
  args[0][to] = [...(args[0][from] as number[])];
  return args;
}

export default function generate(): GeneratedTest[] {
  const random = createRandom(20261130);
  const worse = problem(random, 6, 40, { minFlip: 0.55, maxFlip: 0.9, lo: 0.5, hi: 2 });
  const perfect = problem(random, 8, 50, { minFlip: 0.2, maxFlip: 0.5, lo: 0.01, hi: 10 });
  perfect[0][5] = [...perfect[1]];
  const allWrong = problem(random, 3, 30, { minFlip: 0.6, maxFlip: 0.8, lo: 1, hi: 3 });
  allWrong[0] = allWrong[0].map(() => allWrong[1].map((t) => -t));
  // Heavy weights on few samples: the plain error rate and the weighted error pick different learners.
  const heavy: [number[][], number[], number[]] = [
    [
      [1, 1, 1, 1, 1, 1, -1, -1],
      [-1, -1, 1, 1, 1, 1, 1, 1],
      [1, 1, -1, -1, -1, 1, 1, 1],
    ],
    [1, 1, 1, 1, 1, 1, 1, 1],
    [0.1, 0.1, 5, 5, 5, 0.1, 4, 4],
  ];
  const half: [number[][], number[], number[]] = [
    [
      [1, -1, 1, -1],
      [-1, -1, 1, 1],
    ],
    [1, 1, 1, 1],
    [0.3, 0.2, 0.2, 0.3],
  ];
  return [
    { name: 'single-sample-right', args: [[[1], [-1]], [1], [2.5]] },
    { name: 'single-sample-wrong', args: [[[-1]], [1], [0.7]] },
    { name: 'one-learner', args: checked(problem(random, 1, 12, { minFlip: 0.2, maxFlip: 0.4, lo: 0.1, hi: 1 })) },
    { name: 'perfect-learner', args: checked(perfect) },
    { name: 'all-learners-wrong', args: allWrong },
    { name: 'worse-than-chance', args: checked(worse) },
    { name: 'error-exactly-half', args: half },
    { name: 'heavy-samples', args: heavy },
    {
      name: 'identical-best-learners',
      args: checked(copyLearner(problem(random, 7, 30, { minFlip: 0.1, maxFlip: 0.5, lo: 0.2, hi: 5 }), 2, 5)),
    },
    {
      name: 'uniform-weights-ties',
      args: (() => {
        const [p, y] = problem(random, 20, 10, { minFlip: 0.2, maxFlip: 0.5, lo: 1, hi: 1 });
        return checked([p, y, y.map(() => 0.1)]);
      })(),
    },
    {
      name: 'unnormalised-weights',
      args: checked(problem(random, 10, 60, { minFlip: 0.1, maxFlip: 0.5, lo: 1, hi: 100 })),
    },
    {
      name: 'extreme-weights',
      args: checked(problem(random, 10, 200, { minFlip: 0.1, maxFlip: 0.5, lo: 0.001, hi: 1000 })),
    },
    {
      name: 'random-20x1000',
      args: checked(problem(random, 20, 1000, { minFlip: 0.2, maxFlip: 0.45, lo: 0.01, hi: 1 })),
    },
    {
      name: 'learners-1000x500',
      args: checked(problem(random, 1000, 500, { minFlip: 0.3, maxFlip: 0.5, lo: 0.5, hi: 2 })),
    },
    {
      name: 'learners-100x5000',
      args: checked(problem(random, 100, 5000, { minFlip: 0.25, maxFlip: 0.5, lo: 0.001, hi: 1000 })),
    },
    {
      name: 'samples-5x40000',
      args: checked(problem(random, 5, 40000, { minFlip: 0.1, maxFlip: 0.4, lo: 0.01, hi: 100 })),
    },
    {
      name: 'samples-2x80000-ties',
      args: checked(
        copyLearner(problem(random, 2, 80000, { minFlip: 0.3, maxFlip: 0.3, lo: 1, hi: 10, digits: 2 }), 0, 1),
      ),
    },
  ];
}
