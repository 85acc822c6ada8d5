import { createRandom, type GeneratedTest, type Random } from '@assay/problems/generator';

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * n samples with d features uniform in [-scale, scale] (3 decimals); labels drawn from a hidden
 * logistic model. Learning rates keep learningRate · max‖(x, 1)‖² <= 8, where gradient descent on the
 * logistic loss is stable, so the answers do not depend on floating-point summation order.
 */
function problem(
  random: Random,
  n: number,
  d: number,
  opts: { scale: number; learningRate: number; epochs: number; init?: number },
): unknown[] {
  const truth = Array.from({ length: d }, () => random.next() * 4 - 2);
  const X = Array.from({ length: n }, () =>
    Array.from({ length: d }, () => round((random.next() * 2 - 1) * opts.scale, 3)),
  );
  const y = X.map((row) => {
    const z = row.reduce((s, v, j) => s + v * (truth[j] as number), 0) / Math.sqrt(d);
    return random.next() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  });
  const init = opts.init ?? 0;
  const weights = Array.from({ length: d }, () => round((random.next() * 2 - 1) * init, 3));
  const bias = round((random.next() * 2 - 1) * init, 3);
  return [X, y, weights, bias, opts.learningRate, opts.epochs];
}

/** Wide, tall and long-running problems at the size limit n · (d + 1) · epochs <= 10^7. */
export default function generate(): GeneratedTest[] {
  const random = createRandom(20261126);
  return [
    { name: 'small-40x3', args: problem(random, 40, 3, { scale: 2, learningRate: 0.5, epochs: 25, init: 1 }) },
    { name: 'wide-200x500', args: problem(random, 200, 500, { scale: 1, learningRate: 0.01, epochs: 99 }) },
    { name: 'tall-100000x1', args: problem(random, 100000, 1, { scale: 1, learningRate: 1, epochs: 50, init: 2 }) },
    { name: 'square-1000x100', args: problem(random, 1000, 100, { scale: 1, learningRate: 0.05, epochs: 99 }) },
    {
      name: 'medium-5000x10',
      args: problem(random, 5000, 10, { scale: 1, learningRate: 0.5, epochs: 180, init: 1 }),
    },
    {
      name: 'long-run-50x4',
      args: problem(random, 50, 4, { scale: 1, learningRate: 1, epochs: 1000, init: 0.5 }),
    },
    {
      name: 'large-features-2000x5',
      args: problem(random, 2000, 5, { scale: 10, learningRate: 0.01, epochs: 800, init: 10 }),
    },
  ];
}
