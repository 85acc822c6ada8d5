import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { classifyFailure, type Failure } from '../classifyFailure.ts';
import type { ChildMessage, SandboxJob, SandboxTest, SandboxTestResult } from '../runner/protocol.ts';
import type { RunnerEntry } from '../runner/Runner.ts';
import type { CompileError } from '../types.ts';

export interface ChildPoolOptions {
  /** How many children, and so submissions, run at once. */
  size: number;
  /** The runner whose child processes the pool starts and supervises ([J51]). */
  runner: RunnerEntry;
  /** Extra wall-clock time past a test's limit before the supervisor kills its child. Default 150 ms. */
  killGraceMs?: number;
  /**
   * A child is replaced after this many jobs, to bound slow leaks. Default 500. It keeps working until
   * its replacement has started, so no job waits for a process to start.
   */
  maxJobsPerChild?: number;
  /**
   * A child is killed when its resident memory grows past what it had when the job started by more than
   * 1.5 × the job's memory limit plus this many MiB ([J25]). Default 64.
   */
  memoryHeadroomMb?: number;
  /** Wall-clock time a child may spend preparing and compiling a source before it is killed ([J27]). Default 5000. */
  prepareTimeoutMs?: number;
  /** Tests over their time limit that are judged again, each in a fresh process, per job ([J29]). Default 3. */
  maxRejudges?: number;
}

export type JobOutcome = { compileError: CompileError } | { results: SandboxTestResult[] };

interface Child {
  process: ChildProcess;
  ready: Promise<void>;
  jobs: number;
  stderr: string;
  exited: boolean;
  /** It has served its jobs; a replacement is starting. */
  retiring?: boolean;
  /** Its replacement is ready: it goes when it next comes back. */
  retired?: boolean;
}

type Attempt =
  | { kind: 'done' }
  | { kind: 'compile-error'; error: CompileError }
  | { kind: 'died'; index: number; failure: Failure; wallMs: number; cpuMs?: number };

const PAGE_SIZE = 4096;
/** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in these ticks. */
const CLOCK_TICKS_PER_S = 100;
/** Memory a custom checker's isolate may take in the child, beside the candidate's ([J33]). */
const CHECKER_ALLOWANCE_MB = 128;

/**
 * A supervised pool of judge child processes ([J18], [J19]), each serving the runner named in the
 * options ([J51]). A child that dies or overruns a test's
 * deadline is killed, the test gets the verdict the death calls for, and a fresh child continues with
 * the next test. Children are reused across submissions until one misbehaves.
 */
export class ChildPool {
  private readonly options: Required<ChildPoolOptions>;
  private readonly idle: Child[] = [];
  private readonly waiting: ((child: Child) => void)[] = [];
  private live = 0;
  private closed = false;

  constructor(options: ChildPoolOptions) {
    this.options = {
      killGraceMs: 150,
      maxJobsPerChild: 500,
      memoryHeadroomMb: 64,
      prepareTimeoutMs: 5000,
      maxRejudges: 3,
      ...options,
    };
    if (!Number.isInteger(this.options.size) || this.options.size < 1) {
      throw new RangeError(`ChildPool size must be a positive integer, got ${options.size}`);
    }
  }

  /** Judges a job, test by test, surviving any number of child deaths. */
  async run(job: SandboxJob, onResult?: (index: number, result: SandboxTestResult) => void): Promise<JobOutcome> {
    const results: SandboxTestResult[] = [];
    const record = (index: number, result: SandboxTestResult) => {
      results[index] = result;
      onResult?.(index, result);
    };
    const compileError = await this.runTests(job, record, () => this.acquire());
    if (compileError) return { compileError };

    // [J29] A test over its time limit is judged once more, in a fresh process, and the faster run
    // counts: a verdict near the limit must not flip with the machine's load.
    let rejudges = 0;
    for (let index = job.startIndex; index < job.tests.length; index++) {
      const first = results[index];
      if (!first || !overTime(first, job.limits.cpuMs)) continue;
      if (rejudges >= this.options.maxRejudges || Date.now() > job.budgetDeadline) break;
      rejudges++;
      const { burnCpuMs: _testingAid, ...plain } = job;
      const again: SandboxTestResult[] = [];
      const single: SandboxJob = { ...plain, tests: [job.tests[index] as SandboxTest], startIndex: 0 };
      const failed = await this.runTests(
        single,
        (_i, result) => (again[0] = result),
        () => this.acquireFresh(),
      );
      const second = again[0];
      if (failed || !second) continue;
      record(index, { ...(second.cpuMs < first.cpuMs ? second : first), rejudged: true });
    }
    return { results };
  }

  /** Runs a job's tests from `startIndex` on, moving to a new child after each death. */
  private async runTests(
    job: SandboxJob,
    record: (index: number, result: SandboxTestResult) => void,
    acquire: () => Promise<Child>,
  ): Promise<CompileError | undefined> {
    let next = job.startIndex;
    while (next < job.tests.length) {
      const child = await acquire();
      const attempt = await this.attempt(child, { ...job, startIndex: next }, record);
      if (attempt.kind === 'compile-error') {
        this.release(child);
        return attempt.error;
      }
      if (attempt.kind === 'done') {
        this.release(child);
        break;
      }
      this.discard(child);
      const classified = classifyFailure(attempt.failure, job.limits);
      const wallMs = attempt.wallMs;
      record(attempt.index, {
        cpuMs: attempt.cpuMs ?? wallMs,
        wallMs,
        output: '',
        outputTruncated: false,
        ...classified,
      });
      next = attempt.index + 1;
    }
    return undefined;
  }

  /** Child processes started and not yet discarded. */
  get liveChildren(): number {
    return this.live;
  }

  /** Starts every child now, so the first submissions do not wait for a process to boot. */
  async warmUp(): Promise<void> {
    const children: Child[] = [];
    while (this.live < this.options.size && !this.closed) {
      this.live++;
      children.push(this.spawn());
    }
    await Promise.all(children.map((child) => child.ready.then(() => this.release(child))));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const child of this.idle.splice(0)) child.process.kill('SIGKILL');
  }

  private attempt(
    child: Child,
    job: SandboxJob,
    record: (index: number, result: SandboxTestResult) => void,
  ): Promise<Attempt> {
    return new Promise<Attempt>((resolve) => {
      // Tests run one after another, so the test in progress is always the one after the last one
      // reported; its hard deadline runs from the moment the previous one ended ([J18]). Before the
      // first test the child prepares the source, under a deadline of its own ([J27]).
      let nextIndex = job.startIndex;
      let preparing = true;
      let testStarted = performance.now();
      let testCpuStart = childCpuMs(child.process.pid);
      let killedFor: Failure | undefined;
      let deadline: NodeJS.Timeout | undefined;
      const kill = (reason: Failure) => {
        killedFor = reason;
        child.process.kill('SIGKILL');
      };
      const armDeadline = () => {
        clearTimeout(deadline);
        testStarted = performance.now();
        testCpuStart = childCpuMs(child.process.pid);
        deadline = setTimeout(() => {
          const cpu = childCpuMs(child.process.pid);
          kill({
            kind: 'deadline',
            ...(cpu === undefined || testCpuStart === undefined ? {} : { cpuMs: cpu - testCpuStart }),
          });
        }, job.limits.wallMs + this.options.killGraceMs);
      };
      // [J25] The memory backstop follows the problem's limit: what the child had when the job began,
      // plus 1.5 × the limit, plus a fixed headroom (and room for a custom checker's isolate).
      const baseRss = rssMb(child.process.pid);
      const allowanceMb =
        job.limits.memoryMb * 1.5 +
        this.options.memoryHeadroomMb +
        (job.checker.type === 'custom' ? CHECKER_ALLOWANCE_MB * 1.5 : 0);
      const watchdog = setInterval(() => {
        const grown = rssMb(child.process.pid) - baseRss;
        if (grown > allowanceMb) kill({ kind: 'memory-watchdog', rssMb: grown, limitMb: allowanceMb });
      }, 25);
      const finish = (attempt: Attempt) => {
        clearTimeout(deadline);
        clearInterval(watchdog);
        child.process.off('message', onMessage);
        child.process.off('exit', onExit);
        resolve(attempt);
      };
      const onMessage = (message: ChildMessage) => {
        switch (message.type) {
          case 'prepared':
            preparing = false;
            armDeadline();
            break;
          case 'test-done':
            nextIndex = message.index + 1;
            record(message.index, message.result);
            armDeadline();
            break;
          case 'compile-error':
            finish({ kind: 'compile-error', error: message.error });
            break;
          case 'job-done':
            finish({ kind: 'done' });
            break;
          case 'job-failed':
            // The runner itself failed outside any test: the judge's fault, not the candidate's.
            for (let i = nextIndex; i < job.tests.length; i++) {
              const result = { cpuMs: 0, wallMs: 0, output: '', outputTruncated: false, message: message.message };
              record(i, { verdict: 'internal_error', ...result });
            }
            finish({ kind: 'done' });
            break;
        }
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        if (preparing) {
          // [J27] Whatever stopped the child while it prepared the source, no test ran: the source is at fault.
          finish({ kind: 'compile-error', error: preparationFailure(killedFor, this.options.prepareTimeoutMs) });
          return;
        }
        const failure = killedFor ?? { kind: 'exit', signal, code, stderr: child.stderr };
        const cpuMs = failure.kind === 'deadline' ? failure.cpuMs : undefined;
        finish({
          kind: 'died',
          index: nextIndex,
          failure,
          wallMs: Math.round(performance.now() - testStarted),
          ...(cpuMs === undefined ? {} : { cpuMs }),
        });
      };
      child.process.on('message', onMessage);
      child.process.on('exit', onExit);
      child.jobs++;
      child.process.send({ type: 'job', job });
      deadline = setTimeout(() => kill({ kind: 'deadline' }), this.options.prepareTimeoutMs);
    });
  }

  /**
   * A child that has judged nothing yet, for a re-judge ([J29]): a pool child that has worked is
   * replaced by a newly started one in its place. (A worn child whose successor is already starting
   * is used as it is.)
   */
  private async acquireFresh(): Promise<Child> {
    const used = await this.acquire();
    if (used.jobs === 0 || used.retiring) return used;
    if (!used.exited) used.process.kill('SIGKILL');
    const fresh = this.spawn();
    try {
      await fresh.ready;
    } catch (error) {
      this.live--;
      throw error;
    }
    return fresh;
  }

  private async acquire(): Promise<Child> {
    if (this.closed) throw new Error('the judge is closed');
    for (let idle = this.idle.pop(); idle; idle = this.idle.pop()) {
      if (!idle.exited) return idle;
      this.live--;
    }
    if (this.live < this.options.size) {
      this.live++;
      const child = this.spawn();
      try {
        await child.ready;
      } catch (error) {
        this.live--;
        throw error;
      }
      return child;
    }
    return new Promise<Child>((resolve) => this.waiting.push(resolve));
  }

  private release(child: Child): void {
    if (child.exited || child.retired || this.closed) {
      this.discard(child);
      return;
    }
    if (child.jobs >= this.options.maxJobsPerChild && !child.retiring) this.replaceInBackground(child);
    const waiter = this.waiting.shift();
    if (waiter) waiter(child);
    else this.idle.push(child);
  }

  /**
   * Starts the successor of a child that has served its jobs while the child goes on working; once the
   * successor is ready, the child is retired (at once if idle, else when its job ends).
   */
  private replaceInBackground(child: Child): void {
    child.retiring = true;
    this.live++;
    const fresh = this.spawn();
    fresh.ready.then(
      () => {
        const idle = this.idle.indexOf(child);
        if (idle >= 0) {
          this.idle.splice(idle, 1);
          this.retire(child);
        } else child.retired = true;
        this.release(fresh);
      },
      () => {
        // No successor: the child stays until the next time it has served its jobs.
        this.live--;
        child.retiring = false;
      },
    );
  }

  private retire(child: Child): void {
    if (!child.exited) child.process.kill('SIGKILL');
    this.live--;
  }

  /** Kills a child that misbehaved and starts its replacement at once, so the next test waits less. */
  private discard(child: Child): void {
    // A retiring child's successor is already starting: it needs no other.
    if (child.retiring) {
      this.retire(child);
      return;
    }
    if (!child.exited) child.process.kill('SIGKILL');
    this.live--;
    if (this.closed) return;
    this.live++;
    const fresh = this.spawn();
    fresh.ready.then(
      () => this.release(fresh),
      () => {
        this.live--;
      },
    );
  }

  private spawn(): Child {
    const { path, execArgv, args = [] } = this.options.runner;
    const proc = fork(path, args, {
      execArgv: [...execArgv],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'json',
    });
    const child: Child = {
      process: proc,
      ready: Promise.resolve(),
      jobs: 0,
      stderr: '',
      exited: false,
    };
    proc.stderr?.setEncoding('utf8');
    proc.stderr?.on('data', (chunk: string) => {
      child.stderr = (child.stderr + chunk).slice(-4096);
    });
    proc.on('exit', () => {
      child.exited = true;
    });
    // A send to a child that just died surfaces as its 'exit', which attempt() handles.
    proc.on('error', () => {});
    child.ready = new Promise<void>((resolve, reject) => {
      const onMessage = (message: ChildMessage) => {
        if (message.type !== 'ready') return;
        proc.off('message', onMessage);
        proc.off('exit', onExit);
        resolve();
      };
      const onExit = (code: number | null) =>
        reject(new Error(`a judge process failed to start (exit code ${code}): ${child.stderr.trim().slice(-1000)}`));
      proc.on('message', onMessage);
      proc.on('exit', onExit);
    });
    return child;
  }
}

/**
 * A result the re-judge applies to ([J29]): over its time limit but near it, by at most twice the limit
 * in CPU time (a machine's load does not double a process's CPU time; code the supervisor killed after
 * seconds of CPU gains nothing from a second run), and not merely left unrun by the budget.
 */
function overTime(result: SandboxTestResult, cpuLimitMs: number): boolean {
  return (
    result.verdict === 'time_limit_exceeded' &&
    result.wallMs > 0 &&
    result.cpuMs <= 2 * cpuLimitMs &&
    !result.message?.startsWith('not run')
  );
}

function preparationFailure(killedFor: Failure | undefined, timeoutMs: number): CompileError {
  const message =
    killedFor?.kind === 'deadline'
      ? `preparing your code took longer than ${timeoutMs / 1000} s and was stopped; simplify it (deeply nested types or default parameters can make TypeScript's type stripping exponentially slow)`
      : killedFor?.kind === 'memory-watchdog'
        ? 'preparing your code used too much memory and was stopped'
        : 'the sandbox crashed while preparing your code';
  return { message, line: 0, column: 0 };
}

/** CPU time (user + system) a child process has used, in ms; undefined when it cannot be read. */
function childCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at state, field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / CLOCK_TICKS_PER_S : undefined;
  } catch {
    return undefined;
  }
}

function rssMb(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const resident = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
    return (resident * PAGE_SIZE) / (1024 * 1024);
  } catch {
    return 0;
  }
}
