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

/**
 * A mismatch deep inside a value. Its path is assembled only on the way out ([J3] messages name the
 * exact element), so decoding megabytes of test data builds no path string per element.
 */
class WireMismatch {
  readonly segments: string[] = [];
  constructor(readonly problem: string) {}
}

function mismatch(value: unknown, type: TypeRef): never {
  throw new WireMismatch(`expected ${formatType(type)} but found ${describe(value)}`);
}

/** Decodes `value` at child `segment` of its parent, adding the segment to a mismatch's path. */
function decodeChild(value: unknown, type: TypeRef, segment: string | number): unknown {
  try {
    return decodeAt(value, type);
  } catch (error) {
    if (error instanceof WireMismatch)
      error.segments.push(typeof segment === 'number' ? `[${segment}]` : `.${segment}`);
    throw error;
  }
}

function decodeArray(value: unknown[], type: TypeRef): unknown[] {
  const out = new Array<unknown>(value.length);
  for (let i = 0; i < value.length; i++) out[i] = decodeChild(value[i], type, i);
  return out;
}

const INT: TypeRef = { kind: 'int' };

function decodeAt(value: unknown, type: TypeRef): unknown {
  switch (type.kind) {
    case 'int':
      return typeof value === 'number' && Number.isSafeInteger(value) ? value : mismatch(value, type);
    case 'float':
      if (typeof value === 'number') return value;
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        const tag = (value as Record<string, unknown>).$float;
        if (typeof tag === 'string' && tag in FLOAT_TAGS && Object.keys(value).length === 1) return FLOAT_TAGS[tag];
      }
      return mismatch(value, type);
    case 'bool':
      return typeof value === 'boolean' ? value : mismatch(value, type);
    case 'string':
      return typeof value === 'string' ? value : mismatch(value, type);
    case 'list':
      if (value === null) return [];
      return Array.isArray(value) ? decodeArray(value, INT) : mismatch(value, type);
    case 'any':
      return decodeAny(value);
    case 'array':
      return Array.isArray(value) ? decodeArray(value, type.of) : mismatch(value, type);
    case 'nullable':
      return value === null ? null : decodeAt(value, type.of);
    case 'dict': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return mismatch(value, type);
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = decodeChild(v, type.of, k);
      return out;
    }
    case 'struct': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return mismatch(value, type);
      const record = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const field of type.fields) {
        if (!(field.name in record)) throw new WireMismatch(`field "${field.name}" is missing`);
        out[field.name] = decodeChild(record[field.name], field.type, field.name);
      }
      const extra = Object.keys(record).find((k) => !type.fields.some((f) => f.name === k));
      if (extra !== undefined) throw new WireMismatch(`unexpected field "${extra}"`);
      return out;
    }
  }
}

/** Checks a wire value against a type and returns its plain host form; throws ValueTypeError with the path. */
export function decodeWire(value: unknown, type: TypeRef, path = 'value'): unknown {
  try {
    return decodeAt(value, type);
  } catch (error) {
    if (!(error instanceof WireMismatch)) throw error;
    throw new ValueTypeError(`${path}${error.segments.reverse().join('')}: ${error.problem}`);
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
