/** At most this many custom tests per run (the API's limit). */
export const MAX_CUSTOM_TESTS = 10;

/**
 * Parses the custom-input box ([W6]): one test per line, each the function's arguments as a JSON array.
 * Throws an Error whose message says which line is wrong and how to write it.
 */
export function parseCustomInputs(text: string, arity: number): unknown[][] {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0) throw new Error('Write at least one test: the arguments as a JSON array on one line.');
  if (lines.length > MAX_CUSTOM_TESTS) throw new Error(`At most ${MAX_CUSTOM_TESTS} custom tests at once.`);
  return lines.map((line, i) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`Line ${i + 1} is not valid JSON: write the arguments as an array, such as [[1, 2], 3].`);
    }
    if (!Array.isArray(value) || value.length !== arity) {
      throw new Error(`Line ${i + 1} must be an array of ${arity} argument${arity === 1 ? '' : 's'}.`);
    }
    return value;
  });
}
