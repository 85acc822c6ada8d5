import { availableParallelism } from 'node:os';
import { Judge } from '@assay/judge';
import { Redis } from 'ioredis';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { openDatabase } from './db/openDatabase.ts';
import { BullJudgeQueue } from './queue/BullJudgeQueue.ts';
import { type EventBus, LocalEventBus, RedisEventBus } from './queue/EventBus.ts';
import { InProcessQueue, type JudgeQueue } from './queue/JudgeQueue.ts';
import { reconcileQueued } from './queue/reconcile.ts';
import { sweepDeadlines } from './services/attempts.ts';
import { type BootstrapResult, bootstrap } from './services/bootstrap.ts';
import { importProblems } from './services/importProblems.ts';
import { purgeExpiredSessions } from './services/sessions.ts';

const SWEEP_MS = 1000;
const RECONCILE_MS = 10_000;
const STALE_MS = 30_000;
const PURGE_SESSIONS_MS = 3600_000;

export function redisConnection(url: string, forWorker: boolean): Redis {
  // Workers block on Redis and must wait out outages; the API must fail fast instead ([A15]).
  const redis = new Redis(
    url,
    forWorker ? { maxRetriesPerRequest: null } : { maxRetriesPerRequest: 1, enableOfflineQueue: false },
  );
  // Outages surface through the commands that fail (and become 503s), not as unhandled error events.
  redis.on('error', () => {});
  return redis;
}

/**
 * Everything `pnpm start` runs, composed: database (PostgreSQL or PGlite), queue (BullMQ or
 * in-process), problem import, first-start bootstrap, the app, and the background loops.
 */
export async function createRuntime(config: Config) {
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.dataDir });
  const { versions } = await importProblems(database.db);
  const boot: BootstrapResult = await bootstrap(database.db, {
    adminEmail: config.ASSAY_ADMIN_EMAIL,
    ...(config.ASSAY_ADMIN_PASSWORD ? { adminPassword: config.ASSAY_ADMIN_PASSWORD } : {}),
    publicUrl: config.publicUrl,
    versions,
  });
  let events: EventBus;
  let queue: JudgeQueue;
  let judge: Judge | undefined;
  const closers: (() => Promise<unknown>)[] = [];
  if (config.REDIS_URL) {
    const connection = redisConnection(config.REDIS_URL, false);
    const publisher = redisConnection(config.REDIS_URL, false);
    const subscriber = redisConnection(config.REDIS_URL, true);
    events = new RedisEventBus(publisher, subscriber, config.REDIS_PREFIX);
    queue = new BullJudgeQueue(connection, config.REDIS_PREFIX);
    closers.push(async () => {
      connection.disconnect();
      publisher.disconnect();
    });
  } else {
    const concurrency = config.JUDGE_CONCURRENCY ?? availableParallelism();
    judge = new Judge({ concurrency });
    await judge.warmUp();
    events = new LocalEventBus();
    queue = new InProcessQueue({ db: database.db, judge, events }, concurrency, () => {});
  }
  const now = () => new Date();
  const app = await buildApp({ config, db: database.db, queue, events, now });
  const deps = { db: database.db, queue, now };
  const loops = [
    setInterval(
      () => void sweepDeadlines(deps).catch((error: unknown) => app.log.error({ err: error }, 'deadline sweep failed')),
      SWEEP_MS,
    ),
    setInterval(
      () =>
        void reconcileQueued(database.db, queue, now(), STALE_MS).catch((error: unknown) =>
          app.log.warn({ err: error }, 'reconcile failed'),
        ),
      RECONCILE_MS,
    ),
    // [A36] Expired sessions are deleted, not just ignored.
    setInterval(
      () =>
        void purgeExpiredSessions(database.db, now()).catch((error: unknown) =>
          app.log.warn({ err: error }, 'session purge failed'),
        ),
      PURGE_SESSIONS_MS,
    ),
  ];
  // Work the in-process queue lost in a crash is still queued in the database.
  if (queue.kind === 'in-process') await reconcileQueued(database.db, queue, now(), 0);

  return {
    app,
    boot,
    databaseKind: database.kind,
    queueKind: queue.kind,
    /** Graceful shutdown: stop taking requests, let judging in flight finish, then close connections. */
    close: async () => {
      for (const loop of loops) clearInterval(loop);
      await app.close();
      await queue.close();
      await judge?.close();
      await events.close();
      for (const close of closers) await close();
      await database.close();
    },
  };
}
