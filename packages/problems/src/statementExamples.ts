import { decodeWire, displayValue, parseType, type Signature, type TestCase } from '@assay/judge';

/**
 * The example block a sample test must appear as in statement.md ([P8]):
 *
 *     Input: nums = [2,7,11,15], target = 9
 *     Output: [0,1]
 *
 * Values are written as the judge displays them, so candidates see the same form in the statement and
 * in their run results.
 */
export function exampleText(test: TestCase, signature: Signature): string {
  const args = signature.params
    .map((p, i) => `${p.name} = ${displayValue(decodeWire(test.args[i], parseType(p.type)), Number.POSITIVE_INFINITY)}`)
    .join(', ');
  const output = displayValue(decodeWire(test.expected, parseType(signature.returnType)), Number.POSITIVE_INFINITY);
  return `Input: ${args}\nOutput: ${output}`;
}

/** Samples whose example block is not in the statement. */
export function missingExamples(
  statement: string,
  tests: TestCase[],
  signature: Signature,
): { test: TestCase; text: string }[] {
  const normalized = statement.replace(/\r\n/g, '\n');
  return tests
    .filter((t) => t.kind === 'sample')
    .map((test) => ({ test, text: exampleText(test, signature) }))
    .filter(({ text }) => !normalized.includes(text));
}
