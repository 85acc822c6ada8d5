import { createRandom, type GeneratedTest } from '@assay/problems/generator';

const random = createRandom(20260415);

/**
 * n examples with probabilities rounded to 4 decimals (a share `extremes` of them exactly 0 or 1,
 * right or wrong), and q ranges whose length is drawn between minLength and maxLength.
 */
function test(
  name: string,
  n: number,
  q: number,
  eps: number,
  extremes: number,
  minLength: number,
  maxLength: number,
): GeneratedTest {
  const labels: number[] = [];
  const probabilities: number[] = [];
  for (let i = 0; i < n; i++) {
    const y = random.next() < 0.5 ? 1 : 0;
    labels.push(y);
    if (random.next() < extremes) probabilities.push(random.next() < 0.7 ? y : 1 - y);
    else {
      const leaning = 0.5 + (y === 1 ? 0.3 : -0.3) + (random.next() - 0.5) * 0.9;
      probabilities.push(Math.round(Math.min(1, Math.max(0, leaning)) * 10_000) / 10_000);
    }
  }
  const queries: number[][] = [];
  for (let j = 0; j < q; j++) {
    const length = random.int(Math.min(minLength, n), Math.min(maxLength, n));
    const start = random.int(0, n - length);
    queries.push([start, start + length]);
  }
  return { name, args: [labels, probabilities, eps, queries] };
}

export default function generate(): GeneratedTest[] {
  return [
    test('random-small', 20, 15, 0.01, 0.2, 1, 20),
    test('random-1000', 1_000, 1_000, 1e-7, 0.1, 1, 1_000),
    test('short-ranges', 80_000, 25_000, 0.001, 0.05, 1, 10),
    test('max-long-ranges', 80_000, 25_000, 1e-7, 0.05, 72_000, 80_000),
    test('max-long-ranges-wide-eps', 80_000, 25_000, 0.05, 0.3, 60_000, 80_000),
  ];
}
