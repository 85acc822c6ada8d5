import { createRandom, type GeneratedTest } from '@assay/problems/generator';

/**
 * Large classifier outputs: a positive is more likely at a higher score, but noisily, so precision
 * rises with the threshold only on average and dips and recovers many times.
 */
export default function generate(): GeneratedTest[] {
  const random = createRandom(20260502);
  /** `n` scores rounded to `decimals` digits; P(unsafe) = base + slope · score^3. */
  const classifier = (n: number, decimals: number, base: number, slope: number) => {
    const scale = 10 ** decimals;
    const scores = Array.from({ length: n }, () => random.int(0, scale) / scale);
    const labels = scores.map((s) => (random.next() < base + slope * s ** 3 ? 1 : 0));
    return [scores, labels];
  };
  const targets = (q: number, min: number, max: number) => Array.from({ length: q }, () => random.int(min, max));
  return [
    // High targets that only the top thresholds reach (or none does): scanning the candidates per
    // target is 5 · 10^9 steps.
    { name: 'high-targets-100000', args: [...classifier(100_000, 6, 0.05, 0.9), targets(50_000, 9000, 10_000)] },
    { name: 'random-targets-100000', args: [...classifier(100_000, 6, 0.1, 0.85), targets(20_000, 0, 10_000)] },
    // Two decimals: about a thousand samples share each score.
    { name: 'heavy-ties-100000', args: [...classifier(100_000, 2, 0.2, 0.7), targets(10_000, 0, 10_000)] },
    { name: 'random-2000', args: [...classifier(2000, 4, 0.3, 0.6), targets(2000, 0, 10_000)] },
    { name: 'every-target', args: [...classifier(500, 3, 0.1, 0.8), Array.from({ length: 10_001 }, (_, x) => x)] },
  ];
}
