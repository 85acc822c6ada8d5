import { afterAll, describe, expect, it } from 'vitest';
import { type Language, parseType, programProblem, programStarter } from '../src/index.ts';
import { decodeWire, displayValue } from '../src/values.ts';
import { createJudge } from './helpers.ts';

const judge = createJudge();
afterAll(() => judge.close());

const program = programProblem({ cpuMs: 500, memoryMb: 64 });
const runProgram = (source: string, language: Language = 'javascript') =>
  judge.judge({ problem: program, submission: { language, source }, mode: 'run', customInputs: [[]] });

describe('whole programs (pads)', () => {
  it('[J52] `any` decodes JSON with tagged floats and undefined, and shows it', () => {
    const any = parseType('any');
    const value = decodeWire({ a: [1, { $float: 'NaN' }, 'x'], b: { $undefined: true }, c: null }, any) as Record<
      string,
      unknown
    >;
    expect(Number.isNaN((value.a as unknown[])[1])).toBe(true);
    expect('b' in value && value.b === undefined).toBe(true);
    expect(displayValue(decodeWire({ $undefined: true }, any))).toBe('undefined');
  });

  it('[J53] runs main() in JavaScript and TypeScript: console output and the returned value', async () => {
    for (const language of ['javascript', 'typescript'] as const) {
      const report = await runProgram(programStarter(language), language);
      expect(report.verdict).toBe('accepted');
      expect(report.tests).toHaveLength(1);
      expect(report.tests[0]).toMatchObject({ kind: 'custom', actual: '{"answer":42}' });
      expect(report.tests[0]?.output).toContain('Hello, world!');
    }
  });

  it('[J53] runs top-level code without main(); the returned value is undefined', async () => {
    const report = await runProgram('const xs = [3, 1, 2].sort();\nconsole.log("sorted", xs.join(","));');
    expect(report.verdict).toBe('accepted');
    expect(report.tests[0]).toMatchObject({ actual: 'undefined' });
    expect(report.tests[0]?.output).toContain('sorted 1,2,3');
  });

  it('[J52] returns nested plain data, NaN and undefined as such; refuses a Map and a cycle', async () => {
    const nested = await runProgram('function main() { return [1.5, NaN, "s", { k: [true, null] }, undefined]; }');
    expect(nested.tests[0]?.actual).toBe('[1.5,NaN,"s",{"k":[true,null]},null]');
    const map = await runProgram('function main() { return new Map(); }');
    expect(map.tests[0]?.verdict).toBe('runtime_error');
    expect(map.tests[0]?.message).toMatch(/plain data .* but is a Map/);
    const cycle = await runProgram('function main() { const a = {}; a.self = a; return a; }');
    expect(cycle.tests[0]?.verdict).toBe('runtime_error');
    expect(cycle.tests[0]?.message).toMatch(/nested more than 64 levels deep/);
  });

  it('[J53] a thrown error, an endless loop and a syntax error get their usual verdicts', async () => {
    const thrown = await runProgram('function main() { throw new Error("boom"); }');
    expect(thrown.tests[0]).toMatchObject({ verdict: 'runtime_error' });
    expect(thrown.tests[0]?.message).toContain('boom');
    const loop = await runProgram('while (true) {}');
    expect(loop.tests[0]?.verdict).toBe('time_limit_exceeded');
    const syntax = await runProgram('function main( {');
    expect(syntax.verdict).toBe('compile_error');
  });

  it('[J53] only a function without parameters may be optional', async () => {
    const broken = { ...program, signature: { ...program.signature, params: [{ name: 'x', type: 'int' }] } };
    await expect(
      judge.judge({ problem: broken, submission: { language: 'javascript', source: '' }, mode: 'run' }),
    ).rejects.toThrow(/entryOptional/);
  });
});
