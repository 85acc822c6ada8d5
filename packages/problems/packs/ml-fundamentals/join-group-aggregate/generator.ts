import { createRandom, type GeneratedTest, type Random } from '@assay/problems/generator';

type Order = { orderId: number; country: string | null };
type Item = { orderId: number; price: number; quantity: number };

const o = (orderId: number, country: string | null): Order => ({ orderId, country });
const i = (orderId: number, price: number, quantity: number): Item => ({ orderId, price, quantity });

const COUNTRIES = [
  'DE',
  'FR',
  'US',
  'GB',
  'IT',
  'ES',
  'NL',
  'PL',
  'SE',
  'JP',
  'BR',
  'IN',
  'de',
  'United Kingdom',
  'N_A',
];

/** A price in [0, max] with 2 decimals. */
const price = (random: Random, max: number) => random.int(0, max * 100) / 100;

/**
 * `n` orders with distinct shuffled ids from 1..idRange, each with a country from `countries` or,
 * with probability `nulls`, none.
 */
function makeOrders(random: Random, n: number, idRange: number, countries: string[], nulls: number): Order[] {
  const ids = new Set<number>();
  while (ids.size < n) ids.add(random.int(1, idRange));
  return [...ids].map((id) => o(id, random.next() < nulls ? null : random.pick(countries)));
}

/**
 * `m` lines: a fraction `orphans` refers to ids not in `orders`; the others to orders drawn with
 * weight 1 / (rank + 1) when `skewed`, uniformly otherwise (so orders get zero, one or many lines).
 */
function makeItems(
  random: Random,
  m: number,
  orders: Order[],
  idRange: number,
  orphans: number,
  skewed = false,
): Item[] {
  const taken = new Set(orders.map((order) => order.orderId));
  return Array.from({ length: m }, () => {
    let orderId: number;
    if (orders.length === 0 || random.next() < orphans) {
      do orderId = random.int(1, idRange);
      while (taken.has(orderId));
    } else {
      const k = skewed
        ? Math.min(orders.length - 1, Math.floor(orders.length ** random.next()) - 1)
        : random.int(0, orders.length - 1);
      orderId = (orders[k] as Order).orderId;
    }
    return i(orderId, price(random, 1000), random.int(1, 100));
  });
}

/** Hand-made edge cases, then large tables (the expected values come from the accepted JS solution). */
export default function generate(): GeneratedTest[] {
  const random = createRandom(20261130);
  const small: GeneratedTest[] = [
    { name: 'both-empty', args: [[], []] },
    { name: 'no-orders', args: [[], [i(1, 5, 1), i(2, 3, 2)]] },
    // Every line refers to a deleted order.
    {
      name: 'nothing-joins',
      args: [
        [o(1, 'DE'), o(2, 'FR')],
        [i(3, 5, 1), i(4, 3, 2)],
      ],
    },
    { name: 'single-line', args: [[o(7, 'JP')], [i(7, 19.99, 3)]] },
    // FR's only order has no line: an inner join drops FR, a left join keeps it with no revenue.
    {
      name: 'orders-without-lines',
      args: [
        [o(1, 'DE'), o(2, 'FR'), o(3, 'DE'), o(4, 'IT'), o(5, 'DE')],
        [i(1, 10, 1), i(3, 4, 2), i(4, 2.5, 2)],
      ],
    },
    // One order with five lines against two countries with two one-line orders: counting rows instead
    // of distinct orders, or keeping one line per order, changes counts, revenue and the order.
    {
      name: 'many-lines-one-order',
      args: [
        [o(100, 'SE'), o(200, 'NL'), o(201, 'NL'), o(300, 'PL'), o(301, 'PL')],
        [
          i(100, 1, 1),
          i(100, 2, 2),
          i(100, 3, 3),
          i(100, 4, 4),
          i(100, 5, 5),
          i(200, 50, 1),
          i(201, 0.5, 1),
          i(300, 7, 1),
          i(301, 8, 1),
        ],
      ],
    },
    // Null countries: a group of their own, last among groups with as many orders.
    {
      name: 'null-country-ties',
      args: [
        [o(1, null), o(2, 'BR'), o(3, null), o(4, 'AR'), o(5, 'BR'), o(6, 'ZA')],
        [i(1, 3, 1), i(2, 4, 1), i(3, 5, 2), i(4, 6, 1), i(5, 1, 1), i(6, 2, 2)],
      ],
    },
    {
      name: 'only-null-country',
      args: [
        [o(1, null), o(2, null)],
        [i(1, 1.5, 2), i(2, 2.25, 4), i(2, 1, 1)],
      ],
    },
    // The string "null" is a country; the null group is another.
    {
      name: 'string-null-country',
      args: [
        [o(1, 'null'), o(2, null), o(3, 'null')],
        [i(1, 1, 1), i(2, 2, 1), i(3, 3, 1), i(2, 4, 1)],
      ],
    },
    // Case-sensitive countries in code-unit order: "DE" < "De" < "d e" < "de".
    {
      name: 'case-sensitive-countries',
      args: [
        [o(1, 'de'), o(2, 'DE'), o(3, 'De'), o(4, 'd e'), o(5, 'de')],
        [i(1, 1, 1), i(2, 1, 1), i(3, 1, 1), i(4, 1, 1), i(5, 1, 1)],
      ],
    },
    // Free lines (price 0) still count as lines and orders.
    {
      name: 'zero-prices',
      args: [
        [o(1, 'US'), o(2, 'CA')],
        [i(1, 0, 5), i(2, 0, 1), i(2, 0.01, 100)],
      ],
    },
    // Averages per order differ from averages per line: 1 line of 90 vs 9 lines of 10.
    {
      name: 'average-per-order',
      args: [
        [o(1, 'GB'), o(2, 'IE')],
        [i(1, 90, 1), ...Array.from({ length: 9 }, () => i(2, 10, 1))],
      ],
    },
  ];

  const randomOrders = makeOrders(random, 300, 1000, COUNTRIES, 0.1);
  const skewOrders = makeOrders(random, 20000, 1_000_000, COUNTRIES, 0.05);
  const manyCountries = Array.from({ length: 5000 }, (_, k) => `C${k.toString(36)}`);
  const wideOrders = makeOrders(random, 25000, 1_000_000, manyCountries, 0.02);
  const bigOrders = makeOrders(random, 40000, 1_000_000, COUNTRIES, 0.08);
  return [
    ...small,
    { name: 'random-300', args: [randomOrders, makeItems(random, 600, randomOrders, 1000, 0.1)] },
    { name: 'skewed-lines-20000', args: [skewOrders, makeItems(random, 50000, skewOrders, 1_000_000, 0.05, true)] },
    { name: 'many-countries-25000', args: [wideOrders, makeItems(random, 40000, wideOrders, 1_000_000, 0.1)] },
    // A third of the lines are orphans and the rest spread over 40000 orders: a nested loop scans
    // O(orders) per line.
    { name: 'large-40000x50000', args: [bigOrders, makeItems(random, 50000, bigOrders, 1_000_000, 0.33)] },
  ];
}
