import type { SandboxSettings } from '@assay/judge';
import type { Redis } from 'ioredis';
import type { Db } from '../db/openDatabase.ts';
import { BullJudgeQueue } from './BullJudgeQueue.ts';
import { type EventBus, LocalEventBus, RedisEventBus } from './EventBus.ts';
import { JudgeHost, type JudgeService } from './JudgeHost.ts';
import { InProcessQueue, type JudgeQueue } from './JudgeQueue.ts';
import { redisConnection } from './redisConnection.ts';

/** Where live events go: Redis when `redisUrl` is set, this process otherwise ([A50]). */
export interface EventBusOptions {
  /** Redis shared by every API instance and worker; without it the bus is this process's own. */
  redisUrl?: string | undefined;
  /** Every Redis key and channel starts with it (REDIS_PREFIX). */
  prefix: string;
}

/** A Redis bus (its own publisher and subscriber connections), or a local one without `redisUrl`. */
export function createEventBus(options: EventBusOptions): EventBus {
  if (!options.redisUrl) return new LocalEventBus();
  return new RedisEventBus(
    redisConnection(options.redisUrl, false),
    redisConnection(options.redisUrl, true),
    options.prefix,
  );
}

export interface JudgeTransportOptions extends EventBusOptions {
  db: Db;
  /** Submissions judged at once in this process (in-process queue only). */
  concurrency: number;
  /**
   * The in-process judge. Without it the transport starts a JudgeHost process of its own ([A29]) and
   * closes it with the transport; a judge passed in is the caller's to close. Unused with Redis.
   */
  judge?: JudgeService | undefined;
  /** Where the JudgeHost's judge finds Python and bubblewrap ([J62]); unused with `judge` or Redis. */
  sandbox?: Partial<SandboxSettings> | undefined;
  /** Where the in-process queue reports a submission the judge gave up on ([A20]). */
  log?: ((message: string) => void) | undefined;
  /** Called with every error of an in-process job (tests make it throw). */
  onError?: ((error: unknown, submissionId: string) => void) | undefined;
}

/** Queue and event bus as one: the API's half of judging. */
export interface JudgeTransport {
  queue: JudgeQueue;
  events: EventBus;
  /**
   * The Redis connection API instances share state through ([A52]: rate limits, sign-in limits,
   * session cache); undefined without `redisUrl`.
   */
  redis: Redis | undefined;
  /** Lets judging in flight finish, then closes the queue, the judge it started, the bus and Redis. */
  close(): Promise<void>;
}

/**
 * [A51] The one wiring of queue, processor and event bus: BullMQ and a Redis bus when `redisUrl` is
 * set (separate `pnpm worker` processes judge), else the in-process queue judging through `judge`.
 * `pnpm start`, the tests and the API bench all build their transport here.
 */
export async function createJudgeTransport(options: JudgeTransportOptions): Promise<JudgeTransport> {
  const events = createEventBus(options);
  if (options.redisUrl) {
    const connection = redisConnection(options.redisUrl, false);
    const queue = new BullJudgeQueue(connection, options.prefix);
    return {
      queue,
      events,
      redis: connection,
      close: async () => {
        await queue.close();
        await events.close();
        connection.disconnect();
      },
    };
  }
  let ownJudge: JudgeHost | undefined;
  let judge = options.judge;
  if (!judge) {
    ownJudge = new JudgeHost(options.concurrency, options.sandbox);
    await ownJudge.warmUp();
    judge = ownJudge;
  }
  const log = options.log;
  const queue = new InProcessQueue(
    { db: options.db, judge, events, ...(log ? { log } : {}) },
    options.concurrency,
    options.onError ?? (() => {}),
  );
  return {
    queue,
    events,
    redis: undefined,
    close: async () => {
      await queue.close();
      await ownJudge?.close();
      await events.close();
    },
  };
}
