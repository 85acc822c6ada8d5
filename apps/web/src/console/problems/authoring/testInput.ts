import type { DraftTest } from '@assay/contracts';

/** One test as pasted or imported: the test-file form ([P4]), with an optional name and kind. */
interface PastedTest {
  args: unknown[];
  expected?: unknown;
  name?: string;
  kind?: 'sample' | 'hidden';
}

function asTest(value: unknown, where: string): PastedTest {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new Error(`${where} is not a test: write {"args": [...], "expected": ...}`);
  const record = value as Record<string, unknown>;
  if (!Array.isArray(record.args))
    throw new Error(
      `${where} has no "args" array: list the arguments in order, e.g. {"args": [[1, 2]], "expected": 3}`,
    );
  if (record.kind !== undefined && record.kind !== 'sample' && record.kind !== 'hidden')
    throw new Error(`${where} has kind "${String(record.kind)}": use "sample" or "hidden"`);
  return {
    args: record.args,
    ...('expected' in record ? { expected: record.expected } : {}),
    ...(typeof record.name === 'string' ? { name: record.name } : {}),
    ...(record.kind ? { kind: record.kind as 'sample' | 'hidden' } : {}),
  };
}

/**
 * [W27] Reads tests from text: a test file (`{"args": [...], "expected": ...}`), an array of them, or
 * one per line (JSON Lines). Throws an Error saying where the text stops making sense.
 */
export function parseTests(text: string): PastedTest[] {
  const trimmed = text.trim();
  if (trimmed === '') throw new Error('there is nothing to add: paste a test or a list of tests');
  try {
    const value = JSON.parse(trimmed) as unknown;
    if (Array.isArray(value)) return value.map((v, i) => asTest(v, `test ${i + 1}`));
    return [asTest(value, 'the test')];
  } catch (error) {
    const lines = trimmed.split('\n').filter((l) => l.trim() !== '');
    if (lines.length < 2) throw new Error(`not JSON: ${(error as Error).message}`);
    return lines.map((line, i) => {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (lineError) {
        throw new Error(`line ${i + 1} is not JSON: ${(lineError as Error).message}`);
      }
      return asTest(value, `line ${i + 1}`);
    });
  }
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** Names each pasted test (its own name if it has a usable one that is free, else `<kind>-<n>`). */
export function nameTests(pasted: PastedTest[], kind: 'sample' | 'hidden', existing: DraftTest[]): DraftTest[] {
  const taken = new Set(existing.map((t) => t.name));
  let n = existing.filter((t) => t.kind === kind).length;
  return pasted.map((test) => {
    const testKind = test.kind ?? kind;
    let name = test.name && NAME.test(test.name) && !taken.has(test.name) ? test.name : '';
    while (!name || taken.has(name)) name = `${testKind}-${++n}`;
    taken.add(name);
    return {
      name,
      kind: testKind,
      args: test.args,
      ...(test.expected === undefined ? {} : { expected: test.expected }),
    };
  });
}
