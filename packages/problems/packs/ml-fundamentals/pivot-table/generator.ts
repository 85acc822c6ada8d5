import { createRandom, type GeneratedTest, type Random } from '@assay/problems/generator';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz-';

type Record = { row: string; column: string; value: number };

const rec = (row: string, column: string, value: number): Record => ({ row, column, value });

/** `count` distinct keys of `length` characters, mixing digits, both cases, `_` and `-`. */
function distinctKeys(random: Random, count: number, length: number): string[] {
  const seen = new Set<string>();
  while (seen.size < count) {
    let key = '';
    for (let i = 0; i < length; i++) key += ALPHABET[random.int(0, ALPHABET.length - 1)];
    seen.add(key);
  }
  return [...seen];
}

/** Edge cases by hand (each aimed at one known mistake), then large sparse and dense tables. */
export default function generate(): GeneratedTest[] {
  const random = createRandom(20261129);
  const value = () => random.int(-1_000_000, 1_000_000) / 100;
  const records = (rows: string[], columns: string[], n: number) =>
    Array.from({ length: n }, () => rec(random.pick(rows), random.pick(columns), value()));

  const rowKeys = distinctKeys(random, 300, 4);
  const columnKeys = distinctKeys(random, 300, 4);
  const manyRows = distinctKeys(random, 40_000, 5);
  const fewRows = distinctKeys(random, 12, 6);
  const fewColumns = distinctKeys(random, 8, 3);
  // Every cell of a 200 x 200 grid has exactly one record.
  const dense = rowKeys
    .slice(0, 200)
    .flatMap((row) => columnKeys.slice(0, 200).map((column) => rec(row, column, value())));
  random.shuffle(dense);

  return [
    { name: 'empty-mean', args: [[], 'mean', -1] },
    { name: 'single-record-count', args: [[rec('a', 'b', 3.5)], 'count', 0] },
    // Three records in one cell: a last-value-wins sum would give 4.
    { name: 'repeated-cell-sum', args: [[rec('r', 'c', 1.25), rec('r', 'c', 2.5), rec('r', 'c', 4)], 'sum', 0] },
    {
      name: 'repeated-cells-mean',
      args: [[rec('x', 'p', 2), rec('y', 'p', -1), rec('x', 'p', 4), rec('x', 'q', 10), rec('y', 'p', -3)], 'mean', 0],
    },
    // Missing cells with a fill value that is not 0.
    {
      name: 'diagonal-fill-minus-one',
      args: [[rec('a', 'a', 5), rec('b', 'b', 6), rec('c', 'c', 7)], 'sum', -1],
    },
    { name: 'fill-value-count', args: [[rec('u', 'x', 1), rec('v', 'y', 2), rec('u', 'x', 3)], 'count', 0.5] },
    { name: 'fill-nan-free-mean', args: [[rec('s1', 'b', 1), rec('s2', 'a', 2)], 'mean', 99.99] },
    // Columns appear in reverse order.
    {
      name: 'columns-reverse-appearance',
      args: [[rec('r1', 'z', 1), rec('r1', 'm', 2), rec('r2', 'a', 3), rec('r1', 'a', 4)], 'sum', 0],
    },
    // A row with records in several cells: the mean is per cell, not per row.
    {
      name: 'mean-per-cell-not-row',
      args: [
        [rec('row', 'c1', 1), rec('row', 'c1', 3), rec('row', 'c2', 10), rec('row', 'c3', 7), rec('row', 'c3', 9)],
        'mean',
        0,
      ],
    },
    // Numeric-looking keys sort as strings: "10" < "100" < "2" < "9".
    {
      name: 'numeric-looking-keys',
      args: [
        [rec('10', '2024-10', 1), rec('9', '2024-9', 2), rec('2', '2024-10', 3), rec('100', '2024-9', 4)],
        'sum',
        0,
      ],
    },
    // Code-unit order: digits, upper case, '_', lower case.
    {
      name: 'case-and-underscore-keys',
      args: [
        [rec('apple', 'b', 1), rec('Banana', 'B', 2), rec('_x', 'a', 3), rec('Apple', 'A', 4), rec('banana', '_', 5)],
        'sum',
        0,
      ],
    },
    {
      name: 'prefix-keys',
      args: [[rec('ab', 'a', 1), rec('a', 'ab', 2), rec('abc', 'a', 3), rec('a', 'a', 4)], 'count', -2],
    },
    {
      name: 'cancelling-values',
      args: [[rec('k', 'v', 10000), rec('k', 'v', -10000), rec('k', 'w', -0.01)], 'mean', 1],
    },
    {
      name: 'extreme-values',
      args: [[rec('hi', 'x', 10000), rec('hi', 'x', 10000), rec('lo', 'y', -10000)], 'sum', -10000],
    },
    { name: 'one-cell-many', args: [records(['only'], ['cell'], 2000), 'mean', 0] },
    { name: 'random-small-sum', args: [records(fewRows, fewColumns, 60), 'sum', -5.5] },
    { name: 'random-small-mean', args: [records(fewRows, fewColumns, 40), 'mean', 0] },
    // Large: a 300 x 300 grid, sparse and dense, so rescanning the records per cell is O(R·C·n).
    { name: 'sparse-300x300-sum', args: [records(rowKeys, columnKeys, 30_000), 'sum', 0] },
    { name: 'dense-200x200-mean', args: [dense, 'mean', -1] },
    { name: 'tall-40000x2-count', args: [records(manyRows, ['left', 'right'], 50_000), 'count', 0] },
    { name: 'small-table-50000-mean', args: [records(fewRows, fewColumns, 50_000), 'mean', 0] },
  ];
}
