import { MAX_INVITATIONS_PER_REQUEST } from '@assay/contracts';

// [A90] A CSV of candidates: RFC 4180 (quoted fields may hold commas, quotes doubled, line breaks),
// a UTF-8 byte order mark, CRLF or LF line ends, a header naming the `name` and `email` columns (in any
// order; other columns are ignored). No CSV library is in the lockfile, and this is all the format needs.

export interface CsvRecord {
  /** The record's line in the file, the header being line 1 (a quoted line break does not count). */
  row: number;
  fields: string[];
}

/** Splits CSV text into records; an unterminated quote is reported, not guessed at. */
export function readCsv(text: string): { records: CsvRecord[]; error?: { row: number; message: string } } {
  const records: CsvRecord[] = [];
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    // A blank line (one empty field) is no record.
    if (fields.length > 1 || fields[0] !== '') records.push({ row: recordLine, fields });
    fields = [];
    field = '';
  };
  while (i < input.length) {
    const c = input[i] as string;
    if (quoted) {
      if (c === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      endRecord();
      if (c === '\r' && input[i + 1] === '\n') i++;
      line++;
      recordLine = line;
    } else field += c;
    i++;
  }
  if (quoted)
    return { records, error: { row: recordLine, message: 'a quoted field is never closed: add the missing "' } };
  if (field !== '' || fields.length > 0) endRecord();
  return { records };
}

/** A name as it is shown and emailed: trimmed, every run of white space (line breaks too) one space. */
export function cleanName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

export interface CsvCandidate {
  row: number;
  name: string;
  email: string;
}

/**
 * The candidates of a CSV, with what is wrong with the file as a whole or with single rows (missing
 * name, missing email, too many rows). Email syntax, duplicates and earlier invitations are checked with
 * every list of candidates, CSV or not (checkCandidates).
 */
export function parseCandidateCsv(text: string): {
  candidates: CsvCandidate[];
  errors: { row: number; message: string }[];
} {
  const { records, error } = readCsv(text);
  const errors: { row: number; message: string }[] = error ? [error] : [];
  const [header, ...data] = records;
  const columns = header?.fields.map((f) => f.trim().toLowerCase()) ?? [];
  const nameAt = columns.indexOf('name');
  const emailAt = columns.indexOf('email');
  if (!header || nameAt < 0 || emailAt < 0) {
    errors.unshift({
      row: 1,
      message: 'the first line must be the header `name,email` (other columns are ignored)',
    });
    return { candidates: [], errors };
  }
  if (data.length > MAX_INVITATIONS_PER_REQUEST)
    errors.push({
      row: (data[MAX_INVITATIONS_PER_REQUEST] as CsvRecord).row,
      message: `a file holds at most ${MAX_INVITATIONS_PER_REQUEST} candidates; this one has ${data.length}: split it`,
    });
  const candidates = data.slice(0, MAX_INVITATIONS_PER_REQUEST).map((record) => ({
    row: record.row,
    name: cleanName(record.fields[nameAt] ?? ''),
    email: (record.fields[emailAt] ?? '').trim(),
  }));
  if (candidates.length === 0 && errors.length === 0)
    errors.push({ row: 2, message: 'the file has a header but no candidates: add one line per candidate' });
  return { candidates, errors };
}
