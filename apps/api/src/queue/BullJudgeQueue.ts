import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { QueueUnavailable } from '../errors.ts';
import type { JudgeQueue } from './JudgeQueue.ts';

export const QUEUE_NAME = 'judge';
const ENQUEUE_TIMEOUT_MS = 2000;
/** BullMQ's lowest priority; a lane's count beyond it cannot sink further. */
const MAX_PRIORITY = 2_097_151;
/** A lane counter outlives its attempt's last job by this much, so a count lost in a crash heals ([A24]). */
const LANE_TTL_S = 15 * 60;

/** What every judge job carries. */
export interface JudgeJobData {
  submissionId: string;
  /** The attempt whose lane the job is in ([A24]); jobs queued before lanes existed have none. */
  attemptId?: string;
}

/** Tries of a job; the last one ends its submission as `internal_error` if it fails too ([A20]). */
export const JOB_ATTEMPTS = 5;

/** The Redis key counting an attempt's jobs waiting or running ([A24]). */
export function laneKey(prefix: string, attemptId: string): string {
  return `${prefix}:${QUEUE_NAME}:lane:${attemptId}`;
}

/**
 * The BullMQ queue `judge` ([A6]). The job id is the submission id, so enqueueing twice is harmless.
 * Its connection has no offline queue: while Redis is down, enqueue fails at once with a 503 instead
 * of hanging, and the submission waits in PostgreSQL for the reconciler.
 *
 * [A24] Fairness: each attempt is a lane, and a job's priority is the number of its attempt's jobs
 * already waiting or running (a Redis counter the worker decrements when a job ends), so one
 * attempt's flood queues behind every other attempt's first job.
 */
export class BullJudgeQueue implements JudgeQueue {
  readonly kind = 'bullmq' as const;
  private readonly queue: Queue<JudgeJobData>;

  constructor(
    private readonly connection: Redis,
    private readonly prefix: string,
  ) {
    this.queue = new Queue<JudgeJobData>(QUEUE_NAME, { connection, prefix });
    // Connection errors surface through enqueue; an unhandled 'error' event must not crash the API.
    this.queue.on('error', () => {});
  }

  enqueue(submissionId: string, attemptId: string): Promise<void> {
    return this.withinTimeout(() => this.add(submissionId, attemptId));
  }

  requeue(submissionId: string, attemptId: string): Promise<void> {
    return this.withinTimeout(async () => {
      const job = await this.queue.getJob(submissionId);
      if (job) {
        const state = await job.getState();
        // A job waiting, delayed or running will finish the submission; a finished one never will.
        if (state !== 'completed' && state !== 'failed' && state !== 'unknown') return;
        await job.remove();
      }
      await this.add(submissionId, attemptId);
    });
  }

  /** BullMQ waits for a connection that may never come; the candidate must not wait with it. */
  private async withinTimeout(work: () => Promise<void>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('enqueue timed out')), ENQUEUE_TIMEOUT_MS);
    });
    try {
      await Promise.race([work(), timeout]);
    } catch {
      throw new QueueUnavailable();
    } finally {
      clearTimeout(timer);
    }
  }

  private async add(submissionId: string, attemptId: string): Promise<void> {
    const lane = laneKey(this.prefix, attemptId);
    const [[, count]] = (await this.connection.multi().incr(lane).expire(lane, LANE_TTL_S).exec()) as [
      [Error | null, number],
    ];
    await this.queue.add(
      'judge',
      { submissionId, attemptId },
      {
        jobId: submissionId,
        priority: Math.min(Math.max(1, count), MAX_PRIORITY),
        attempts: JOB_ATTEMPTS,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: { count: 10_000 },
        removeOnFail: { count: 10_000 },
      },
    );
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
