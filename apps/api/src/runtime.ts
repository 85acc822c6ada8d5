import { availableParallelism } from 'node:os';
import { LANGUAGES, languageAvailability } from '@assay/judge';
import { buildApp } from './app.ts';
import { BackgroundLoop } from './BackgroundLoop.ts';
import type { Config } from './config.ts';
import { openDatabase } from './db/openDatabase.ts';
import { createJudgeTransport } from './queue/judgeTransport.ts';
import { reconcileQueued } from './queue/reconcile.ts';
import { sweepDeadlines } from './services/attemptDeadlines.ts';
import { type BootstrapResult, bootstrap } from './services/bootstrap.ts';
import { importProblems } from './services/importProblems.ts';
import { tokenKey } from './services/invitationTokens.ts';
import { purgeExpiredSessions } from './services/sessions.ts';

const SWEEP_MS = 1000;
const RECONCILE_MS = 10_000;
const STALE_MS = 30_000;
const PURGE_SESSIONS_MS = 3600_000;

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
    linkKey: await tokenKey(database.db, config.SECRET_KEY),
    // [A133] The demo offers Python only where it can be judged (the probe is remembered, [J62]).
    languages: LANGUAGES.filter((language) => languageAvailability(config.sandbox)[language].available),
  });
  let appLog: { warn: (message: string) => void } | undefined;
  // [A29] Without Redis, judging runs in a process of its own: this thread also runs PGlite and every request.
  const {
    queue,
    events,
    redis,
    close: closeTransport,
  } = await createJudgeTransport({
    redisUrl: config.REDIS_URL,
    prefix: config.REDIS_PREFIX,
    db: database.db,
    concurrency: config.JUDGE_CONCURRENCY ?? availableParallelism(),
    sandbox: config.sandbox,
    // The app's logger exists only once the app is built; judging starts after that.
    log: (message) => appLog?.warn(message),
  });
  const now = () => new Date();
  const app = await buildApp({ config, db: database.db, queue, events, redis, now });
  appLog = app.log;
  const deps = { db: database.db, queue, now };
  // [A27] Background loops run one at a time each, and shutdown waits for a run in progress.
  const loops = [
    new BackgroundLoop({
      name: 'deadline sweep',
      everyMs: SWEEP_MS,
      run: () => sweepDeadlines(deps),
      onError: (error) => app.log.error({ err: error }, 'deadline sweep failed'),
    }),
    new BackgroundLoop({
      name: 'reconcile',
      everyMs: RECONCILE_MS,
      run: () => reconcileQueued(database.db, queue, now(), STALE_MS),
      onError: (error) => app.log.warn({ err: error }, 'reconcile failed'),
    }),
    // [A36] Expired sessions are deleted, not just ignored.
    new BackgroundLoop({
      name: 'session purge',
      everyMs: PURGE_SESSIONS_MS,
      run: () => purgeExpiredSessions(database.db, now()),
      onError: (error) => app.log.warn({ err: error }, 'session purge failed'),
    }),
  ];
  for (const loop of loops) loop.start();
  // Work the in-process queue lost in a crash is still queued in the database.
  if (queue.kind === 'in-process') await reconcileQueued(database.db, queue, now(), 0, 0);

  return {
    app,
    boot,
    databaseKind: database.kind,
    queueKind: queue.kind,
    /** Graceful shutdown: stop taking requests, let judging in flight finish, then close connections. */
    close: async () => {
      await Promise.all(loops.map((loop) => loop.stop()));
      await app.close();
      await closeTransport();
      await database.close();
    },
  };
}
