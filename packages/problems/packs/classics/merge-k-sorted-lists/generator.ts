import { createRandom, type GeneratedTest } from '@assay/problems/generator';

/**
 * Large inputs: the worst case for a scan of all k heads per node (10^4 lists of 10 nodes), long lists,
 * mostly empty lists, uneven lengths, heavy duplicates and lists whose ranges do not overlap.
 */
export default function generate(): GeneratedTest[] {
  const random = createRandom(20261124);
  const sorted = (len: number, lo: number, hi: number) =>
    Array.from({ length: len }, () => random.int(lo, hi)).sort((a, b) => a - b);
  const lists = (k: number, len: number, lo: number, hi: number) =>
    Array.from({ length: k }, () => sorted(len, lo, hi));

  // 10^4 lists of random lengths (many empty) adding up to exactly 5 · 10^4 nodes.
  const cuts = Array.from({ length: 9999 }, () => random.int(0, 50000)).sort((a, b) => a - b);
  const bounds = [0, ...cuts, 50000];
  const uneven = Array.from({ length: 10000 }, (_, i) =>
    sorted((bounds[i + 1] as number) - (bounds[i] as number), -10000, 10000),
  );

  const mostlyEmpty: number[][] = Array.from({ length: 10000 }, () => []);
  for (let i = 0; i < 10; i++) mostlyEmpty[random.int(0, 9999)] = sorted(3000, -10000, 10000);

  return [
    // The worst case for scanning every head per node: 10^4 lists of 10 nodes, 10^5 nodes in all.
    { name: 'k10000-len10', args: [lists(10000, 10, -1000000, 1000000)] },
    { name: 'k10000-len10-all-equal', args: [Array.from({ length: 10000 }, () => Array(10).fill(7))] },
    { name: 'k1000-len20-full-range', args: [lists(1000, 20, -1000000000, 1000000000)] },
    { name: 'k5000-len4-small-values', args: [lists(5000, 4, -50, 50)] },
    { name: 'k10000-uneven-lengths', args: [uneven] },
    { name: 'k10000-mostly-empty', args: [mostlyEmpty] },
    { name: 'k2-len25000', args: [lists(2, 25000, -9999, 9999)] },
    { name: 'k1-len30000', args: [[Array.from({ length: 30000 }, (_, i) => i - 15000)]] },
    // List i holds the block of values just below list i - 1's: every list comes after all later ones.
    {
      name: 'k500-disjoint-descending-blocks',
      args: [Array.from({ length: 500 }, (_, i) => Array.from({ length: 40 }, (_, j) => (499 - i) * 40 + j))],
    },
  ];
}
