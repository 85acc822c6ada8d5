import { createRandom, type GeneratedTest, type Random } from '@assay/problems/generator';

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

interface Options {
  /** Features are uniform in [-xScale, xScale]. */
  xScale: number;
  /** Weights are uniform in [-wScale, wScale]; 0 gives a zero matrix. */
  wScale: number;
  /** Biases are uniform in [-bScale, bScale]. */
  bScale: number;
  learningRate: number;
  l2: number;
  /** Every label is this class instead of a random one. */
  label?: number;
}

const uniform = (random: Random, scale: number) => round((random.next() * 2 - 1) * scale, 3);

function problem(random: Random, n: number, d: number, C: number, opts: Options): unknown[] {
  const X = Array.from({ length: n }, () => Array.from({ length: d }, () => uniform(random, opts.xScale)));
  const y = Array.from({ length: n }, () => opts.label ?? random.int(0, C - 1));
  const W = Array.from({ length: d }, () => Array.from({ length: C }, () => uniform(random, opts.wScale)));
  const b = Array.from({ length: C }, () => uniform(random, opts.bScale));
  return [X, y, W, b, opts.learningRate, opts.l2];
}

/** Edge cases (one sample, one class everywhere, huge logits, strong penalty) and sizes up to n · d · C = 4 · 10^6. */
export default function generate(): GeneratedTest[] {
  const random = createRandom(20261129);
  const usual = { xScale: 2, wScale: 1, bScale: 1, learningRate: 0.5, l2: 0.1 };
  return [
    { name: 'single-sample', args: problem(random, 1, 3, 3, usual) },
    { name: 'no-penalty', args: problem(random, 30, 4, 3, { ...usual, l2: 0 }) },
    { name: 'one-label-everywhere', args: problem(random, 25, 3, 4, { ...usual, label: 2 }) },
    { name: 'zero-weights', args: problem(random, 20, 5, 4, { ...usual, wScale: 0, bScale: 0 }) },
    { name: 'two-classes', args: problem(random, 40, 6, 2, usual) },
    { name: 'fifty-classes', args: problem(random, 100, 10, 50, usual) },
    { name: 'one-feature', args: problem(random, 60, 1, 5, usual) },
    {
      name: 'huge-logits',
      args: problem(random, 50, 8, 6, { xScale: 1000, wScale: 10, bScale: 100, learningRate: 0.001, l2: 0.01 }),
    },
    {
      name: 'large-bias-penalised',
      args: problem(random, 30, 4, 3, { xScale: 1, wScale: 1, bScale: 50, learningRate: 0.1, l2: 1 }),
    },
    {
      name: 'strong-penalty',
      args: problem(random, 50, 5, 4, { xScale: 1, wScale: 5, bScale: 1, learningRate: 0.01, l2: 10 }),
    },
    {
      name: 'tiny-learning-rate',
      args: problem(random, 50, 5, 4, { ...usual, learningRate: 1e-6 }),
    },
    { name: 'medium-500x20x5', args: problem(random, 500, 20, 5, usual) },
    { name: 'wide-100x200x10', args: problem(random, 100, 200, 10, { ...usual, xScale: 1, wScale: 0.1 }) },
    { name: 'tall-5000x4x3', args: problem(random, 5000, 4, 3, usual) },
    {
      name: 'large-2000x100x20',
      args: problem(random, 2000, 100, 20, { ...usual, xScale: 1, wScale: 0.2, learningRate: 0.1, l2: 0.01 }),
    },
    {
      name: 'large-logits-1000x50x10',
      args: problem(random, 1000, 50, 10, { xScale: 500, wScale: 5, bScale: 10, learningRate: 0.0001, l2: 0.001 }),
    },
  ];
}
