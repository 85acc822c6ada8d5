import { describe, expect, it } from 'vitest';
import { parseCustomInputs } from './customInputs.ts';

describe('custom input', () => {
  it('[W6] reads one test per line as an array of arguments, skipping blank lines', () => {
    expect(parseCustomInputs('[["110", "001"]]\n\n[["1"]]\n', 1)).toEqual([[['110', '001']], [['1']]]);
    expect(parseCustomInputs('[[1, 2], 3]', 2)).toEqual([[[1, 2], 3]]);
  });

  it('[W6] says which line is wrong and how to write it', () => {
    expect(() => parseCustomInputs('', 1)).toThrow('Write at least one test');
    expect(() => parseCustomInputs('[1]\n{oops', 1)).toThrow('Line 2 is not valid JSON');
    expect(() => parseCustomInputs('[1, 2]', 1)).toThrow('Line 1 must be an array of 1 argument.');
    expect(() => parseCustomInputs('3', 2)).toThrow('Line 1 must be an array of 2 arguments.');
    expect(() => parseCustomInputs('[1]\n'.repeat(11), 1)).toThrow('At most 10 custom tests');
  });
});
