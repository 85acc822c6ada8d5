import { createRandom, type GeneratedTest, type Random } from '@assay/problems/generator';

/**
 * n labels drawn from `classes` (given in no particular order); class c is drawn with weight
 * skew^position, so the first classes listed are the common ones.
 */
function labels(random: Random, n: number, classes: number[], skew: number): number[] {
  const weights = classes.map((_, position) => skew ** position);
  const total = weights.reduce((sum, w) => sum + w, 0);
  return Array.from({ length: n }, () => {
    let r = random.next() * total;
    for (let c = 0; c < classes.length; c++) {
      r -= weights[c] as number;
      if (r < 0) return classes[c] as number;
    }
    return classes[classes.length - 1] as number;
  });
}

export default function generate(): GeneratedTest[] {
  const random = createRandom(20261129);
  // 30 distinct labels in -50..50, listed in no particular order.
  const thirtyClasses = Array.from({ length: 30 }, (_, c) => ((c * 7919) % 101) - 50);
  return [
    { name: 'random-small', args: [labels(random, 40, [3, 1, 12, 2], 0.6), 3] },
    { name: 'random-2000-five-classes', args: [labels(random, 2000, [40, 7, -3, 19, 100], 0.5), 5] },
    { name: 'binary-200000', args: [labels(random, 200_000, [0, 1], 0.1), 10] },
    { name: 'thirty-classes-150000', args: [labels(random, 150_000, thirtyClasses, 0.85), 4] },
    {
      name: 'many-classes-200000',
      args: [Array.from({ length: 200_000 }, () => random.int(-50_000, 50_000)), 7],
    },
    { name: 'thousand-folds-100000', args: [Array.from({ length: 100_000 }, () => random.int(-500, 500)), 1000] },
  ];
}
