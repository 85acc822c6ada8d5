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

export default function generate(): GeneratedTest[] {
  return [
    test('random-small', 40, 30, 1),
    test('random-1000', 1000, 500, 2),
    test('rare-positives-20000', 20_000, 2_000, 4, 0.02),
    test('max-n-max-q', 100_000, 10_000, 3),
    test('max-n-max-q-fine-scores', 100_000, 10_000, 4, 0.3),
  ];
}
