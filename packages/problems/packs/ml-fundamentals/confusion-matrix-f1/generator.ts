import { createRandom, type GeneratedTest } from '@assay/problems/generator';

const random = createRandom(20260414);

/**
 * n examples whose actual class is drawn from the first `used` of `numClasses` classes; the prediction
 * is right with probability `accuracy`, otherwise a class drawn from the first `predictedRange`
 * classes (which may exceed `used`, so some classes are only ever predicted).
 */
function test(
  name: string,
  numClasses: number,
  n: number,
  used: number,
  accuracy: number,
  predictedRange = used,
): GeneratedTest {
  const actual: number[] = [];
  const predicted: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = random.int(0, used - 1);
    actual.push(a);
    predicted.push(random.next() < accuracy ? a : random.int(0, predictedRange - 1));
  }
  return { name, args: [numClasses, actual, predicted] };
}

export default function generate(): GeneratedTest[] {
  return [
    test('random-small', 6, 40, 5, 0.5, 6),
    test('binary-100000', 2, 100_000, 2, 0.8),
    test('ten-classes-100000', 10, 100_000, 8, 0.6, 10),
    test('many-classes-few-used', 100_000, 50_000, 20, 0.7, 25),
    test('many-classes', 30_000, 60_000, 30_000, 0.6),
    test('max-classes', 100_000, 60_000, 100_000, 0.5),
  ];
}
