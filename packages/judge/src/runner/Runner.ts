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
  run(job: SandboxJob, emit: (message: ChildMessage) => void): Promise<void>;
}

/** How the pool starts a runner's child process ([J51]). */
/**
 * The module a runner's child runs (it serves one SandboxRunner through `serveRunner`) and the Node flags
 * it needs: a process entry as `processEntry` finds it, `.ts` through tsx from source, `.js` compiled ([A60]).
 */
export type RunnerEntry = ProcessEntry;

/** A runner as the judge knows it: the id languages name in their `runner` field, and its child entry. */
export interface RunnerDefinition {
  id: RunnerId;
  entry: RunnerEntry;
}
