import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Duplex, Readable, Writable } from 'node:stream';
import type { SandboxSettings } from '../../runner/Runner.ts';
import { sandboxArgs, sandboxSpawnOptions } from './sandboxArgs.ts';
import { childSeccompProgram, seccompProgram } from './seccomp.ts';

const ZYGOTE_SOURCE = readFileSync(new URL('./zygote.py', import.meta.url), 'utf8');
/** The descriptor bubblewrap reads the sandbox's seccomp program from. */
const SECCOMP_FD = 4;
/** Longest wait for a new sandbox to import numpy and say it is ready. */
const START_TIMEOUT_MS = 30_000;

/** What the zygote says, one JSON line at a time. */
export type ZygoteMessage =
  | { type: 'ready'; python: string; numpy: string }
  | { type: 'prepared' }
  | { type: 'compile-error'; message: string; line: number; column: number }
  /** The harness itself failed on a test (a bug of the judge's, not the candidate's). */
  | { type: 'internal'; index: number; message: string }
  | ZygoteResult;

/** [J65] What the zygote observed of one test's child: its own measurements, and the child's one string. */
export interface ZygoteResult {
  type: 'result';
  index: number;
  cpuMs: number;
  wallMs: number;
  /** Peak resident memory of the child past what the zygote held when it forked, in MiB. */
  grownMb: number;
  exitCode: number | null;
  signal: string | null;
  /** The zygote stopped the child: at the CPU limit, the wall-clock limit, or past the output cap. */
  killed: 'cpu' | 'wall' | 'output' | null;
  /** The child's envelope (candidate-controlled text), when it wrote one. */
  envelope: string | null;
}

/** The sandbox died (or could not start): what it last wrote on stderr, for the judge's logs. */
export class ZygoteExitedError extends Error {
  override name = 'ZygoteExitedError';
  readonly code = 'JUDGE_ERR_SANDBOX_EXITED';
}

/**
 * [J60] One sandboxed, warm Python interpreter: bubblewrap around zygote.py, spoken to over its stdin
 * and stdout (newline-delimited JSON, one request at a time), with a socket on descriptor 3 for the
 * interactive calls of the test in progress ([J66]).
 */
export class Zygote {
  /** Parts of the line being received: answers can be megabytes long, so they are joined once. */
  private parts: string[] = [];
  private readonly pending: ((message: ZygoteMessage | ZygoteExitedError) => void)[] = [];
  private stderr = '';
  private exited = false;
  /** Called with every line a test's child writes on the interaction socket. */
  onInteraction: ((line: string) => void) | undefined;
  private interactionBuffer = '';

  private constructor(private readonly process: ChildProcess) {
    const stdout = process.stdout as Readable;
    stdout.setEncoding('utf8');
    stdout.on('data', (chunk: string) => this.receive(chunk));
    process.stderr?.setEncoding('utf8');
    process.stderr?.on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-4096);
    });
    const interaction = process.stdio[3] as Duplex;
    interaction.setEncoding('utf8');
    interaction.on('data', (chunk: string) => this.receiveInteraction(chunk));
    interaction.on('error', () => {});
    (process.stdin as Writable).on('error', () => {});
    process.on('exit', () => {
      this.exited = true;
      const error = new ZygoteExitedError(`the Python sandbox exited: ${this.stderr.trim().slice(-1000)}`);
      for (const resolve of this.pending.splice(0)) resolve(error);
    });
    process.on('error', () => {});
  }

  /** Starts a sandbox and waits until its interpreter has imported numpy. */
  static async start(settings: SandboxSettings): Promise<Zygote> {
    const args = [
      ...sandboxArgs(settings, { seccompFd: SECCOMP_FD }),
      '-c',
      ZYGOTE_SOURCE,
      childSeccompProgram().toString('hex'),
    ];
    const child = spawn(settings.bwrapPath, args, {
      ...sandboxSpawnOptions(),
      stdio: ['pipe', 'pipe', 'pipe', 'pipe', 'pipe'],
    });
    const seccomp = child.stdio[SECCOMP_FD] as Duplex;
    seccomp.on('error', () => {});
    seccomp.end(seccompProgram());
    const zygote = new Zygote(child);
    const ready = await Promise.race([
      zygote.next(),
      new Promise<ZygoteExitedError>((resolve) =>
        setTimeout(() => resolve(new ZygoteExitedError('the Python sandbox took too long to start')), START_TIMEOUT_MS),
      ),
    ]);
    if (ready instanceof ZygoteExitedError || ready.type !== 'ready') {
      zygote.kill();
      throw ready instanceof ZygoteExitedError ? ready : new ZygoteExitedError('the Python sandbox did not start');
    }
    return zygote;
  }

  get alive(): boolean {
    return !this.exited;
  }

  /** Sends one request and waits for its answer, or for the sandbox's death. */
  request(message: object): Promise<ZygoteMessage | ZygoteExitedError> {
    const answer = this.next();
    if (!this.exited) (this.process.stdin as Writable).write(`${JSON.stringify(message)}\n`);
    return answer;
  }

  /** Answers the test's child on the interaction socket. */
  reply(message: object): void {
    if (!this.exited) (this.process.stdio[3] as Duplex).write(`${JSON.stringify(message)}\n`);
  }

  kill(): void {
    if (!this.exited) this.process.kill('SIGKILL');
  }

  /** Forgets a partial interaction line a stopped child left behind. */
  resetInteraction(): void {
    this.interactionBuffer = '';
  }

  private next(): Promise<ZygoteMessage | ZygoteExitedError> {
    if (this.exited) return Promise.resolve(new ZygoteExitedError(`the Python sandbox exited: ${this.stderr.trim()}`));
    return new Promise((resolve) => this.pending.push(resolve));
  }

  private receive(chunk: string): void {
    let rest = chunk;
    for (let newline = rest.indexOf('\n'); newline >= 0; newline = rest.indexOf('\n')) {
      this.parts.push(rest.slice(0, newline));
      const line = this.parts.join('');
      this.parts = [];
      rest = rest.slice(newline + 1);
      const resolve = this.pending.shift();
      resolve?.(JSON.parse(line) as ZygoteMessage);
    }
    if (rest) this.parts.push(rest);
  }

  private receiveInteraction(chunk: string): void {
    this.interactionBuffer += chunk;
    // A child that writes without newlines is cut off at 1 MiB: it only ever costs its own test.
    if (this.interactionBuffer.length > 1024 * 1024) this.interactionBuffer = '';
    for (
      let newline = this.interactionBuffer.indexOf('\n');
      newline >= 0;
      newline = this.interactionBuffer.indexOf('\n')
    ) {
      const line = this.interactionBuffer.slice(0, newline);
      this.interactionBuffer = this.interactionBuffer.slice(newline + 1);
      this.onInteraction?.(line);
    }
  }
}
