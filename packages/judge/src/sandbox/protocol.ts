import type { TypeRef } from '../signature.ts';
import type { CheckerSpec, CompileError, InteractiveSpec, TestKind, TestOutcome } from '../types.ts';

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
  cpuMs: number;
  wallMs: number;
  memoryMb: number;
  outputBytes: number;
  consoleBytes: number;
}

/** Everything a child needs to judge a submission, from `startIndex` on. Plain data, sent over IPC. */
export interface SandboxJob {
  source: string;
  filename: string;
  functionName: string;
  params: TypeRef[];
  returnType: TypeRef;
  tests: SandboxTest[];
  startIndex: number;
  limits: SandboxLimits;
  checker: CheckerSpec;
  interactive?: InteractiveSpec;
  /** Epoch ms after which tests are no longer started (the submission's total budget). */
  budgetDeadline: number;
}

/** The host drops `actual` again for hidden tests ([J16]). */
export type SandboxTestResult = TestOutcome;

export type ParentMessage = { type: 'job'; job: SandboxJob };

export type ChildMessage =
  | { type: 'ready' }
  | { type: 'compile-error'; error: CompileError }
  | { type: 'test-start'; index: number }
  | { type: 'test-done'; index: number; result: SandboxTestResult }
  | { type: 'job-done' }
  | { type: 'job-failed'; message: string };
