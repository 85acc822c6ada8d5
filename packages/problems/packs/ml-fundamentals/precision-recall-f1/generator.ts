import { createRandom, type GeneratedTest } from '@assay/problems/generator';

const random = createRandom(20260412);

/** Scores rounded to `digits` decimals (so ties are common), labels drawn to agree with the scores. */
function dataset(n: number, digits: number, positiveRate: number): { labels: number[]; scores: number[] } {
  const scale = 10 ** digits;
  const scores = Array.from({ length: n }, () => Math.round(random.next() * scale) / scale);
  const labels = scores.map((s) => (random.next() < positiveRate * 2 * s ? 1 : 0));
  return { labels, scores };
}

/** Thresholds: half copied from the scores (exact ties), half fresh values in [0, 1]. */
function thresholds(scores: number[], q: number, digits: number): number[] {
  const scale = 10 ** digits;
  return Array.from({ length: q }, () =>
    random.next() < 0.5 ? random.pick(scores) : Math.round(random.next() * scale) / scale,
  );
}

function test(name: string, n: number, q: number, digits: number, positiveRate = 0.5): GeneratedTest {
  const { labels, scores } = dataset(n, digits, positiveRate);
  return { name, args: [labels, scores, thresholds(scores, q, digits)] };
}

/**
 * Scores that print in exponent form (1e-7, 5e-324) mixed with ordinary ones: the default
 * Array.prototype.sort() compares numbers as strings and puts "1e-7" after "0.9".
 */
function tinyScores(name: string, n: number, q: number): GeneratedTest {
  const tiny = createRandom(20261128);
  const score = () => {
    const kind = tiny.int(0, 3);
    if (kind === 0) return tiny.int(1, 9) * 10 ** -tiny.int(7, 300);
    if (kind === 1) return tiny.pick([5e-324, 1e-7, 2.5e-7, 1e-10, 9.99e-8]);
    return Math.round(tiny.next() * 1000) / 1000;
  };
  const scores = Array.from({ length: n }, score);
  const labels = scores.map(() => (tiny.next() < 0.5 ? 1 : 0));
  const cuts = Array.from({ length: q }, () => (tiny.next() < 0.6 ? tiny.pick(scores) : score()));
  return { name, args: [labels, scores, cuts] };
}

export default function generate(): GeneratedTest[] {
  return [
    {
      name: 'exponent-form-scores',
      args: [
        [1, 0, 1, 0, 1, 0],
        [1e-7, 0.5, 5e-324, 2e-7, 0.9, 1e-10],
        [1e-7, 5e-324, 0, 1.5e-7, 1e-10, 0.5],
      ],
    },
    tinyScores('exponent-form-2000', 2000, 500),
    test('random-small', 40, 30, 1),
    test('random-1000', 1000, 500, 2),
    test('rare-positives-20000', 20_000, 2_000, 4, 0.02),
    test('max-n-max-q', 100_000, 30_000, 3),
    test('max-n-max-q-fine-scores', 100_000, 30_000, 4, 0.3),
  ];
}
