import { createRandom, type GeneratedTest, type Random } from '@assay/problems/generator';

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * n predictions from `draw` (rounded to `digits` decimals); each label is 1 with probability
 * `truth(p)`, the rate the model should have predicted, so `truth` sets how miscalibrated it is.
 */
function problem(
  random: Random,
  n: number,
  numBins: number,
  opts: { digits: number; draw: () => number; truth: (p: number) => number },
): unknown[] {
  const probabilities = Array.from({ length: n }, () => round(opts.draw(), opts.digits));
  const labels = probabilities.map((p) => (random.next() < opts.truth(p) ? 1 : 0));
  return [labels, probabilities, numBins];
}

/** Large reports: many bins, overconfident and skewed models, and probabilities on a bin-edge grid. */
export default function generate(): GeneratedTest[] {
  const random = createRandom(20261131);
  const uniform = () => random.next();
  return [
    { name: 'random-2000', args: problem(random, 2000, 10, { digits: 4, draw: uniform, truth: (p) => p }) },
    {
      name: 'overconfident-100000',
      args: problem(random, 100000, 15, { digits: 5, draw: uniform, truth: (p) => 0.5 + (p - 0.5) * 0.6 }),
    },
    {
      name: 'many-bins-100000',
      args: problem(random, 100000, 10000, { digits: 6, draw: uniform, truth: (p) => p * p }),
    },
    {
      name: 'bin-edge-grid-50000',
      args: problem(random, 50000, 100, { digits: 2, draw: uniform, truth: (p) => Math.sqrt(p) }),
    },
    {
      name: 'skewed-50000',
      args: problem(random, 50000, 20, { digits: 6, draw: () => random.next() ** 4, truth: (p) => Math.min(1, 2 * p) }),
    },
    {
      name: 'extremes-20000',
      args: problem(random, 20000, 12, {
        digits: 3,
        draw: () => random.pick([0, 0, 0.001, 0.999, 1, 1]),
        truth: (p) => (p > 0.5 ? 0.9 : 0.1),
      }),
    },
  ];
}
