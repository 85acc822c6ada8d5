import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { QueueUnavailable } from '../errors.ts';
import type { JudgeQueue } from './JudgeQueue.ts';

export const QUEUE_NAME = 'judge';
const ENQUEUE_TIMEOUT_MS = 2000;

/**
 * The BullMQ queue `judge` ([A6]). The job id is the submission id, so enqueueing twice is harmless.
 * Its connection has no offline queue: while Redis is down, enqueue fails at once with a 503 instead
 * of hanging, and the submission waits in PostgreSQL for the reconciler.
 */
export class BullJudgeQueue implements JudgeQueue {
  readonly kind = 'bullmq' as const;
  private readonly queue: Queue;

  constructor(connection: Redis, prefix: string) {
    this.queue = new Queue(QUEUE_NAME, { connection, prefix });
    // Connection errors surface through enqueue; an unhandled 'error' event must not crash the API.
    this.queue.on('error', () => {});
  }

  async enqueue(submissionId: string): Promise<void> {
    // BullMQ waits for a connection that may never come; the candidate must not wait with it.
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('enqueue timed out')), ENQUEUE_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.enqueueNow(submissionId), timeout]);
    } catch {
      throw new QueueUnavailable();
    } finally {
      clearTimeout(timer);
    }
  }

  private async enqueueNow(submissionId: string): Promise<void> {
    await this.queue.add(
      'judge',
      { submissionId },
      {
        jobId: submissionId,
        attempts: 5,
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
