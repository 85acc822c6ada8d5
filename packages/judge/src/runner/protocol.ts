import type { TypeRef } from '../signature.ts';
import type {
  CheckerSpec,
  CompileError,
  InteractiveSpec,
  Language,
  PythonLibrary,
  TestKind,
  TestOutcome,
} from '../types.ts';

/** One test as the sandbox child receives it. Inputs travel as the string the isolate parses ([J11]). */
export interface SandboxTest {
  id: string;
  kind: TestKind | 'custom';
  inputJson: string;
  /** Wire form; absent for custom inputs. Stays on the host side of the child, never in the isolate. */
  expected?: unknown;
  /** Interactive harness data; never enters the isolate. */
  data?: unknown;
  seed: number;
}

export interface SandboxLimits {
  /** CPU time of the child process the candidate's call may use ([J22]). */
  cpuMs: number;
  /** Loose wall-clock backstop for code that waits or hangs without using CPU. */
  wallMs: number;
  memoryMb: number;
  outputBytes: number;
  consoleBytes: number;
}

/** Everything a child needs to judge a submission, from `startIndex` on. Plain data, sent over IPC. */
export interface SandboxJob {
  /** The candidate's source as written: the child prepares it ([J27]), under the supervisor's deadline. */
  source: string;
  language: Language;
  functionName: string;
  /** [J53] The function may be missing: the top level is then the run, returning `undefined`. */
  entryOptional?: boolean;
  params: TypeRef[];
  returnType: TypeRef;
  tests: SandboxTest[];
  startIndex: number;
  limits: SandboxLimits;
  checker: CheckerSpec;
  interactive?: InteractiveSpec;
  /** [J69] Python libraries the problem allows beside numpy. */
  libraries?: PythonLibrary[];
  /** Epoch ms after which tests are no longer started (the submission's total budget). */
  budgetDeadline: number;
  /**
   * Testing aid: CPU time the child burns inside each test's timed window, as a loaded machine would
   * add. Lets tests exercise the re-judge path ([J29]); never set in production.
   */
  burnCpuMs?: number;
  /**
   * Testing aid: memory (MiB) the child holds outside the isolate during each test, as a way past the
   * isolate's limit would, so tests can exercise the supervisor's memory backstop ([J25]).
   */
  holdOutsideHeapMb?: number;
}

/** The host drops `actual` again for hidden tests ([J16]). */
export type SandboxTestResult = TestOutcome;

export type ParentMessage = { type: 'job'; job: SandboxJob };

export type ChildMessage =
  | { type: 'ready' }
  /** The source is prepared and compiles: tests start now ([J27]). */
  | { type: 'prepared' }
  | { type: 'compile-error'; error: CompileError }
  | { type: 'test-start'; index: number }
  | { type: 'test-done'; index: number; result: SandboxTestResult }
  | { type: 'job-done' }
  | { type: 'job-failed'; message: string };
