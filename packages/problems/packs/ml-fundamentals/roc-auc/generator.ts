import { createRandom, type GeneratedTest } from '@assay/problems/generator';

const random = createRandom(20260413);

/**
 * n examples; a positive's score is shifted up by `separation`, then scores are rounded to `digits`
 * decimals, so the fewer the digits the more ties between positives and negatives.
 */
function test(name: string, n: number, digits: number, positiveRate: number, separation: number): GeneratedTest {
  const scale = 10 ** digits;
  const labels: number[] = [];
  const scores: number[] = [];
  for (let i = 0; i < n; i++) {
    const y = random.next() < positiveRate ? 1 : 0;
    const raw = Math.min(1, Math.max(0, random.next() * (1 - separation) + y * separation));
    labels.push(y);
    scores.push(Math.round(raw * scale) / scale);
  }
  return { name, args: [labels, scores] };
}

export default function generate(): GeneratedTest[] {
  return [
    test('random-small', 30, 1, 0.5, 0.2),
    test('random-2000', 2_000, 2, 0.4, 0.3),
    test('rare-positives-50000', 50_000, 3, 0.01, 0.4),
    test('max-n-ties', 200_000, 3, 0.5, 0.25),
    test('max-n-eleven-distinct-scores', 200_000, 1, 0.5, 0.1),
    test('n-150000-fine-scores', 150_000, 6, 0.5, 0.15),
  ];
}
