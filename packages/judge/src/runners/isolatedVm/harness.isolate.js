// Assay's in-isolate harness ([J10]–[J16] in SPEC.md). The judge runs this script first in every
// fresh context, before the candidate's code exists; its completion value is `run`, the one
// function the host calls. It is a classic script, not a module, and must stay strict: strict frames
// are what hide the harness from Error.prepareStackTrace and Function.caller ([J12]). The loader
// prepends 'use strict', since formatters strip it from a .js file they take for a module. Everything it needs after the
// candidate's code has run is captured here first ("primordials"), because the candidate may patch any global or prototype. It never uses
// iteration protocols, spread or JSON.stringify on objects after that point, and it hands the host
// exactly one primitive string.
(() => {
  const g = globalThis;
  const ReflectApply = Reflect.apply;
  const ObjectGetPrototypeOf = Object.getPrototypeOf;
  const ObjectKeys = Object.keys;
  const ObjectPrototype = Object.prototype;
  const ObjectIs = Object.is;
  const ObjectDefineProperty = Object.defineProperty;
  const ArrayIsArray = Array.isArray;
  const NumberIsSafeInteger = Number.isSafeInteger;
  const NumberIsInteger = Number.isInteger;
  const NumberIsNaN = Number.isNaN;
  const JSONParse = JSON.parse;
  const JSONStringify = JSON.stringify;
  const StringCtor = String;
  const StringSlice = String.prototype.slice;
  const MathImul = Math.imul;
  const MathMax = Math.max;
  const PromiseProto = Promise.prototype;
  const MapProto = Map.prototype;
  const SetProto = Set.prototype;
  const DateProto = Date.prototype;
  const indirectEval = g.eval;
  // [J70] A typed array is known by %TypedArray%.prototype's own getters, captured before the
  // candidate can patch them: the name getter gives undefined for anything without a typed array's
  // internal slots (a Proxy, an array-like), and reading an index of a real one runs no code.
  const TypedArrayProto = ObjectGetPrototypeOf(Uint8Array.prototype);
  const typedArrayNameGetter = Object.getOwnPropertyDescriptor(TypedArrayProto, Symbol.toStringTag).get;
  const typedArrayLengthGetter = Object.getOwnPropertyDescriptor(TypedArrayProto, 'length').get;
  const typedArrayName = (v) => ReflectApply(typedArrayNameGetter, v, []);

  // [J12] Capabilities the candidate never gets: GC observers, shared memory and WebAssembly
  // (whose memory the isolate's limit does not count).
  delete g.WebAssembly;
  delete g.FinalizationRegistry;
  delete g.WeakRef;
  delete g.SharedArrayBuffer;
  delete g.Atomics;
  // [J25] Memory the isolate's limit does not count: ICU objects behind Intl (a Segmenter held
  // hundreds of MB outside the heap) and resizable ArrayBuffers, whose pages V8 commits without asking
  // isolated-vm's allocator. Fixed-length ArrayBuffers and typed arrays stay, and are counted.
  delete g.Intl;
  const ArrayBufferCtor = g.ArrayBuffer;
  const ArrayBufferProto = ArrayBufferCtor.prototype;
  const ReflectConstruct = Reflect.construct;
  const TypeErrorCtor = TypeError;
  delete ArrayBufferProto.resize;
  delete ArrayBufferProto.transfer;
  delete ArrayBufferProto.transferToFixedLength;
  const FixedArrayBuffer = new Proxy(ArrayBufferCtor, {
    construct(target, args, newTarget) {
      const options = args.length > 1 ? args[1] : undefined;
      if (options !== null && typeof options === 'object' && options.maxByteLength !== undefined) {
        throw new TypeErrorCtor(
          'resizable ArrayBuffers are not available in the judge: their memory escapes the limit',
        );
      }
      return ReflectConstruct(target, args.length > 0 ? [args[0]] : [], newTarget);
    },
  });
  ObjectDefineProperty(ArrayBufferProto, 'constructor', {
    value: FixedArrayBuffer,
    writable: true,
    configurable: true,
  });
  ObjectDefineProperty(g, 'ArrayBuffer', { value: FixedArrayBuffer, writable: true, configurable: true });

  const slice = (s, from, to) => ReflectApply(StringSlice, s, [from, to]);

  // [J14] console is a capped buffer, read once at the end of the test.
  let logCap = 0;
  let log = '';
  let dropped = 0;
  const write = (line) => {
    const room = logCap - log.length;
    if (line.length + 1 <= room) {
      log += `${line}\n`;
    } else {
      if (room > 0) log += slice(line, 0, room);
      dropped += line.length + 1 - MathMax(room, 0);
    }
  };
  const inspect = (value, depth) => {
    try {
      switch (typeof value) {
        case 'string':
          return depth === 0 ? value : JSONStringify(value);
        case 'number':
          return ObjectIs(value, -0) ? '-0' : StringCtor(value);
        case 'bigint':
          return `${StringCtor(value)}n`;
        case 'function':
          return '[Function]';
        case 'symbol':
        case 'boolean':
        case 'undefined':
          return StringCtor(value);
      }
      if (value === null) return 'null';
      if (ArrayIsArray(value)) {
        if (depth > 2) return '[Array]';
        const n = value.length;
        let out = '[';
        for (let i = 0; i < n && i < 100; i++) out += `${i ? ', ' : ' '}${inspect(value[i], depth + 1)}`;
        if (n > 100) out += `, ... ${n - 100} more`;
        return `${out}${n ? ' ' : ''}]`;
      }
      const proto = ObjectGetPrototypeOf(value);
      if (proto === MapProto) return '[Map]';
      if (proto === SetProto) return '[Set]';
      if (depth > 2) return '[Object]';
      const keys = ObjectKeys(value);
      let out = '{';
      for (let i = 0; i < keys.length && i < 50; i++) {
        out += `${i ? ', ' : ' '}${keys[i]}: ${inspect(value[keys[i]], depth + 1)}`;
      }
      if (keys.length > 50) out += `, ... ${keys.length - 50} more`;
      return `${out}${keys.length ? ' ' : ''}}`;
    } catch {
      return '[uninspectable]';
    }
  };
  const consoleLog = function log(...values) {
    let line = '';
    for (let i = 0; i < values.length; i++) line += (i ? ' ' : '') + inspect(values[i], 0);
    write(line);
  };
  g.console = {
    log: consoleLog,
    info: consoleLog,
    warn: consoleLog,
    error: consoleLog,
    debug: consoleLog,
  };

  // LeetCode's ListNode, so candidates can build lists the usual way.
  function ListNode(val, next) {
    this.val = val === undefined ? 0 : val;
    this.next = next === undefined ? null : next;
  }
  g.ListNode = ListNode;

  // [J13] Math.random is seeded per test (mulberry32) so runs are reproducible.
  const seedRandom = (seed) => {
    let state = seed | 0;
    ObjectDefineProperty(Math, 'random', {
      writable: true,
      configurable: true,
      value: function random() {
        state = (state + 0x6d2b79f5) | 0;
        let t = MathImul(state ^ (state >>> 15), 1 | state);
        t = (t + MathImul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      },
    });
  };

  // Wire form of values: see values.ts ([J2]).
  const FLOATS = {
    NaN: Number.NaN,
    Infinity: 1 / 0,
    '-Infinity': -1 / 0,
    '-0': -0,
  };
  const decode = (v, t) => {
    switch (t.kind) {
      case 'float':
        return v !== null && typeof v === 'object' ? FLOATS[v.$float] : v;
      case 'list': {
        let head = null;
        if (v === null) return head;
        for (let i = v.length - 1; i >= 0; i--) head = new ListNode(v[i], head);
        return head;
      }
      case 'array': {
        const out = [];
        for (let i = 0; i < v.length; i++) out[i] = decode(v[i], t.of);
        return out;
      }
      case 'nullable':
        return v === null ? null : decode(v, t.of);
      case 'dict': {
        const keys = ObjectKeys(v);
        for (let i = 0; i < keys.length; i++) v[keys[i]] = decode(v[keys[i]], t.of);
        return v;
      }
      case 'struct':
        for (let i = 0; i < t.fields.length; i++) {
          const f = t.fields[i];
          v[f.name] = decode(v[f.name], f.type);
        }
        return v;
      default:
        return v;
    }
  };

  const TOO_LARGE = {};
  let outputRoom = 0;
  const emit = (text) => {
    outputRoom -= text.length;
    if (outputRoom < 0) throw TOO_LARGE;
    return text;
  };
  const kindOf = (v) => {
    if (v === undefined) return 'undefined';
    if (v === null) return 'null';
    if (typeof v === 'number') return `the number ${ObjectIs(v, -0) ? '-0' : StringCtor(v)}`;
    if (typeof v === 'string') return `a string (${JSONStringify(slice(v, 0, 40))})`;
    if (typeof v === 'bigint') return 'a BigInt';
    if (typeof v !== 'object') return `a ${typeof v}`;
    if (ArrayIsArray(v)) return 'an array';
    const typedName = typedArrayName(v);
    if (typedName !== undefined) return `a ${typedName}`;
    const proto = ObjectGetPrototypeOf(v);
    if (proto === MapProto) return 'a Map (convert it to an array or object)';
    if (proto === SetProto) return 'a Set (convert it to an array)';
    if (proto === DateProto) return 'a Date';
    if (proto === PromiseProto) return 'a Promise';
    return 'an object';
  };
  // Harness-made failures are told apart from what the candidate throws by identity, never by shape.
  const MISMATCH = {};
  let mismatchMessage = '';
  const mismatchOf = (message) => {
    mismatchMessage = message;
    return MISMATCH;
  };
  const mismatch = (path, expected, v) => mismatchOf(`${path} should be ${expected} but is ${kindOf(v)}`);
  const isPlainObject = (v) => {
    if (v === null || typeof v !== 'object' || ArrayIsArray(v)) return false;
    const proto = ObjectGetPrototypeOf(v);
    return proto === ObjectPrototype || proto === null;
  };
  // [J52] `any`: a JSON-like value, written by the harness itself like every answer ([J11]). Floats
  // JSON cannot write and `undefined` are tagged; anything else that is not plain data is refused,
  // and so is nesting past ANY_DEPTH (which is also how a cycle ends).
  const ANY_DEPTH = 64;
  const encodeAny = (v, path, depth) => {
    if (depth > ANY_DEPTH) throw mismatchOf(`${path} is nested more than ${ANY_DEPTH} levels deep (a cycle?)`);
    if (v === undefined) return emit('{"$undefined":true}');
    if (v === null) return emit('null');
    if (typeof v === 'boolean') return emit(v ? 'true' : 'false');
    if (typeof v === 'number') return encode(v, FLOAT_TYPE, path);
    if (typeof v === 'string') return encode(v, STRING_TYPE, path);
    if (ArrayIsArray(v)) {
      const n = v.length;
      if (n * 2 > outputRoom) throw TOO_LARGE;
      let out = emit('[');
      for (let i = 0; i < n; i++) out += (i ? emit(',') : '') + encodeAny(v[i], `${path}[${i}]`, depth + 1);
      return out + emit(']');
    }
    if (!isPlainObject(v))
      throw mismatch(path, 'plain data (null, a boolean, number, string, array or plain object)', v);
    const keys = ObjectKeys(v);
    let out = emit('{');
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      out += `${(i ? emit(',') : '') + emit(JSONStringify(k))}:${encodeAny(v[k], `${path}.${k}`, depth + 1)}`;
    }
    return out + emit('}');
  };
  // [J70] A typed array is accepted wherever the type is an array of numbers (int[] or float[]); each
  // element is then written like a plain array's, so a Float64Array holding 1.5 for int[] gets the
  // message a plain array would. BigInts are not numbers, and nothing else takes a typed array.
  const encodeTypedArray = (v, name, t, path) => {
    const of = t.of.kind;
    if (of !== 'int' && of !== 'float') {
      throw mismatchOf(`${path} should be an array but is a ${name} (typed arrays stand only for arrays of numbers)`);
    }
    if (name === 'BigInt64Array' || name === 'BigUint64Array') {
      throw mismatchOf(
        `${path} is a ${name}, whose elements are BigInts; return numbers (a plain array, or a typed array such as Float64Array or Int32Array)`,
      );
    }
    const n = ReflectApply(typedArrayLengthGetter, v, []);
    if (n * 2 > outputRoom) throw TOO_LARGE;
    let out = emit('[');
    for (let i = 0; i < n; i++) out += (i ? emit(',') : '') + encode(v[i], t.of, `${path}[${i}]`);
    return out + emit(']');
  };
  const FLOAT_TYPE = { kind: 'float' };
  const STRING_TYPE = { kind: 'string' };
  const encode = (v, t, path) => {
    switch (t.kind) {
      case 'any':
        return encodeAny(v, path, 0);
      case 'int':
        if (typeof v !== 'number' || !NumberIsSafeInteger(v)) throw mismatch(path, 'an integer', v);
        return emit(ObjectIs(v, -0) ? '0' : StringCtor(v));
      case 'float':
        if (typeof v !== 'number') throw mismatch(path, 'a number', v);
        if (NumberIsNaN(v)) return emit('{"$float":"NaN"}');
        if (v === 1 / 0) return emit('{"$float":"Infinity"}');
        if (v === -1 / 0) return emit('{"$float":"-Infinity"}');
        return emit(ObjectIs(v, -0) ? '{"$float":"-0"}' : StringCtor(v));
      case 'bool':
        if (typeof v !== 'boolean') throw mismatch(path, 'a boolean', v);
        return emit(v ? 'true' : 'false');
      case 'string':
        if (typeof v !== 'string') throw mismatch(path, 'a string', v);
        if (v.length > outputRoom) throw TOO_LARGE;
        return emit(JSONStringify(v));
      case 'list': {
        let out = emit('[');
        let node = v;
        let slow = v; // Floyd's tortoise: a cycle is found in O(length) without extra memory.
        for (let n = 0; node !== null; n++) {
          if (typeof node !== 'object' || node === undefined)
            throw mismatch(`${path} (node ${n})`, 'a ListNode or null', node);
          if (n > 0 && node === slow) throw mismatchOf(`${path} has a cycle: node ${n} points back into the list`);
          if ((n & 1) === 1) slow = slow.next;
          const val = node.val;
          if (typeof val !== 'number' || !NumberIsInteger(val))
            throw mismatch(`${path} (node ${n}).val`, 'an integer', val);
          out += (n ? ',' : '') + emit(StringCtor(val));
          node = node.next;
        }
        return out + emit(']');
      }
      case 'array': {
        if (!ArrayIsArray(v)) {
          const typedName = typedArrayName(v);
          if (typedName !== undefined) return encodeTypedArray(v, typedName, t, path);
          throw mismatch(path, 'an array', v);
        }
        const n = v.length;
        if (n * 2 > outputRoom) throw TOO_LARGE;
        let out = emit('[');
        for (let i = 0; i < n; i++) out += (i ? emit(',') : '') + encode(v[i], t.of, `${path}[${i}]`);
        return out + emit(']');
      }
      case 'nullable':
        return v === null ? emit('null') : encode(v, t.of, path);
      case 'dict': {
        if (!isPlainObject(v)) throw mismatch(path, 'a plain object', v);
        const keys = ObjectKeys(v);
        let out = emit('{');
        for (let i = 0; i < keys.length; i++) {
          const k = keys[i];
          out += `${(i ? emit(',') : '') + emit(JSONStringify(k))}:${encode(v[k], t.of, `${path}.${k}`)}`;
        }
        return out + emit('}');
      }
      case 'struct': {
        if (v === null || typeof v !== 'object' || ArrayIsArray(v)) throw mismatch(path, 'an object', v);
        let out = emit('{');
        for (let i = 0; i < t.fields.length; i++) {
          const f = t.fields[i];
          out += `${(i ? emit(',') : '') + emit(JSONStringify(f.name))}:${encode(v[f.name], f.type, `${path}.${f.name}`)}`;
        }
        return out + emit('}');
      }
    }
    throw mismatchOf(`unknown type ${StringCtor(t.kind)}`);
  };

  const safeString = (v) => {
    try {
      return typeof v === 'string' ? v : StringCtor(v);
    } catch {
      return '(a value that cannot be turned into a string)';
    }
  };
  const capped = (s, n) => (s.length > n ? `${slice(s, 0, n)}…` : s);
  // [J15] What the candidate threw, read inside the isolate (getters run here, under the time limit).
  // Every property is read inside a try: a getter that throws must not carry its own error (of any
  // size, with any text) past the harness ([J26]).
  const readText = (e, key, cap) => {
    try {
      const v = e[key];
      return v === undefined ? undefined : capped(safeString(v), cap);
    } catch {
      return '(a value that could not be read)';
    }
  };
  const describeThrown = (e) => {
    let name = 'Error';
    let message = '';
    let stack = '';
    if (e !== null && (typeof e === 'object' || typeof e === 'function')) {
      const n = readText(e, 'name', 200);
      name = n === undefined ? 'undefined' : n;
      const m = readText(e, 'message', 4000);
      message = m === undefined ? 'undefined' : m;
      try {
        const s = e.stack;
        if (typeof s === 'string') stack = capped(s, 8000);
      } catch {}
    } else {
      name = 'Uncaught';
      try {
        message = capped(typeof e === 'string' ? JSONStringify(e) : safeString(e), 4000);
      } catch {
        message = '(a value that could not be read)';
      }
    }
    return { name, message, stack };
  };

  const envelope = (fields, rawValue) => {
    let out = '{';
    const keys = ObjectKeys(fields);
    for (let i = 0; i < keys.length; i++) {
      const v = fields[keys[i]];
      out += `${i ? ',' : ''}"${keys[i]}":${typeof v === 'string' ? JSONStringify(v) : StringCtor(v)}`;
    }
    const value = rawValue === undefined ? '' : `,"value":${rawValue}`;
    return `${out},"log":${JSONStringify(log)},"dropped":${dropped}${value}}`;
  };
  const fail = (kind, message, extra) =>
    envelope({
      status: kind,
      message,
      name: extra ? extra.name : '',
      stack: extra ? extra.stack : '',
    });

  // [J22] Two steps, so that only the candidate's part is timed: `setup` decodes the inputs (untimed),
  // and the function it returns loads and calls the candidate's code (timed).
  return function setup(inputJson, typesJson, seed, outputCap, consoleCap) {
    logCap = consoleCap;
    outputRoom = outputCap;
    const types = JSONParse(typesJson);
    const raw = JSONParse(inputJson);
    const args = [];
    for (let i = 0; i < types.params.length; i++) args[i] = decode(raw[i], types.params[i]);
    seedRandom(seed);

    return function run(source, filename, fnName) {
      let fn;
      try {
        fn = indirectEval(
          `${source}\n;(typeof ${fnName} === 'function' ? ${fnName} : undefined)\n//# sourceURL=${filename}`,
        );
      } catch (e) {
        const t = describeThrown(e);
        return fail('thrown', t.message, t);
      }
      // [J53] A whole program may be top-level code only: it ran while loading, and returned nothing.
      if (typeof fn !== 'function' && !types.entryOptional) {
        return fail('missing', `your code must define a function named ${fnName} at the top level`);
      }
      let result;
      try {
        result = typeof fn === 'function' ? ReflectApply(fn, undefined, args) : undefined;
      } catch (e) {
        const t = describeThrown(e);
        return fail('thrown', t.message, t);
      }
      let value;
      try {
        if (result !== null && (typeof result === 'object' || typeof result === 'function')) {
          if (typeof result.then === 'function') {
            return fail(
              'mismatch',
              `${fnName} returned a Promise; it must return its answer directly, not asynchronously`,
            );
          }
        }
        value = encode(result, types.ret, 'the return value');
      } catch (e) {
        if (e === TOO_LARGE) return fail('too_large', `the return value is larger than ${outputCap} characters`);
        if (e === MISMATCH) return fail('mismatch', mismatchMessage);
        const t = describeThrown(e);
        return fail('thrown', t.message, t);
      }
      return envelope({ status: 'ok' }, value);
    };
  };
})();
