import { createRandom, type GeneratedTest, type Random } from '@assay/problems/generator';

/**
 * A forest of `trees` trees over n points with labels from `classes`: each tree predicts a point's
 * label with probability `accuracy`, otherwise a random class (possibly the right one).
 */
function forest(
  random: Random,
  name: string,
  n: number,
  trees: number,
  classes: number[],
  accuracy: number,
  numFeatures: number,
): GeneratedTest {
  const labels = Array.from({ length: n }, () => random.pick(classes));
  const predictions = Array.from({ length: trees }, () =>
    labels.map((y) => (random.next() < accuracy ? y : random.pick(classes))),
  );
  const seed = random.int(1, 2147483646);
  return { name, args: [labels, predictions, numFeatures, seed] };
}

export default function generate(): GeneratedTest[] {
  const random = createRandom(20261129);
  return [
    forest(random, 'random-200-points-25-trees', 200, 25, [0, 1], 0.7, 16),
    forest(random, 'multiclass-ties-1000-points-4-trees', 1000, 4, [0, 1, 2, 3, 4], 0.3, 50),
    forest(random, 'few-trees-50000-points', 50_000, 3, [0, 1, 2], 0.6, 7),
    forest(random, 'many-trees-1000-points-500-trees', 1000, 500, [3, 17, 42, 1000], 0.55, 1000),
    forest(random, 'tiny-forest-data-3-points-1000-trees', 3, 1000, [0, 1], 0.5, 1000),
    forest(random, 'max-points-100000-5-trees', 100_000, 5, [0, 1, 2, 3], 0.65, 100),
  ];
}
