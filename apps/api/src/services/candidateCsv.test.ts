import { describe, expect, it } from 'vitest';
import { parseCandidateCsv, readCsv } from './candidateCsv.ts';

describe('reading a CSV of candidates', () => {
  it('[A90] reads quoted commas, doubled quotes and line breaks, counting lines as the file does', () => {
    const { records } = readCsv('a,b\n"x, y","say ""hi"""\n"two\nlines",z\n\nlast,row');
    expect(records).toEqual([
      { row: 1, fields: ['a', 'b'] },
      { row: 2, fields: ['x, y', 'say "hi"'] },
      { row: 3, fields: ['two\nlines', 'z'] },
      { row: 6, fields: ['last', 'row'] },
    ]);
  });

  it('[A90] takes a BOM, CRLF or LF, and the columns in any order; other columns are ignored', () => {
    const crlf = parseCandidateCsv('\uFEFFEmail,Team,Name\r\nada@example.com,core,  Ada   Lovelace \r\n');
    const lf = parseCandidateCsv('name,email\nAda Lovelace,ada@example.com\n');
    expect(crlf).toEqual({ candidates: [{ row: 2, name: 'Ada Lovelace', email: 'ada@example.com' }], errors: [] });
    expect(lf).toEqual(crlf);
  });

  it('[A90] says what is wrong with the file as a whole', () => {
    expect(parseCandidateCsv('').errors[0]?.message).toMatch(/header `name,email`/);
    expect(parseCandidateCsv('name,mail\nA,a@b.co').errors[0]?.message).toMatch(/header/);
    expect(parseCandidateCsv('name,email\n').errors).toEqual([
      { row: 2, message: expect.stringMatching(/no candidates/) },
    ]);
    expect(parseCandidateCsv('name,email\n"Ada,ada@example.com\n').errors[0]).toEqual({
      row: 2,
      message: expect.stringMatching(/never closed/),
    });
  });
});
