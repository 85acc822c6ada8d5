import type { TypeRef } from './signature.ts';
import { formatType } from './signature.ts';

/**
 * Values travel between host and isolate, and sit in test files, in the wire form ([J2] in SPEC.md):
 * JSON, where a float that JSON cannot write is `{"$float": "NaN" | "Infinity" | "-Infinity" | "-0"}`
 * and a ListNode is the array of its values. Decoding against a type gives plain host values
 * (real NaN, arrays for lists) that checkers compare.
 */
export class ValueTypeError extends Error {
  override name = 'ValueTypeError';
  readonly code = 'JUDGE_ERR_VALUE_TYPE';
}

const FLOAT_TAGS: Record<string, number> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
  '-0': -0,
};

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

/** [J52] `undefined` inside an `any` value, which JSON cannot write. */
const UNDEFINED_TAG = '$undefined';

/** [J52] An `any` value's plain form: tagged floats and `undefined` restored, everything else as JSON gave it. */
function decodeAny(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(decodeAny);
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1) {
    const tag = record.$float;
    if (typeof tag === 'string' && tag in FLOAT_TAGS) return FLOAT_TAGS[tag];
    if (record[UNDEFINED_TAG] === true) return undefined;
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = decodeAny(record[key]);
  return out;
}

/** Checks a wire value against a type and returns its plain host form; throws ValueTypeError with the path. */
export function decodeWire(value: unknown, type: TypeRef, path = 'value'): unknown {
  const fail = (): never => {
    throw new ValueTypeError(`${path}: expected ${formatType(type)} but found ${describe(value)}`);
  };
  switch (type.kind) {
    case 'int':
      return typeof value === 'number' && Number.isSafeInteger(value) ? value : fail();
    case 'float':
      if (typeof value === 'number') return value;
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        const tag = (value as Record<string, unknown>).$float;
        if (typeof tag === 'string' && tag in FLOAT_TAGS && Object.keys(value).length === 1) return FLOAT_TAGS[tag];
      }
      return fail();
    case 'bool':
      return typeof value === 'boolean' ? value : fail();
    case 'string':
      return typeof value === 'string' ? value : fail();
    case 'list':
      if (value === null) return [];
      if (!Array.isArray(value)) return fail();
      return value.map((v, i) => decodeWire(v, { kind: 'int' }, `${path}[${i}]`));
    case 'any':
      return decodeAny(value);
    case 'array':
      if (!Array.isArray(value)) return fail();
      return value.map((v, i) => decodeWire(v, type.of, `${path}[${i}]`));
    case 'nullable':
      return value === null ? null : decodeWire(value, type.of, path);
    case 'dict': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return fail();
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = decodeWire(v, type.of, `${path}.${k}`);
      return out;
    }
    case 'struct': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return fail();
      const record = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const field of type.fields) {
        if (!(field.name in record)) throw new ValueTypeError(`${path}: field "${field.name}" is missing`);
        out[field.name] = decodeWire(record[field.name], field.type, `${path}.${field.name}`);
      }
      const extra = Object.keys(record).find((k) => !type.fields.some((f) => f.name === k));
      if (extra !== undefined) throw new ValueTypeError(`${path}: unexpected field "${extra}"`);
      return out;
    }
  }
}

/** A readable one-line rendering of a plain value (NaN, Infinity and -0 shown as such), capped in length. */
export function displayValue(value: unknown, maxLength = 2000): string {
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0)))
      return `\u0000${Object.is(v, -0) ? '-0' : String(v)}\u0000`;
    return v;
  });
  const shown = (text ?? 'undefined').replace(/"\\u0000(.*?)\\u0000"/g, '$1');
  return shown.length > maxLength
    ? `${shown.slice(0, maxLength)}… (${shown.length - maxLength} more characters)`
    : shown;
}
