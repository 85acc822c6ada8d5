import { DatabaseUnreachable, type ProcessorDeps, runJudgeJob } from './processSubmission.ts';

/** Where submissions wait for a judge: BullMQ on Redis, or this process ([A6]). */
export interface JudgeQueue {
  readonly kind: 'bullmq' | 'in-process';
  /** Queues a submission; `attemptId` is its fairness lane ([A24]). Enqueueing twice is harmless. */
  enqueue(submissionId: string, attemptId: string): Promise<void>;
  /**
   * Queues again a submission the reconciler found stuck ([A21]), even when the queue still holds a
   * finished or failed job for it; a job still waiting or running is left alone.
   */
  requeue(submissionId: string, attemptId: string): Promise<void>;
  /** Waits for work in flight, then stops. */
  close(): Promise<void>;
}

/** [A24] Jobs of one attempt judged at once, so that one attempt's slow or hostile code costs that attempt. */
export const IN_FLIGHT_PER_ATTEMPT = 2;
/** Tries of one job in this process before its submission ends as `internal_error` ([A20]). */
const TRIES = 3;
/** How long a job waits for the database to come back before it tries again, without spending a try ([A22]). */
const DATABASE_WAIT_MS = 2000;

interface Lane {
  pending: string[];
  running: number;
}

/**
 * Without REDIS_URL the API judges in-process, through the same processor a BullMQ worker runs.
 * Jobs lost by a crash are still `queued` in the database and the reconciler enqueues them again.
 * [A24] Attempts take turns: the next job comes from the next attempt in round-robin order that has
 * fewer than IN_FLIGHT_PER_ATTEMPT jobs running.
 */
export class InProcessQueue implements JudgeQueue {
  readonly kind = 'in-process' as const;
  /** Each attempt with jobs waiting or running, and the ring of their turns. */
  private readonly lanes = new Map<string, Lane>();
  private ring: string[] = [];
  /** Where in the ring the next turn starts: after the attempt served last. */
  private cursor = 0;
  private readonly inFlight = new Set<Promise<void>>();
  /** Ids queued, waiting to retry or being judged: the reconciler may offer a long-running one again. */
  private readonly known = new Set<string>();
  /** Which try each known job is on. */
  private readonly tries = new Map<string, number>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(
    private readonly deps: ProcessorDeps,
    private readonly concurrency: number,
    private readonly onError: (error: unknown, submissionId: string) => void,
    private readonly perAttempt: number = IN_FLIGHT_PER_ATTEMPT,
  ) {}

  async enqueue(submissionId: string, attemptId: string): Promise<void> {
    if (this.closed) throw new Error('the judge queue is closed');
    if (this.known.has(submissionId)) return;
    this.known.add(submissionId);
    this.push(submissionId, attemptId, 1);
  }

  requeue(submissionId: string, attemptId: string): Promise<void> {
    return this.enqueue(submissionId, attemptId);
  }

  private push(submissionId: string, attemptId: string, tryNumber: number): void {
    this.tries.set(submissionId, tryNumber);
    let lane = this.lanes.get(attemptId);
    if (!lane) {
      lane = { pending: [], running: 0 };
      this.lanes.set(attemptId, lane);
      this.ring.push(attemptId);
    }
    lane.pending.push(submissionId);
    this.pump();
  }

  /** The next job by round robin over attempts with a free slot. */
  private next(): { submissionId: string; attemptId: string; lane: Lane } | undefined {
    for (let i = 0; i < this.ring.length; i++) {
      const at = (this.cursor + i) % this.ring.length;
      const attemptId = this.ring[at] as string;
      const lane = this.lanes.get(attemptId) as Lane;
      if (lane.running >= this.perAttempt || lane.pending.length === 0) continue;
      this.cursor = at + 1;
      return { submissionId: lane.pending.shift() as string, attemptId, lane };
    }
    return undefined;
  }

  /** Drops an attempt with nothing waiting or running from the ring. */
  private retire(attemptId: string, lane: Lane): void {
    if (lane.running > 0 || lane.pending.length > 0 || this.lanes.get(attemptId) !== lane) return;
    this.lanes.delete(attemptId);
    const at = this.ring.indexOf(attemptId);
    this.ring.splice(at, 1);
    if (at < this.cursor) this.cursor--;
  }

  private pump(): void {
    while (!this.closed && this.inFlight.size < this.concurrency) {
      const job = this.next();
      if (!job) return;
      const { submissionId, attemptId, lane } = job;
      lane.running++;
      const tryNumber = this.tries.get(submissionId) ?? 1;
      let retry: { inMs: number; tryNumber: number } | undefined;
      const run = runJudgeJob(this.deps, submissionId, tryNumber >= TRIES)
        .catch((error: unknown) => {
          // A database outage does not spend a try ([A22]); any other error does.
          retry =
            error instanceof DatabaseUnreachable
              ? { inMs: DATABASE_WAIT_MS, tryNumber }
              : { inMs: 1000 * 2 ** (tryNumber - 1), tryNumber: tryNumber + 1 };
          this.onError(error, submissionId);
        })
        .finally(() => {
          this.inFlight.delete(run);
          lane.running--;
          this.retire(attemptId, lane);
          const again = retry;
          if (again === undefined || this.closed) {
            this.known.delete(submissionId);
            this.tries.delete(submissionId);
          } else {
            const timer = setTimeout(() => {
              this.timers.delete(timer);
              if (!this.closed) this.push(submissionId, attemptId, again.tryNumber);
            }, again.inMs);
            this.timers.add(timer);
          }
          this.pump();
        });
      this.inFlight.add(run);
    }
  }

  /** Resolves when nothing is queued, waiting to retry or running (tests use it to wait for verdicts). */
  async idle(): Promise<void> {
    while (this.known.size > 0) {
      if (this.inFlight.size > 0) await Promise.race(this.inFlight);
      else await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.lanes.clear();
    this.ring = [];
    this.known.clear();
    await Promise.allSettled(this.inFlight);
  }
}
