import type { RunnerId } from '../languages/languages.ts';
import type { ProcessEntry } from '../processEntry.ts';
import type { ChildMessage, SandboxJob } from './protocol.ts';

/**
 * A sandbox runner ([J51]): judges a job's tests inside a supervised child process and reports each
 * one as it starts and ends, so the supervisor can attribute a crash or a hang to the test at fault.
 * Failures it observes itself become verdicts through its own classification; the supervisor handles
 * the deaths and deadlines it cannot.
 */
export interface SandboxRunner {
  /** Warms what the runner needs before the child reports ready (a started interpreter). */
  start?(): Promise<void>;
  run(job: SandboxJob, emit: (message: ChildMessage) => void): Promise<void>;
}

/**
 * The module a runner's child runs (it serves one SandboxRunner through `serveRunner`) and the Node flags
 * it needs: a process entry as `processEntry` finds it, `.ts` through tsx from source, `.js` compiled ([A60]).
 */
export type RunnerEntry = ProcessEntry & {
  /** Command-line arguments of the child. */
  args?: string[];
};

/** Where the programs a runner needs from the machine are ([J62]); the judge's options set them. */
export interface SandboxSettings {
  /** The CPython 3 interpreter Python runs with (with numpy importable). Default `/usr/bin/python3`. */
  python3Path: string;
  /** bubblewrap. Default `bwrap`, found on PATH. */
  bwrapPath: string;
}

/** Whether this machine can run a runner ([J62]): when not, `reason` says what to install. */
export type RunnerAvailability = { available: true } | { available: false; reason: string };

/** A runner as the judge knows it: the id languages name in their `runner` field, and its child entry. */
export interface RunnerDefinition {
  id: RunnerId;
  entry: RunnerEntry;
  /** [J62] Checks the machine has what the runner needs; absent for a runner that needs nothing. */
  probe?(settings: SandboxSettings): RunnerAvailability;
  /** The least time its child may take to prepare a job ([J27]), when more than compiling is done then. */
  prepareTimeoutMs?: number;
  /** Command-line arguments its child process gets from the settings. */
  args?(settings: SandboxSettings): string[];
}
