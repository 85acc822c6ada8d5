import { createRandom, type GeneratedTest, type Random } from '@assay/problems/generator';

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * n targets `offset + uniform(0, spread)` and predictions off by a Gaussian-ish error of `noise`
 * (the sum of two uniforms), everything rounded to 3 decimals.
 */
function problem(random: Random, n: number, opts: { offset: number; spread: number; noise: number }): unknown[] {
  const targets = Array.from({ length: n }, () => round(opts.offset + random.next() * opts.spread, 3));
  const predictions = targets.map((y) => round(y + (random.next() + random.next() - 1) * opts.noise, 3));
  return [targets, predictions];
}

/** Large inputs, targets far from zero (where a one-pass variance cancels), and a constant target. */
export default function generate(): GeneratedTest[] {
  const random = createRandom(20261129);
  const constant = Array.from({ length: 100000 }, () => 7);
  return [
    { name: 'random-1000', args: problem(random, 1000, { offset: -50, spread: 100, noise: 10 }) },
    { name: 'random-100000', args: problem(random, 100000, { offset: -1000, spread: 2000, noise: 300 }) },
    { name: 'billion-offset-50000', args: problem(random, 50000, { offset: 1e9, spread: 10, noise: 2 }) },
    { name: 'million-offset-100000', args: problem(random, 100000, { offset: 1e6, spread: 1, noise: 0.5 }) },
    {
      name: 'constant-target-100000',
      args: [constant, constant.map((y) => round(y + (random.next() - 0.5) * 4, 3))],
    },
  ];
}
