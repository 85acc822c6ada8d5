import { createRandom, type GeneratedTest, type Random } from '@assay/problems/generator';

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * n samples with d features uniform in [-range, range] (rounded to `digits` decimals). The label
 * comes from feature `informative`: its range is cut into `classes` equal bands, and a fraction
 * `noise` of the labels is replaced by a random class.
 */
function dataset(
  random: Random,
  n: number,
  d: number,
  classes: number,
  opts: { range: number; digits: number; informative: number; noise: number },
): [number[][], number[]] {
  const X = Array.from({ length: n }, () =>
    Array.from({ length: d }, () => round((random.next() * 2 - 1) * opts.range, opts.digits)),
  );
  const y = X.map((row) => {
    if (random.next() < opts.noise) return random.int(0, classes - 1);
    const band = Math.floor((((row[opts.informative] as number) + opts.range) / (2 * opts.range)) * classes);
    return Math.min(classes - 1, band);
  });
  return [X, y];
}

/** Large samples, many features, few distinct values, many classes and exact ties. */
export default function generate(): GeneratedTest[] {
  const random = createRandom(20261125);
  const copied = dataset(random, 10000, 4, 3, { range: 100, digits: 1, informative: 1, noise: 0.25 });
  for (const row of copied[0]) row[3] = row[1] as number;
  // Labels 1 in the middle half of 0..19999 and 0 outside: the two cuts are exactly as good.
  const mirror: [number[][], number[]] = [
    Array.from({ length: 20000 }, (_, i) => [i]),
    Array.from({ length: 20000 }, (_, i) => (i >= 5000 && i < 15000 ? 1 : 0)),
  ];
  const constant: [number[][], number[]] = [
    Array.from({ length: 50000 }, () => [42.5]),
    Array.from({ length: 50000 }, () => random.int(0, 3)),
  ];
  // Values 0.5 apart just below 10^6: a threshold at either value instead of the midpoint is off by
  // 0.25, which a relative tolerance of 1e-6 would accept; the checker does not. (A generator of its
  // own, so that the tests above stay as they were.)
  const closeRandom = createRandom(20261129);
  const nearMillion: [number[][], number[]] = [[], []];
  for (let i = 0; i < 20000; i++) {
    const row = [999000 + closeRandom.int(0, 4000) * 0.5, -1000000 + closeRandom.int(0, 4000) * 0.25];
    nearMillion[0].push(row);
    const informative = row[1] as number;
    nearMillion[1].push(closeRandom.next() < 0.2 ? closeRandom.int(0, 1) : informative > -999500.125 ? 1 : 0);
  }
  return [
    { name: 'near-million-halves-20000x2', args: nearMillion },
    { name: 'random-2000x3', args: dataset(random, 2000, 3, 2, { range: 10, digits: 2, informative: 2, noise: 0.3 }) },
    {
      name: 'single-feature-100000',
      args: dataset(random, 100000, 1, 3, { range: 1000, digits: 2, informative: 0, noise: 0.3 }),
    },
    {
      name: 'five-features-20000',
      args: dataset(random, 20000, 5, 5, { range: 1000, digits: 2, informative: 3, noise: 0.4 }),
    },
    { name: 'wide-500x100', args: dataset(random, 500, 100, 2, { range: 50, digits: 2, informative: 77, noise: 0.2 }) },
    {
      name: 'few-distinct-50000x2',
      args: dataset(random, 50000, 2, 4, { range: 20, digits: 0, informative: 1, noise: 0.5 }),
    },
    {
      name: 'hundred-classes-5000x10',
      args: dataset(random, 5000, 10, 100, { range: 1000, digits: 1, informative: 6, noise: 0.1 }),
    },
    {
      name: 'large-values-20000x3',
      args: dataset(random, 20000, 3, 3, { range: 1000000, digits: 3, informative: 0, noise: 0.2 }),
    },
    { name: 'copied-column-10000x4', args: copied },
    { name: 'mirror-ties-20000', args: mirror },
    { name: 'constant-feature-50000', args: constant },
  ];
}
