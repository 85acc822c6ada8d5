import { describe, expect, it } from 'vitest';
import { parseV8CompileError, prepareSource } from './prepareSource.ts';

describe('prepareSource', () => {
  it('[J6] strips TypeScript types and keeps every line where it was', () => {
    const ts = 'function f(a: number[]): number {\n  const m: Map<string, number> = new Map();\n  return a.length;\n}';
    const result = prepareSource(ts, 'typescript');
    if (!result.ok) throw new Error(result.error.message);
    expect(result.js.split('\n')).toHaveLength(4);
    expect(result.js).not.toContain(': number');
    expect(result.filename).toBe('solution.ts');
  });

  it('[J6] reports a TypeScript syntax error at its line and column', () => {
    const result = prepareSource('function f(a: number) {\n  return a +;\n}', 'typescript');
    expect(result).toEqual({ ok: false, error: { message: 'Unexpected token', line: 2, column: 13 } });
  });

  it('[J5] refuses sources over the size cap with a message saying what to do', () => {
    const result = prepareSource(`// ${'x'.repeat(70 * 1024)}`, 'javascript');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/your code is 71 KB; the limit is 64 KB/);
  });
});

describe('parseV8CompileError', () => {
  it('[J7] reads the location isolated-vm appends to a syntax error', () => {
    expect(parseV8CompileError("Unexpected token ';' [solution.js:2:13]")).toEqual({
      message: "Unexpected token ';'",
      line: 2,
      column: 13,
    });
    expect(parseV8CompileError('odd')).toEqual({ message: 'odd', line: 0, column: 0 });
  });
});
