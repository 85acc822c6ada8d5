import { createRandom, type GeneratedTest, type Random } from '@assay/problems/generator';

interface Data {
  trainX: number[][];
  trainY: number[];
  queries: number[][];
}

/** Points scattered around `centers` blobs, each blob mostly of one class. */
function blobs(random: Random, n: number, q: number, d: number, classes: number, spread: number): Data {
  const centers = Array.from({ length: classes * 2 }, () => Array.from({ length: d }, () => random.int(-8000, 8000)));
  const clamp = (v: number) => Math.max(-10000, Math.min(10000, v));
  const near = (c: number[]) => c.map((v) => clamp(v + random.int(-spread, spread)));
  const trainX: number[][] = [];
  const trainY: number[] = [];
  for (let i = 0; i < n; i++) {
    const b = random.int(0, centers.length - 1);
    trainX.push(near(centers[b] as number[]));
    trainY.push(random.next() < 0.8 ? b % classes : random.int(0, classes - 1));
  }
  const queries = Array.from({ length: q }, () => near(random.pick(centers)));
  return { trainX, trainY, queries };
}

/** Uniform points in a small box, so that many distances tie. */
function box(random: Random, n: number, q: number, d: number, side: number, label: () => number): Data {
  const point = () => Array.from({ length: d }, () => random.int(-side, side));
  return {
    trainX: Array.from({ length: n }, point),
    trainY: Array.from({ length: n }, label),
    queries: Array.from({ length: q }, point),
  };
}

const test = (name: string, data: Data, k: number): GeneratedTest => ({
  name,
  args: [data.trainX, data.trainY, data.queries, k],
});

/** Dense ties, the largest k, many labels, and the largest training sets. */
export default function generate(): GeneratedTest[] {
  const random = createRandom(20261124);
  const grid: number[][] = [];
  for (let x = 0; x < 20; x++) for (let y = 0; y < 20; y++) grid.push([x * 2, y * 2]);
  const gridQueries: number[][] = [];
  for (let x = -1; x <= 39; x += 3) for (let y = -1; y <= 39; y += 2) gridQueries.push([x, y]);
  return [
    test('grid-ties-20x20', { trainX: grid, trainY: grid.map(() => random.int(0, 2)), queries: gridQueries }, 4),
    test(
      'small-box-2d',
      box(random, 2000, 300, 2, 25, () => random.int(0, 4)),
      7,
    ),
    test('blobs-3d-even-k', blobs(random, 3000, 300, 3, 4, 3000), 10),
    test(
      'line-1d-dense-ties',
      box(random, 20000, 50, 1, 100, () => random.int(0, 3)),
      15,
    ),
    test(
      'many-labels-2d',
      box(random, 20000, 50, 2, 10000, () => random.int(0, 1000000000)),
      50,
    ),
    test('max-k-4d', blobs(random, 20000, 50, 4, 6, 4000), 50),
    test(
      'max-k-small-box-3d',
      box(random, 20000, 50, 3, 50, () => random.int(0, 9)),
      50,
    ),
    test('blobs-8d-small-k', blobs(random, 10000, 100, 8, 10, 2500), 5),
    // The largest k with the largest n · q (issue 14: sorting every query's distances fits the limit).
    test(
      'max-k-line-1d',
      box(createRandom(20261128), 20000, 50, 1, 5000, () => random.int(0, 5)),
      50,
    ),
    // The most queries, over a smaller training set.
    test(
      'many-queries-2d',
      box(createRandom(20261129), 1000, 1000, 2, 300, () => random.int(0, 4)),
      25,
    ),
  ];
}
