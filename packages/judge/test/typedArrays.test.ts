import { afterAll, describe, expect, it } from 'vitest';
import { languageAvailability, type ProblemSpec } from '../src/index.ts';
import { createJudge, solveProblem, submit } from './helpers.ts';

// [J70] Typed arrays stand for arrays of numbers in JavaScript and TypeScript answers, as numpy arrays
// do in Python ([J60]).

const judge = createJudge();
afterAll(() => judge.close());

const floats = solveProblem('typed-floats', ['int'], 'float[]', [3], [0.5, 1.25, -2]);
const ints = solveProblem('typed-ints', ['int'], 'int[]', [3], [1, -2, 3]);
const rows = solveProblem(
  'typed-rows',
  ['int'],
  'float[][]',
  [2],
  [
    [0.5, 1],
    [2, -3.5],
  ],
);
const bools = solveProblem('typed-bools', ['int'], 'bool[]', [2], [true, false]);
const oneFloat = solveProblem('typed-one-float', ['int'], 'float', [1], 0.5);

const runJs = (problem: ProblemSpec, body: string) => submit(judge, problem, `function solve(n) { ${body} }`);

describe('[J70] typed arrays as answers', () => {
  it('[J70] a Float64Array or Float32Array is accepted for float[], in JavaScript and TypeScript', async () => {
    const js = await runJs(floats, 'return new Float64Array([0.5, 1.25, -2]);');
    expect(js.verdict, js.tests[0]?.message).toBe('accepted');
    expect(js.tests[0]?.actual).toBe('[0.5,1.25,-2]');
    const ts = await submit(
      judge,
      floats,
      'function solve(n: number): Float64Array {\n  const out = new Float64Array(n);\n  out.set([0.5, 1.25, -2]);\n  return out;\n}',
      'typescript',
    );
    expect(ts.verdict, ts.tests[0]?.message).toBe('accepted');
    const single = await runJs(floats, 'return new Float32Array([0.5, 1.25, -2]);');
    expect(single.verdict).toBe('accepted');
  });

  it('[J70] integer typed arrays are accepted for float[] and int[]', async () => {
    const asFloats = await runJs(
      solveProblem('typed-int-floats', ['int'], 'float[]', [3], [1, 2, 3]),
      'return Int8Array.of(1, 2, 3);',
    );
    expect(asFloats.verdict).toBe('accepted');
    const int32 = await runJs(ints, 'return Int32Array.of(1, -2, 3);');
    expect(int32.verdict, int32.tests[0]?.message).toBe('accepted');
    const uint = await runJs(
      solveProblem('typed-uint', ['int'], 'int[]', [2], [4294967295, 0]),
      'return Uint32Array.of(4294967295, 0);',
    );
    expect(uint.verdict).toBe('accepted');
  });

  it('[J70] a Float64Array is an int[] only when every element is an integer, with the message a plain array gets', async () => {
    const whole = await runJs(ints, 'return Float64Array.of(1, -2, 3);');
    expect(whole.verdict).toBe('accepted');
    const half = await runJs(ints, 'return Float64Array.of(1, 1.5, 3);');
    const plain = await runJs(ints, 'return [1, 1.5, 3];');
    expect(half.verdict).toBe('runtime_error');
    expect(half.tests[0]?.message).toBe('the return value[1] should be an integer but is the number 1.5');
    expect(half.tests[0]?.message).toBe(plain.tests[0]?.message);
    expect(half.verdict).toBe(plain.verdict);
  });

  it('[J70] rows of float[][] may be typed arrays, mixed with plain ones', async () => {
    const typed = await runJs(rows, 'return [Float64Array.of(0.5, 1), [2, -3.5]];');
    expect(typed.verdict, typed.tests[0]?.message).toBe('accepted');
    const ts = await submit(
      judge,
      rows,
      'function solve(n: number): Float64Array[] {\n  return [Float64Array.of(0.5, 1), Float64Array.of(2, -3.5)];\n}',
      'typescript',
    );
    expect(ts.verdict, ts.tests[0]?.message).toBe('accepted');
  });

  it('[J70] a BigInt64Array is refused with a message saying to return numbers', async () => {
    const report = await runJs(ints, 'return BigInt64Array.of(1n, -2n, 3n);');
    expect(report.verdict).toBe('runtime_error');
    expect(report.tests[0]?.message).toMatch(
      /^the return value is a BigInt64Array, whose elements are BigInts; return numbers/,
    );
  });

  it('[J70] typed arrays do not stand for bool[], for a single number or for a whole float[][]', async () => {
    const boolReport = await runJs(bools, 'return Uint8Array.of(1, 0);');
    expect(boolReport.verdict).toBe('runtime_error');
    expect(boolReport.tests[0]?.message).toBe(
      'the return value should be an array but is a Uint8Array (typed arrays stand only for arrays of numbers)',
    );
    const scalar = await runJs(oneFloat, 'return Float64Array.of(0.5);');
    expect(scalar.tests[0]?.message).toBe('the return value should be a number but is a Float64Array');
    const flat = await runJs(rows, 'return Float64Array.of(0.5, 1, 2, -3.5);');
    expect(flat.verdict).toBe('runtime_error');
    expect(flat.tests[0]?.message).toMatch(/^the return value should be an array but is a Float64Array/);
  });

  it('[J70][J11] a typed array is read through the intrinsics: patched getters, subclasses and Proxies change nothing', async () => {
    const patched = await runJs(
      floats,
      [
        'const proto = Object.getPrototypeOf(Uint8Array.prototype);',
        "Object.defineProperty(proto, 'length', { get() { return 1e9; } });",
        'Object.defineProperty(proto, Symbol.toStringTag, { get() { return "BigInt64Array"; } });',
        'return new Float64Array([0.5, 1.25, -2]);',
      ].join(' '),
    );
    expect(patched.verdict, patched.tests[0]?.message).toBe('accepted');
    const subclass = await runJs(
      floats,
      'class Lying extends Float64Array { get length() { return 2; } } return new Lying([0.5, 1.25, -2]);',
    );
    expect(subclass.verdict, subclass.tests[0]?.message).toBe('accepted');
    const proxy = await runJs(floats, 'return new Proxy(new Float64Array([0.5, 1.25, -2]), {});');
    expect(proxy.verdict).toBe('runtime_error');
    expect(proxy.tests[0]?.message).toBe('the return value should be an array but is an object');
  });
});

describe.skipIf(!languageAvailability().python.available)('[J70] the same shape in Python', () => {
  it('[J70][J60] a numpy float array is an int[] only when every element is an integer', async () => {
    const whole = await submit(
      judge,
      ints,
      'import numpy as np\ndef solve(n):\n    return np.array([1.0, -2.0, 3.0])\n',
      'python',
    );
    expect(whole.verdict, whole.tests[0]?.message).toBe('accepted');
    const half = await submit(
      judge,
      ints,
      'import numpy as np\ndef solve(n):\n    return np.array([1.0, 1.5, 3.0])\n',
      'python',
    );
    expect(half.verdict).toBe('runtime_error');
    expect(half.tests[0]?.message).toBe('the return value[1] should be an int but is the float 1.5');
  });
});
