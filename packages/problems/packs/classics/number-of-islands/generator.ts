import { createRandom, type GeneratedTest } from '@assay/problems/generator';

const grid = (m: number, n: number, land: (r: number, c: number) => boolean): string[] =>
  Array.from({ length: m }, (_, r) => Array.from({ length: n }, (_, c) => (land(r, c) ? '1' : '0')).join(''));

/** Large maps: random noise, one island covering everything, a serpent, and stripes. */
export default function generate(): GeneratedTest[] {
  const random = createRandom(20261122);
  const noise = (m: number, n: number, p: number) => grid(m, n, () => random.next() < p);
  return [
    { name: 'random-50x80', args: [noise(50, 80, 0.45)] },
    { name: 'random-300x300-sparse', args: [noise(300, 300, 0.2)] },
    { name: 'random-1000x1000', args: [noise(1000, 1000, 0.5)] },
    { name: 'all-land-1000x1000', args: [grid(1000, 1000, () => true)] },
    // One island that winds through every row: a million-cell path for any search to follow.
    {
      name: 'serpent-1000x1000',
      args: [grid(1000, 1000, (r, c) => r % 2 === 0 || (r % 4 === 1 ? c === 999 : c === 0))],
    },
    { name: 'stripes-1x1000', args: [grid(1, 1000, (_r, c) => c % 3 !== 2)] },
    { name: 'checkerboard-400x400', args: [grid(400, 400, (r, c) => (r + c) % 2 === 0)] },
  ];
}
