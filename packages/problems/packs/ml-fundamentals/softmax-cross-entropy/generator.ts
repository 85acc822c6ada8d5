import { createRandom, type GeneratedTest, type Random } from '@assay/problems/generator';

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/** n rows of C logits uniform in [-scale, scale] (rounded to `digits` decimals) and uniform labels. */
function problem(random: Random, n: number, C: number, scale: number, digits: number, smoothing: number): unknown[] {
  const logits = Array.from({ length: n }, () =>
    Array.from({ length: C }, () => round((random.next() * 2 - 1) * scale, digits)),
  );
  const labels = Array.from({ length: n }, () => random.int(0, C - 1));
  return [logits, labels, smoothing];
}

/** Tall, wide and square batches, with logits small and as large as ±10^4. */
export default function generate(): GeneratedTest[] {
  const random = createRandom(20261130);
  return [
    { name: 'random-1000x10', args: problem(random, 1000, 10, 5, 3, 0) },
    { name: 'random-300x1000', args: problem(random, 300, 1000, 20, 2, 0.1) },
    { name: 'wide-60x5000', args: problem(random, 60, 5000, 10, 2, 0.05) },
    { name: 'tall-100000x3', args: problem(random, 100000, 3, 10000, 1, 0) },
    { name: 'large-logits-2000x100', args: problem(random, 2000, 100, 10000, 1, 0.2) },
  ];
}
