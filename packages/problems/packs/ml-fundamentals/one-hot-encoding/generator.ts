import { createRandom, type GeneratedTest, type Random } from '@assay/problems/generator';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz- ';

/** `count` distinct strings of `length` characters drawn from the whole alphabet. */
function distinctValues(random: Random, count: number, length: number): string[] {
  const seen = new Set<string>();
  while (seen.size < count) {
    let value = '';
    for (let i = 0; i < length; i++) value += ALPHABET[random.int(0, ALPHABET.length - 1)];
    seen.add(value);
  }
  return [...seen];
}

/**
 * A table of `rows` rows; column j draws from `pools[j]` (its seen values) and, with probability
 * `unseen`, from `novel[j]` instead (values that never occur in training).
 */
function table(random: Random, rows: number, pools: string[][], novel: string[][] = [], unseen = 0): string[][] {
  return Array.from({ length: rows }, () =>
    pools.map((pool, j) => {
      const other = novel[j];
      return other !== undefined && other.length > 0 && random.next() < unseen ? random.pick(other) : random.pick(pool);
    }),
  );
}

/** Hand-made edge cases, then large tables (the expected values come from the accepted JS solution). */
export default function generate(): GeneratedTest[] {
  const random = createRandom(20261129);
  const small: GeneratedTest[] = [
    { name: 'single-row', args: [['x'], [['only']], [['only'], ['other'], ['']]] },
    {
      name: 'no-test-rows',
      args: [
        ['a', 'b'],
        [
          ['1', '2'],
          ['2', '1'],
          ['1', '1'],
        ],
        [],
      ],
    },
    // Every test value is unseen: every test row is empty.
    {
      name: 'all-unseen',
      args: [
        ['a', 'b'],
        [
          ['p', 'q'],
          ['r', 's'],
        ],
        [
          ['x', 'y'],
          ['q', 'p'],
          ['', ' '],
        ],
      ],
    },
    // One category per column: every training row is [0, 1, 2].
    {
      name: 'all-equal',
      args: [
        ['a', 'b', 'c'],
        [
          ['v', 'v', 'v'],
          ['v', 'v', 'v'],
          ['v', 'v', 'v'],
        ],
        [['v', 'w', 'v']],
      ],
    },
    // The same strings in both columns are different features.
    {
      name: 'same-values-two-columns',
      args: [
        ['home', 'away'],
        [
          ['Lyon', 'Nice'],
          ['Nice', 'Paris'],
          ['Paris', 'Lyon'],
        ],
        [
          ['Nice', 'Nice'],
          ['Brest', 'Lyon'],
        ],
      ],
    },
    // Code-unit order: space, "-", digits, upper case, "_", lower case; "" first.
    {
      name: 'code-unit-order',
      args: [
        ['k'],
        [['b'], ['B'], ['_a'], ['-a'], [' a'], ['a'], ['A'], ['10'], ['9'], [''], ['ab'], ['aB'], ['a_'], ['a-']],
        [['a'], ['Ab'], ['9'], ['-a'], ['']],
      ],
    },
    // First appearance (z, m, a) differs from the sorted order.
    { name: 'first-appearance-differs', args: [['level'], [['z'], ['m'], ['a'], ['m'], ['z']], [['a'], ['z'], ['m']]] },
    // An unseen value in the first column, and one in a later column.
    {
      name: 'unseen-first-column',
      args: [
        ['os', 'browser'],
        [
          ['linux', 'firefox'],
          ['mac', 'safari'],
          ['win', 'edge'],
        ],
        [
          ['bsd', 'safari'],
          ['mac', 'opera'],
        ],
      ],
    },
    // Unseen test values that sort before every seen one: fitting on test would shift every index.
    {
      name: 'unseen-sorts-first',
      args: [
        ['grade', 'team'],
        [
          ['C', 'red'],
          ['D', 'blue'],
          ['C', 'blue'],
        ],
        [
          ['A', 'red'],
          ['B', 'amber'],
          ['D', 'red'],
        ],
      ],
    },
    // Repeated values in one row across columns.
    {
      name: 'duplicates-across-columns',
      args: [
        ['c0', 'c1', 'c2', 'c3'],
        [
          ['a', 'a', 'a', 'a'],
          ['b', 'a', 'b', 'a'],
          ['a', 'b', 'c', 'd'],
        ],
        [
          ['a', 'b', 'c', 'd'],
          ['d', 'c', 'b', 'a'],
        ],
      ],
    },
    // Numeric-looking strings are strings.
    {
      name: 'numeric-strings',
      args: [['zip'], [['100'], ['20'], ['3'], ['020'], ['1000'], ['3']], [['20'], ['2'], ['0100'], ['1000']]],
    },
  ];

  // 20 columns of 10 to 40 categories each, 5% unseen test values.
  const wide = Array.from({ length: 20 }, (_, j) => distinctValues(random, 10 + 30 * (j % 2), random.int(1, 6)));
  const wideNovel = Array.from({ length: 20 }, () => distinctValues(random, 5, 7));
  const mid = [distinctValues(random, 20000, 4), distinctValues(random, 300, 3), distinctValues(random, 5, 2)];
  const midNovel = [distinctValues(random, 2000, 5), distinctValues(random, 50, 5), distinctValues(random, 3, 5)];
  // Every training value distinct: a lookup by linear scan costs O(cells · rows).
  const sessions = distinctValues(random, 50000, 4);
  const searches = distinctValues(random, 50000, 4);
  const distinct = [sessions, searches];
  const distinctNovel = [distinctValues(random, 20000, 5), distinctValues(random, 20000, 5)];
  const distinctTrain = sessions.map((session, i) => [session, searches[i] as string]);
  return [
    ...small,
    {
      name: 'random-200x3',
      args: [
        ['a', 'b', 'c'],
        table(
          random,
          200,
          mid.map((p) => p.slice(0, 8)),
        ),
        table(
          random,
          100,
          mid.map((p) => p.slice(0, 10)),
        ),
      ],
    },
    {
      name: 'wide-6000x20',
      args: [
        Array.from({ length: 20 }, (_, j) => `f${j}`),
        table(random, 6000, wide),
        table(random, 6000, wide, wideNovel, 0.05),
      ],
    },
    {
      name: 'many-categories-40000x3',
      args: [['user', 'item', 'device'], table(random, 40000, mid), table(random, 20000, mid, midNovel, 0.2)],
    },
    {
      name: 'all-distinct-50000x2',
      args: [['session', 'query'], distinctTrain, table(random, 15000, distinct, distinctNovel, 0.5)],
    },
  ];
}
