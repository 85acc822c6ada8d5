import type { ProcessorDeps } from './processSubmission.ts';
import { processSubmission } from './processSubmission.ts';

/** Where submissions wait for a judge: BullMQ on Redis, or this process ([A6]). */
export interface JudgeQueue {
  readonly kind: 'bullmq' | 'in-process';
  enqueue(submissionId: string): Promise<void>;
  /** Waits for work in flight, then stops. */
  close(): Promise<void>;
}

/**
 * Without REDIS_URL the API judges in-process, through the same processor a BullMQ worker runs.
 * Jobs lost by a crash are still `queued` in the database and the reconciler enqueues them again.
 */
export class InProcessQueue implements JudgeQueue {
  readonly kind = 'in-process' as const;
  private readonly pending: string[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  /** Ids queued or being judged: the reconciler may offer a long-running one again. */
  private readonly known = new Set<string>();
  private closed = false;

  constructor(
    private readonly deps: ProcessorDeps,
    private readonly concurrency: number,
    private readonly onError: (error: unknown, submissionId: string) => void,
  ) {}

  async enqueue(submissionId: string): Promise<void> {
    if (this.closed) throw new Error('the judge queue is closed');
    if (this.known.has(submissionId)) return;
    this.known.add(submissionId);
    this.pending.push(submissionId);
    this.pump();
  }

  private pump(): void {
    while (this.inFlight.size < this.concurrency && this.pending.length > 0) {
      const id = this.pending.shift() as string;
      const run = processSubmission(this.deps, id)
        .then(() => undefined)
        .catch((error: unknown) => this.onError(error, id))
        .finally(() => {
          this.inFlight.delete(run);
          this.known.delete(id);
          if (!this.closed) this.pump();
        });
      this.inFlight.add(run);
    }
  }

  /** Resolves when nothing is queued or running (tests use it to wait for verdicts). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0 || this.pending.length > 0) await Promise.race(this.inFlight);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.pending.length = 0;
    await Promise.allSettled(this.inFlight);
  }
}
