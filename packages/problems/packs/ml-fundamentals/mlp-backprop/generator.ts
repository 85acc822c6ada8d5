import { createRandom, type GeneratedTest, type Random } from '@assay/problems/generator';

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

interface Options {
  /** Entries of X, W1, b1 / W2, b2 are uniform in [-scale, scale]. */
  xScale: number;
  w1Scale: number;
  b1Scale: number;
  w2Scale: number;
  b2Scale: number;
  /** Small integers instead of 3-decimal floats, so that pre-activations are exact and many are 0. */
  integers?: boolean;
  /** Added to every b1 entry (a large negative shift kills every hidden unit). */
  b1Shift?: number;
}

function problem(random: Random, n: number, d: number, h: number, C: number, opts: Options): unknown[] {
  const draw = (scale: number) =>
    opts.integers ? random.int(-scale, scale) : round((random.next() * 2 - 1) * scale, 3);
  const matrix = (rows: number, cols: number, scale: number) =>
    Array.from({ length: rows }, () => Array.from({ length: cols }, () => draw(scale)));
  const X = matrix(n, d, opts.xScale);
  const y = Array.from({ length: n }, () => random.int(0, C - 1));
  const W1 = matrix(d, h, opts.w1Scale);
  const b1 = Array.from({ length: h }, () => draw(opts.b1Scale) + (opts.b1Shift ?? 0));
  const W2 = matrix(h, C, opts.w2Scale);
  const b2 = Array.from({ length: C }, () => draw(opts.b2Scale));
  if (!opts.integers) assertNoNearZeroPreActivation(X, W1, b1);
  return [X, y, W1, b1, W2, b2];
}

/**
 * ReLU'(0) = 0 is tested with integer inputs, where a pre-activation of 0 is exact in any summation
 * order. A float test must not come close to 0, or the answer would depend on rounding.
 */
function assertNoNearZeroPreActivation(X: number[][], W1: number[][], b1: number[]): void {
  for (const row of X) {
    b1.forEach((bias, u) => {
      const a = row.reduce((s, x, j) => s + x * (W1[j]?.[u] as number), bias);
      if (Math.abs(a) < 1e-7) throw new Error(`pre-activation ${a} is too close to 0 for a float test`);
    });
  }
}

const usual: Options = { xScale: 1, w1Scale: 1, b1Scale: 0.5, w2Scale: 1, b2Scale: 0.5 };
const exact: Options = { xScale: 2, w1Scale: 1, b1Scale: 1, w2Scale: 2, b2Scale: 1, integers: true };

/** Exact zero pre-activations, dead units, square and non-square shapes, huge logits, and sizes up to n · h · (d + C) ≈ 4 · 10^6. */
export default function generate(): GeneratedTest[] {
  const random = createRandom(20261130);
  return [
    { name: 'single-sample', args: problem(random, 1, 3, 4, 2, usual) },
    { name: 'zero-pre-activations-small', args: problem(random, 20, 4, 6, 3, exact) },
    { name: 'zero-pre-activations-300x10x16x4', args: problem(random, 300, 10, 16, 4, exact) },
    { name: 'all-units-dead', args: problem(random, 25, 3, 5, 3, { ...usual, b1Shift: -100 }) },
    { name: 'square-5x5x5', args: problem(random, 30, 5, 5, 5, usual) },
    { name: 'square-hidden-equals-classes', args: problem(random, 40, 3, 4, 4, usual) },
    { name: 'one-hidden-unit', args: problem(random, 30, 2, 1, 2, usual) },
    { name: 'one-feature', args: problem(random, 30, 1, 6, 3, usual) },
    { name: 'twenty-classes', args: problem(random, 80, 6, 10, 20, usual) },
    {
      name: 'huge-logits',
      args: problem(random, 40, 5, 8, 4, { xScale: 10, w1Scale: 10, b1Scale: 10, w2Scale: 50, b2Scale: 10 }),
    },
    { name: 'medium-200x20x32x5', args: problem(random, 200, 20, 32, 5, usual) },
    { name: 'tall-2000x4x8x3', args: problem(random, 2000, 4, 8, 3, usual) },
    { name: 'wide-100x100x128x20', args: problem(random, 100, 100, 128, 20, { ...usual, w1Scale: 0.2, w2Scale: 0.2 }) },
    { name: 'large-1000x50x64x10', args: problem(random, 1000, 50, 64, 10, { ...usual, w1Scale: 0.3, w2Scale: 0.3 }) },
    {
      name: 'large-logits-500x30x40x8',
      args: problem(random, 500, 30, 40, 8, { xScale: 5, w1Scale: 5, b1Scale: 5, w2Scale: 20, b2Scale: 5 }),
    },
  ];
}
