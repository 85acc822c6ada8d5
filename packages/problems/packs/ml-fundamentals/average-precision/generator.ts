import { createRandom, type GeneratedTest } from '@assay/problems/generator';

const random = createRandom(20261129);

/**
 * n examples; a positive's score is shifted up by `separation`, then scores are rounded to `digits`
 * decimals, so the fewer the digits the more thresholds are shared by positives and negatives.
 */
function test(name: string, n: number, digits: number, positiveRate: number, separation: number): GeneratedTest {
  const scale = 10 ** digits;
  const labels: number[] = [];
  const scores: number[] = [];
  for (let i = 0; i < n; i++) {
    const y = random.next() < positiveRate ? 1 : 0;
    const raw = random.next() * (1 - separation) + y * separation;
    labels.push(y);
    scores.push(Math.round(raw * scale) / scale);
  }
  return { name, args: [labels, scores] };
}

export default function generate(): GeneratedTest[] {
  return [
    test('random-small', 30, 1, 0.5, 0.2),
    test('random-2000', 2_000, 2, 0.3, 0.3),
    test('rare-positives-100000', 100_000, 4, 0.005, 0.3),
    test('max-n-eleven-distinct-scores', 200_000, 1, 0.5, 0.1),
    test('max-n-fine-scores', 200_000, 7, 0.4, 0.2),
  ];
}
