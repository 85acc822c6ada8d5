import type { Language } from './languages/languages.ts';
import type { Verdict } from './verdicts.ts';

export type { Language } from './languages/languages.ts';

export type Mode = 'run' | 'submit';

/** A parameter of the function the candidate writes. `type` uses the grammar of signature.ts. */
export interface Param {
  name: string;
  type: string;
}

export interface Signature {
  functionName: string;
  params: Param[];
  returnType: string;
  /**
   * [J53] A whole program (a pad's blank run): when the code defines no such function, its top level
   * is the run and the returned value is `undefined`. Only with no parameters.
   */
  entryOptional?: boolean;
}

export interface Limits {
  /** CPU time one test may use, in milliseconds. */
  cpuMs: number;
  /** Heap the candidate's isolate may use, in MiB (at least 8). */
  memoryMb: number;
  /** Wall-clock time one test may take before it is stopped; defaults to 1.5 × cpuMs + 50. */
  wallMs?: number;
  /**
   * [J61] Limits for one language where it needs others (Python is slower than JavaScript): each
   * field given replaces the problem's own for submissions in that language.
   */
  languages?: Partial<Record<Language, LanguageLimits>>;
}

/** [J61] A language's own limits; an absent field falls back to the problem's. */
export interface LanguageLimits {
  cpuMs?: number;
  memoryMb?: number;
  wallMs?: number;
}

export type CheckerSpec =
  | { type: 'exact' }
  | { type: 'float'; absTolerance?: number; relTolerance?: number }
  | { type: 'unordered' }
  /** `source` defines `function check(input, expected, actual)` returning a boolean or `{ ok, message }`. */
  | { type: 'custom'; source: string };

/**
 * Host-side functions the candidate may call, such as `knows(a, b)`. `source` is trusted problem-author
 * JavaScript defining `function createInteractor(data, args)` that returns
 * `{ functions: { name: fn, ... }, callBudget: number, budgetMessage?: string }`.
 */
export interface InteractiveSpec {
  functions: string[];
  source: string;
}

export type TestKind = 'sample' | 'hidden';

export interface TestCase {
  id: string;
  kind: TestKind;
  /** Arguments, one per signature parameter, as plain JSON-like values. */
  args: unknown[];
  expected: unknown;
  /** Data only the interactive harness sees (never the candidate). */
  data?: unknown;
}

/**
 * [J69] Python libraries beyond the standard library and numpy that a problem may allow (numpy is
 * always there): data frames, scientific routines, ready-made models.
 */
export const PYTHON_LIBRARIES = ['pandas', 'scipy', 'sklearn'] as const;
export type PythonLibrary = (typeof PYTHON_LIBRARIES)[number];

export interface ProblemSpec {
  id: string;
  title?: string;
  signature: Signature;
  tests: TestCase[];
  limits: Limits;
  checker: CheckerSpec;
  interactive?: InteractiveSpec;
  /** [J69] The Python libraries this problem allows beside numpy; none unless listed. */
  libraries?: PythonLibrary[];
}

export interface Submission {
  language: Language;
  source: string;
}

export interface JudgeRequest {
  problem: ProblemSpec;
  submission: Submission;
  mode: Mode;
  /** Extra inputs to run in `run` mode; they have no expected output. */
  customInputs?: unknown[][];
}

export interface CompileError {
  message: string;
  line: number;
  column: number;
}

/** How one test went, as the sandbox measured it. */
export interface TestOutcome {
  verdict: Verdict;
  cpuMs: number;
  wallMs: number;
  /** Captured console output, capped. */
  output: string;
  outputTruncated: boolean;
  message?: string;
  /** Stack trace with frames in the candidate's own file and line numbers. */
  stack?: string;
  /** Display form of the answer; sample and custom tests only. */
  actual?: string;
  /** The answer in wire form ([J2]); custom tests only, so tools can compute expected outputs. */
  answer?: unknown;
  /** The test went over its time limit and was judged again in a fresh process; this is the faster run ([J29]). */
  rejudged?: boolean;
  /** Some of this test's strings were cut on the host to keep the report bounded ([J26]). */
  trimmed?: boolean;
}

export interface TestReport extends TestOutcome {
  id: string;
  kind: TestKind | 'custom';
  /** Shown for sample and custom tests only; hidden tests never reveal these. */
  input?: string;
  expected?: string;
}

export interface JudgeReport {
  mode: Mode;
  verdict: Verdict;
  /** Fraction of hidden tests passed (submit) or of the tests run (run), from 0 to 1. */
  score: number;
  passed: number;
  total: number;
  tests: TestReport[];
  /** Wall time of this judging, from the call to the report (including any wait for a free sandbox). */
  judgeMs: number;
  compileError?: CompileError;
  /** Set with `internal_error` when the judge itself failed. */
  message?: string;
  /** Strings were cut to keep the report under the judge's report limit ([J26]). */
  trimmed?: boolean;
}
