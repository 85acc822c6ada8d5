import { type ChildProcess, fork } from 'node:child_process';
import {
  type JudgeReport,
  type JudgeRequest,
  type Language,
  LanguageUnavailableError,
  type ProblemSpec,
  processEntry,
  type SandboxSettings,
} from '@assay/judge';

/** What the processor needs of a judge: the in-process Judge and JudgeHost both fit. */
export interface JudgeService {
  judge(request: JudgeRequest): Promise<JudgeReport>;
}

/** API → judge host. */
export type HostMessage =
  | { type: 'spec'; specId: number; spec: ProblemSpec }
  | { type: 'judge'; requestId: number; specId: number; request: Omit<JudgeRequest, 'problem'> };

/** Judge host → API. */
export type HostReply =
  | { type: 'ready' }
  | { type: 'report'; requestId: number; report: JudgeReport }
  | {
      type: 'failed';
      requestId: number;
      message: string;
      /** [A132] Set when the judge refused the language (LanguageUnavailableError): the API stores the reason, no retry. */
      unavailable?: { language: Language; reason: string };
    };

/** The judge host's entry point beside this module, compiled or not ([A60]). */
const ENTRY = processEntry(import.meta.url, './judgeHostMain');

/** The judge host process exited while judging; the queue tries the job again ([A20]). */
export class JudgeHostExited extends Error {
  override name = 'JudgeHostExited';
}

/**
 * [A29] The embedded (in-process) judge, run in a process of its own. In embedded mode the API's
 * thread also runs PGlite and every request; judging there serialised each problem's tests (megabytes
 * for the built-in problems) for the sandbox on every submission. Here a problem spec crosses to the
 * host once per host process, and each submission sends only its source.
 */
export class JudgeHost implements JudgeService {
  private child: ChildProcess | undefined;
  private ready: Promise<ChildProcess> | undefined;
  private readonly specIds = new WeakMap<ProblemSpec, number>();
  private nextSpecId = 1;
  /** Spec ids the current host process holds. */
  private sent = new Set<number>();
  private nextRequestId = 1;
  private readonly pending = new Map<number, { resolve: (r: JudgeReport) => void; reject: (e: Error) => void }>();
  private closed = false;
  /** Problem specs sent to a host process so far (each costs one serialisation). */
  specsSent = 0;

  /**
   * @param concurrency submissions the host judges at once.
   * @param sandbox where the host's judge finds Python and bubblewrap ([J62]); the judge's defaults when absent.
   */
  constructor(
    private readonly concurrency: number,
    private readonly sandbox: Partial<SandboxSettings> = {},
  ) {}

  /** Starts the host process and its sandboxes. */
  async warmUp(): Promise<void> {
    await this.host();
  }

  private host(): Promise<ChildProcess> {
    if (this.closed) return Promise.reject(new Error('the judge is closed'));
    this.ready ??= new Promise<ChildProcess>((resolve, reject) => {
      const child = fork(ENTRY.path, [String(this.concurrency), JSON.stringify(this.sandbox)], {
        execArgv: ENTRY.execArgv,
        serialization: 'advanced',
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      this.child = child;
      this.sent = new Set();
      child.on('message', (reply: HostReply) => {
        if (reply.type === 'ready') return resolve(child);
        const waiter = this.pending.get(reply.requestId);
        this.pending.delete(reply.requestId);
        if (reply.type === 'report') waiter?.resolve(reply.report);
        else if (reply.unavailable)
          waiter?.reject(new LanguageUnavailableError(reply.unavailable.language, reply.unavailable.reason));
        else waiter?.reject(new Error(reply.message));
      });
      child.once('exit', (code, signal) => {
        reject(new JudgeHostExited(`the judge host exited (${signal ?? code}) before it was ready`));
        if (this.child === child) {
          this.child = undefined;
          this.ready = undefined;
        }
        for (const [id, waiter] of this.pending) {
          waiter.reject(new JudgeHostExited(`the judge host exited (${signal ?? code}) while judging`));
          this.pending.delete(id);
        }
      });
    });
    return this.ready;
  }

  async judge(request: JudgeRequest): Promise<JudgeReport> {
    const child = await this.host();
    const { problem, ...rest } = request;
    let specId = this.specIds.get(problem);
    if (specId === undefined) {
      specId = this.nextSpecId++;
      this.specIds.set(problem, specId);
    }
    if (!this.sent.has(specId)) {
      child.send({ type: 'spec', specId, spec: problem } satisfies HostMessage);
      this.sent.add(specId);
      this.specsSent++;
    }
    const requestId = this.nextRequestId++;
    return new Promise<JudgeReport>((resolve, reject) => {
      this.pending.set(requestId, { resolve, reject });
      child.send({ type: 'judge', requestId, specId, request: rest } satisfies HostMessage);
    });
  }

  /** Waits for nothing: the queue has drained its jobs before; the host stops its sandboxes and exits. */
  async close(): Promise<void> {
    this.closed = true;
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.disconnect();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
}
