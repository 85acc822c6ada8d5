import { createRandom, type GeneratedTest } from '@assay/problems/generator';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';

/** Large reports: every key distinct, many small groups, one huge group and a few hot keys. */
export default function generate(): GeneratedTest[] {
  const random = createRandom(20260311);
  const value = () => random.int(-1_000_000, 1_000_000) / 100;
  /** `count` distinct keys of `length` characters, mixing digits, both cases and underscores. */
  const distinctKeys = (count: number, length: number): string[] => {
    const seen = new Set<string>();
    while (seen.size < count) {
      let key = '';
      for (let i = 0; i < length; i++) key += ALPHABET[random.int(0, ALPHABET.length - 1)];
      seen.add(key);
    }
    return [...seen];
  };
  const records = (keys: () => string, n: number) => Array.from({ length: n }, () => ({ key: keys(), value: value() }));

  const distinct = distinctKeys(50_000, 3);
  const pool = distinctKeys(20_000, 3);
  const hot = distinctKeys(40, 2);
  return [
    // Every count is 1, so the order is the key order; g = n makes a rescan per key O(n^2).
    { name: 'all-distinct-50000', args: [distinct.map((key) => ({ key, value: value() })), 1000] },
    { name: 'many-keys-50000', args: [records(() => random.pick(pool), 50_000), 1000] },
    { name: 'one-key-30000', args: [records(() => 'only_key', 30_000), 10] },
    // Skewed popularity: key i is drawn with weight proportional to 1 / (i + 1).
    {
      name: 'skewed-20000',
      args: [
        records(() => hot[Math.min(hot.length - 1, Math.floor(hot.length ** random.next()) - 1)] as string, 20_000),
        50,
      ],
    },
    { name: 'random-300', args: [records(() => random.pick(hot.slice(0, 25)), 300), 25] },
  ];
}
