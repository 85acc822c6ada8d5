import { createRandom, type GeneratedTest, type Random } from '@assay/problems/generator';

/**
 * n training points whose category is one of `categories` values spread over [0, spread) and whose
 * label depends on the category (a fraction `noise` of the labels is random instead), then q queries,
 * a fraction `unseen` of them from categories outside the training set.
 */
function problem(
  random: Random,
  n: number,
  q: number,
  bags: number,
  opts: { categories: number; labels: number; noise: number; spread?: number; unseen?: number; seed?: number },
): unknown[] {
  const spread = opts.spread ?? opts.categories;
  const values = Array.from({ length: opts.categories }, (_, k) =>
    Math.floor(((k + random.next()) * spread) / opts.categories),
  );
  const labelOf = values.map(() => random.int(0, opts.labels - 1));
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const k = random.int(0, opts.categories - 1);
    x.push(values[k] as number);
    y.push(random.next() < opts.noise ? random.int(0, opts.labels - 1) : (labelOf[k] as number));
  }
  const known = new Set(x);
  const queries = Array.from({ length: q }, () => {
    if (random.next() < (opts.unseen ?? 0)) {
      let c = random.int(0, spread + 10);
      while (known.has(c)) c = random.int(0, spread + 10);
      return c;
    }
    return x[random.int(0, n - 1)] as number;
  });
  return [x, y, queries, bags, opts.seed ?? random.int(1, 2147483646)];
}

/** Edge cases first, then problems at the size limit bags · (n + q) <= 3 · 10^5. */
export default function generate(): GeneratedTest[] {
  const random = createRandom(20261129);
  return [
    { name: 'single-point', args: [[3], [9], [3, 4, 3], 5, 123] },
    { name: 'no-queries', args: problem(random, 12, 0, 4, { categories: 3, labels: 2, noise: 0.3 }) },
    { name: 'one-bag', args: problem(random, 20, 10, 1, { categories: 4, labels: 3, noise: 0.4 }) },
    {
      name: 'all-unseen-queries',
      args: problem(random, 30, 15, 7, { categories: 5, labels: 3, noise: 0.5, unseen: 1 }),
    },
    { name: 'two-bags-vote-ties', args: problem(random, 16, 40, 2, { categories: 4, labels: 4, noise: 0.9 }) },
    { name: 'four-bags-vote-ties', args: problem(random, 10, 30, 4, { categories: 3, labels: 4, noise: 0.9 }) },
    { name: 'label-ties-in-bags', args: problem(random, 8, 20, 9, { categories: 2, labels: 2, noise: 1 }) },
    { name: 'one-category', args: problem(random, 25, 5, 11, { categories: 1, labels: 3, noise: 0.7 }) },
    {
      name: 'extreme-values',
      args: [
        [0, 1000000000, 0, 1000000000, 0],
        [1000000000, 0, 0, 1000000000, 1000000000],
        [0, 1000000000, 7],
        6,
        2147483646,
      ],
    },
    { name: 'seed-one', args: problem(random, 9, 12, 5, { categories: 3, labels: 3, noise: 0.5, seed: 1 }) },
    {
      name: 'max-seed',
      args: problem(random, 50, 20, 15, { categories: 6, labels: 3, noise: 0.5, unseen: 0.2, seed: 2147483646 }),
    },
    {
      name: 'duplicates-matter-60x25',
      args: problem(random, 60, 40, 25, { categories: 10, labels: 3, noise: 0.6, unseen: 0.1 }),
    },
    {
      name: 'random-200x300-bags-31',
      args: problem(random, 200, 300, 31, { categories: 20, labels: 5, noise: 0.5, unseen: 0.1 }),
    },
    {
      name: 'bags-100-n1000-q2000',
      args: problem(random, 1000, 2000, 100, { categories: 50, labels: 4, noise: 0.4, unseen: 0.05 }),
    },
    {
      name: 'bags-2-n100000-q50000',
      args: problem(random, 100000, 50000, 2, {
        categories: 5000,
        labels: 10,
        noise: 0.3,
        spread: 1000000000,
        unseen: 0.1,
      }),
    },
    { name: 'bags-100000-n2-q1', args: problem(random, 2, 1, 100000, { categories: 2, labels: 2, noise: 1 }) },
    {
      name: 'many-categories-30000x20000',
      args: problem(random, 30000, 20000, 6, {
        categories: 20000,
        labels: 50,
        noise: 0.5,
        spread: 1000000000,
        unseen: 0.2,
      }),
    },
    {
      name: 'bags-2-n75000-q75000',
      args: problem(random, 75000, 75000, 2, { categories: 300, labels: 3, noise: 0.5, unseen: 0.01 }),
    },
  ];
}
