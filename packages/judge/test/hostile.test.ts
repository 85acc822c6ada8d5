import { afterAll, describe, expect, it } from 'vitest';
import type { ProblemSpec, Verdict } from '../src/index.ts';
import { correctSum, createJudge, solveProblem, submit, sumProblem } from './helpers.ts';

// The hostile suite ([J10]–[J24]): each submission gets its exact verdict, and a correct submission
// judged right after it on the same judge still passes.

interface Case {
  name: string;
  source: string;
  verdict: Verdict;
  /** Part of the first test's message, when the message itself matters. */
  message?: RegExp;
  problem?: ProblemSpec;
}

const SUM = 'let s = 0; for (const n of nums) s += n;';

// Memory bombs get a generous time limit so that, on a loaded machine, memory runs out before time does.
const memoryProblem: ProblemSpec = { ...sumProblem, id: 'sum-memory', limits: { cpuMs: 4000, memoryMb: 32 } };

const listProblem = solveProblem('list-copy', ['ListNode'], 'ListNode', [[1, 2, 3]], [1, 2, 3]);
const arrayProblem = solveProblem('array-copy', ['int[]'], 'int[]', [[1, 2, 3]], [1, 2, 3]);
const stringProblem = solveProblem('echo', ['string'], 'string', ['abc'], 'abc');

const cases: Case[] = [
  // Time
  {
    name: '[J22] a synchronous infinite loop',
    source: 'function solve() { for (;;) {} }',
    verdict: 'time_limit_exceeded',
  },
  {
    name: '[J22] an infinite loop in top-level code',
    source: 'while (true) {}\nfunction solve() { return 0; }',
    verdict: 'time_limit_exceeded',
  },
  {
    name: '[J22] an async function that never settles',
    source: 'function solve() { return (async () => { while (true) { await null; } })(); }',
    verdict: 'time_limit_exceeded',
  },
  {
    name: '[J22] a microtask loop scheduled before returning the right answer',
    source: `function solve(nums) { (function f() { Promise.resolve().then(f); })(); ${SUM} return s; }`,
    verdict: 'time_limit_exceeded',
  },
  {
    name: '[J22] an endless generator',
    source:
      'function* g() { while (true) yield 1; }\nfunction solve() { let s = 0; for (const x of g()) s += x; return s; }',
    verdict: 'time_limit_exceeded',
  },
  {
    name: '[J22] catching the termination to keep looping',
    source: 'function solve() { while (true) { try { for (;;) {} } catch {} } }',
    verdict: 'time_limit_exceeded',
  },
  {
    name: '[J22] catastrophic regex backtracking',
    source: 'function solve() { return /(a+)+$/.test("a".repeat(40) + "b") ? 1 : 0; }',
    verdict: 'time_limit_exceeded',
  },
  {
    name: '[J18] an uninterruptible BigInt parse (killed by the supervisor)',
    source: 'function solve() { return BigInt("1".repeat(1e7)).toString().length; }',
    verdict: 'time_limit_exceeded',
  },
  {
    name: '[J15] a thrown object whose message getter loops forever',
    source: 'function solve() { throw { get message() { for (;;) {} } }; }',
    verdict: 'time_limit_exceeded',
  },
  {
    name: '[J14] an endless console flood',
    source: 'function solve() { for (;;) console.log("spam"); }',
    verdict: 'time_limit_exceeded',
  },
  // Memory
  {
    name: '[J21] an array memory bomb',
    source: 'function solve() { const a = []; for (;;) a.push(new Array(1e5).fill(1)); }',
    verdict: 'memory_limit_exceeded',
    problem: memoryProblem,
  },
  {
    name: '[J21] a string doubling bomb',
    source: 'function solve() { let s = "x"; for (;;) s += s; }',
    verdict: 'memory_limit_exceeded',
    problem: memoryProblem,
  },
  {
    name: '[J21] an ArrayBuffer bomb',
    source: 'function solve() { const b = []; for (;;) b.push(new ArrayBuffer(1e7)); }',
    verdict: 'memory_limit_exceeded',
    problem: memoryProblem,
  },
  {
    name: '[J18] a Map grown until V8 aborts the process (SIGABRT)',
    source: 'function solve() { const m = new Map(); for (let i = 0; ; i++) m.set(i, i); }',
    verdict: 'memory_limit_exceeded',
    problem: memoryProblem,
  },
  {
    name: '[J18] a split into 134M characters, a fatal V8 error (SIGTRAP)',
    source: "function solve() { return '1'.repeat(0x7ffffff).split('').length; }",
    verdict: 'memory_limit_exceeded',
    problem: memoryProblem,
  },
  // Runtime errors and refused values
  {
    name: '[J15] unbounded recursion',
    source: 'function solve(nums) { return solve(nums) + 1; }',
    verdict: 'runtime_error',
    message: /call stack/,
  },
  {
    name: '[J15] a thrown object whose message getter throws',
    source: 'function solve() { throw { get message() { throw new Error("again"); } }; }',
    verdict: 'runtime_error',
  },
  {
    name: '[J15] throwing a Symbol',
    source: 'function solve() { throw Symbol("boom"); }',
    verdict: 'runtime_error',
  },
  {
    name: '[J24] returning a thenable whose then() would give the right answer',
    source: `function solve(nums) { ${SUM} return { then(resolve) { resolve(s); } }; }`,
    verdict: 'runtime_error',
    message: /Promise/,
  },
  {
    name: '[J24] an async solution',
    source: `async function solve(nums) { ${SUM} return s; }`,
    verdict: 'runtime_error',
    message: /Promise/,
  },
  {
    name: '[J24] returning a Proxy whose traps throw',
    source: 'function solve() { return new Proxy([], { get() { throw new Error("trap"); } }); }',
    verdict: 'runtime_error',
    problem: arrayProblem,
  },
  {
    name: '[J24] returning an array that contains itself',
    source: 'function solve() { const a = [1, 2]; a.push(a); return a; }',
    verdict: 'runtime_error',
    message: /should be an integer but is an array/,
    problem: arrayProblem,
  },
  {
    name: '[J24] returning a cyclic linked list',
    source: 'function solve(head) { let n = head; while (n.next) n = n.next; n.next = head; return head; }',
    verdict: 'runtime_error',
    message: /cycle/,
    problem: listProblem,
  },
  {
    name: '[J24] returning a huge sparse array',
    source: 'function solve() { const a = [1, 2, 3]; a[1e9] = 4; return a; }',
    verdict: 'output_limit_exceeded',
    problem: arrayProblem,
  },
  {
    name: '[J24] returning a string over the output cap',
    source: 'function solve() { return "x".repeat(9 * 1024 * 1024); }',
    verdict: 'output_limit_exceeded',
    problem: stringProblem,
  },
  {
    name: '[J24] returning a Map',
    source: 'function solve(nums) { return new Map([[0, 1]]); }',
    verdict: 'runtime_error',
    message: /a Map/,
  },
  {
    name: '[J24] an array whose element getter loops forever',
    source:
      'function solve() { const a = [1, 2, 3]; Object.defineProperty(a, 0, { get() { for (;;) {} } }); return a; }',
    verdict: 'time_limit_exceeded',
    problem: arrayProblem,
  },
  // Escapes and isolation
  {
    name: '[J12] no host capability through constructor chains',
    source: `function solve(nums) {
      const g = (() => {}).constructor('return this')();
      const leaks = ['process', 'require', 'module', 'Buffer', 'setTimeout', 'fetch', '_ivm', 'ivm'].filter((k) => k in g);
      if (leaks.length > 0 || typeof this !== 'undefined' && this !== g) return -1;
      ${SUM} return s;
    }`,
    verdict: 'accepted',
  },
  {
    name: '[J12] Error.prepareStackTrace cannot reach the harness',
    source: `function solve(nums) {
      let found = 0;
      Error.prepareStackTrace = (e, frames) => { for (const f of frames) { const fn = f.getFunction(); if (fn && fn !== solve) found++; } return 'x'; };
      new Error().stack;
      Error.prepareStackTrace = undefined;
      if (found > 0 || solve.caller !== null) return -1;
      ${SUM} return s;
    }`,
    verdict: 'accepted',
  },
  {
    name: '[J11] prototype pollution cannot fool serialisation or the checker',
    source: `function solve(nums) {
      Object.prototype.toJSON = () => 6; Array.prototype.toJSON = () => 6; Number.prototype.toString = () => '6';
      JSON.stringify = () => '6'; String = () => '6'; Object.keys = () => []; Reflect.apply = () => 6;
      return 12345;
    }`,
    verdict: 'wrong_answer',
  },
  {
    name: '[J10] no state leaks from one test to the next',
    source: `function solve(nums) {
      if (globalThis.seenBefore || Array.prototype.polluted) return -1;
      globalThis.seenBefore = true; Array.prototype.polluted = true;
      ${SUM} return s;
    }`,
    verdict: 'accepted',
  },
  {
    name: '[J11] the expected output and other tests are nowhere in reach',
    source: `function solve(nums) {
      const names = Object.getOwnPropertyNames(globalThis).join(' ');
      if (/expected|tests|hidden/i.test(names)) return -1;
      ${SUM} return s;
    }`,
    verdict: 'accepted',
  },
  {
    name: '[J12] WebAssembly is absent (no wasm loops, no uncounted wasm memory)',
    source: 'function solve() { const m = new WebAssembly.Memory({ initial: 1 }); for (;;) m.grow(100); }',
    verdict: 'runtime_error',
    message: /WebAssembly is not defined/,
  },
  {
    name: '[J12] a WebAssembly infinite loop cannot be compiled',
    source: `function solve() {
      const bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 7, 5, 1, 1, 102, 0, 0, 10, 9, 1, 7, 0, 3, 64, 12, 0, 11, 11]);
      new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports.f();
      return 0;
    }`,
    verdict: 'runtime_error',
    message: /WebAssembly is not defined/,
  },
  {
    name: '[J12] Atomics.wait on shared memory is impossible',
    source: 'function solve() { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); return 0; }',
    verdict: 'runtime_error',
    message: /is not defined/,
  },
  {
    name: '[J12] dynamic import has no module loader',
    source: 'function solve() { import("node:fs"); return 0; }',
    verdict: 'runtime_error',
    message: /import\(\) is not supported/,
  },
  {
    name: '[J12] require and process do not exist',
    source: 'function solve() { require("child_process").execSync("id"); process.exit(0); }',
    verdict: 'runtime_error',
    message: /require is not defined/,
  },
  // Verdicts from observation only ([J21]): text the candidate controls never picks a verdict.
  {
    name: '[J21] an error from a message getter that says "timed out" is not a time limit',
    source: 'function solve() { throw { get message() { throw new Error("Script execution timed out."); } }; }',
    verdict: 'runtime_error',
  },
  {
    name: '[J21] an error from a name getter that says "disposed" is not a memory limit',
    source:
      'function solve() { throw { get name() { throw new Error("Isolate was disposed during execution due to memory limit"); } }; }',
    verdict: 'runtime_error',
  },
  {
    name: '[J22] a CPU-bound loop is stopped at its CPU limit, and the message names the CPU time',
    source: 'function solve() { let x = 0; for (;;) x = (x * 31 + 7) % 1000003; }',
    verdict: 'time_limit_exceeded',
    message: /^used \d+ ms of CPU; the limit is 200 ms$/,
  },
  // Memory the isolate's limit does not count ([J25]).
  {
    name: '[J25] a resizable ArrayBuffer grown past the memory limit',
    source: `function solve(nums) {
      const b = new ArrayBuffer(0, { maxByteLength: 320 * 2 ** 20 });
      b.resize(320 * 2 ** 20);
      new Uint8Array(b).fill(1);
      ${SUM} return s;
    }`,
    verdict: 'runtime_error',
    message: /resizable ArrayBuffers are not available/,
  },
  {
    name: '[J25] a resizable ArrayBuffer made through the intrinsic constructor',
    source: `function solve(nums) {
      const AB = Object.getPrototypeOf(new Uint8Array(1).buffer).constructor;
      const b = Reflect.construct(AB, [320 * 2 ** 20, { maxByteLength: 320 * 2 ** 20 }]);
      new Uint8Array(b).fill(1);
      ${SUM} return s;
    }`,
    verdict: 'runtime_error',
    message: /resizable ArrayBuffers are not available/,
  },
  {
    name: '[J25] ICU memory through Intl.Segmenter',
    source: `function solve(nums) {
      const held = [];
      const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
      for (let i = 0; i < 2000; i++) held.push(segmenter.segment('a'.repeat(1e5)));
      ${SUM} return s;
    }`,
    verdict: 'runtime_error',
    message: /Intl is not defined/,
    problem: memoryProblem,
  },
  {
    name: '[J14] a large but finite console flood is truncated, not fatal',
    source: `function solve(nums) { for (let i = 0; i < 2e5; i++) console.log("spam", i); ${SUM} return s; }`,
    verdict: 'accepted',
  },
];

describe('hostile submissions', () => {
  const judge = createJudge();
  afterAll(() => judge.close());

  it.each(cases)('$name → $verdict', async ({ source, verdict, message, problem }) => {
    const target = problem ?? sumProblem;
    const report = await submit(judge, target, source);
    expect(report.verdict, JSON.stringify(report.tests[0])).toBe(verdict);
    if (message) expect(report.tests[0]?.message).toMatch(message);
    expect(report.tests.every((t) => t.verdict !== 'internal_error')).toBe(true);

    const after = await submit(judge, sumProblem, correctSum);
    expect(after.verdict).toBe('accepted');
    expect(after.score).toBe(1);
  });
});
