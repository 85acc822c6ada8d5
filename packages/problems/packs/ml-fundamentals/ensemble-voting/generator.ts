import { createRandom, type GeneratedTest, type Random } from '@assay/problems/generator';

/**
 * m models voting on n samples. Each model reproduces a hidden "true" label with probability
 * `accuracy` and otherwise predicts a random label from `labels`.
 */
function ensemble(random: Random, m: number, n: number, labels: () => number, accuracy: number): number[][] {
  const truth = Array.from({ length: n }, labels);
  return Array.from({ length: m }, () => truth.map((t) => (random.next() < accuracy ? t : labels())));
}

/** Large ensembles: many tiny-label ties, many models, and huge label spaces. */
export default function generate(): GeneratedTest[] {
  const random = createRandom(20261123);
  const weights = (m: number, max: number) => Array.from({ length: m }, () => random.int(0, max));
  const small = (k: number) => () => random.int(0, k - 1);
  return [
    { name: 'random-5x200-ties', args: [ensemble(random, 5, 200, small(4), 0.3), weights(5, 3)] },
    { name: 'random-8x300-equal-weights', args: [ensemble(random, 8, 300, small(3), 0.2), Array(8).fill(7)] },
    { name: 'many-models-500x200', args: [ensemble(random, 500, 200, small(10), 0.15), weights(500, 10)] },
    {
      name: 'max-weights-1000x100',
      args: [ensemble(random, 1000, 100, small(2), 0.05), Array(1000).fill(1000000)],
    },
    { name: 'two-labels-4x50000', args: [ensemble(random, 4, 50000, small(2), 0.5), [1, 1, 2, 2]] },
    // Labels from a space of a million: almost every vote is a label of its own.
    {
      name: 'distinct-labels-2x60000',
      args: [ensemble(random, 2, 60000, small(1000000), 0.3), weights(2, 1000000)],
    },
    {
      name: 'huge-labels-10x5000',
      args: [ensemble(random, 10, 5000, () => random.int(0, 1000000000), 0.4), weights(10, 1000000)],
    },
    {
      name: 'wide-labels-20x8000',
      args: [ensemble(random, 20, 8000, small(200000), 0.5), weights(20, 5)],
    },
    ...manyModels(),
  ];
}

/** The most models the constraints allow: recounting each model's label over all models is O(m² · n). */
function manyModels(): GeneratedTest[] {
  const random = createRandom(20261128);
  const weights = (m: number, max: number) => Array.from({ length: m }, () => random.int(0, max));
  const small = (k: number) => () => random.int(0, k - 1);
  return [
    { name: 'max-models-100000x2', args: [ensemble(random, 100000, 2, small(50), 0.1), weights(100000, 1000000)] },
    { name: 'many-models-20000x10', args: [ensemble(random, 20000, 10, small(1000), 0.2), weights(20000, 100)] },
    { name: 'many-models-50000x4-ties', args: [ensemble(random, 50000, 4, small(2), 0), weights(50000, 1)] },
  ];
}
