// `pnpm worker`: a judge worker for the BullMQ queue. Run any number, on any number of machines.
// It loads no HTTP code ([A26]): database, judge, queue and event bus only.
import { availableParallelism } from 'node:os';
import { Judge } from '@assay/judge';
import { DelayedError, type Job, UnrecoverableError, Worker } from 'bullmq';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/openDatabase.ts';
import { languageStatusLine } from './languageStatus.ts';
import { JOB_ATTEMPTS, type JudgeJobData, laneKey, QUEUE_NAME } from './queue/BullJudgeQueue.ts';
import { createEventBus } from './queue/judgeTransport.ts';
import { DatabaseUnreachable, giveUpJob, runJudgeJob } from './queue/processSubmission.ts';
import { redisConnection } from './queue/redisConnection.ts';

/** How long a job waits for an unreachable database before it is tried again, without spending a try ([A22]). */
const DATABASE_WAIT_MS = 2000;

try {
  const config = loadConfig();
  if (!config.REDIS_URL) throw new ConfigError('pnpm worker needs REDIS_URL: without Redis the API judges in-process');
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.dataDir });
  const concurrency = config.JUDGE_CONCURRENCY ?? availableParallelism();
  const judge = new Judge({ concurrency, sandbox: config.sandbox });
  await judge.warmUp();
  const events = createEventBus({ redisUrl: config.REDIS_URL, prefix: config.REDIS_PREFIX });
  const connection = redisConnection(config.REDIS_URL, true);
  const deps = {
    db: database.db,
    judge,
    events,
    log: (message: string) => process.stderr.write(`worker: ${message}\n`),
  };
  // [A7] The processor is thin: parse the job, judge, store. A job without a submission id can never succeed.
  const worker = new Worker<JudgeJobData>(
    QUEUE_NAME,
    async (job: Job<JudgeJobData>, token?: string) => {
      const id = job.data.submissionId;
      if (typeof id !== 'string') throw new UnrecoverableError(`job ${job.id} has no submissionId`);
      try {
        await runJudgeJob(deps, id, job.attemptsMade + 1 >= (job.opts.attempts ?? JOB_ATTEMPTS));
      } catch (error) {
        if (!(error instanceof DatabaseUnreachable)) throw error;
        // [A22] A database outage is not the job's fault: wait for it without spending a try.
        await job.moveToDelayed(Date.now() + DATABASE_WAIT_MS, token);
        throw new DelayedError();
      }
    },
    {
      connection,
      prefix: config.REDIS_PREFIX,
      concurrency,
      lockDuration: 10_000,
      stalledInterval: 5_000,
      // [A23] A job whose worker was killed mid-judge is run again, up to five times; the tries
      // counter on the submission ([A20]) bounds a submission that kills every worker it meets.
      maxStalledCount: 5,
    },
  );
  // [A24] A job that ended for good leaves its attempt's lane.
  const leaveLane = (job: Job<JudgeJobData> | undefined) => {
    if (job?.data.attemptId) void connection.decr(laneKey(config.REDIS_PREFIX, job.data.attemptId)).catch(() => {});
  };
  worker.on('completed', leaveLane);
  worker.on('failed', (job, error) => {
    // A job BullMQ will try again has no finishedOn; one stalled too often may not have spent its attempts.
    if (!job || (job.finishedOn === undefined && job.attemptsMade < (job.opts.attempts ?? JOB_ATTEMPTS))) return;
    leaveLane(job);
    // [A20] Failed for good (stalled too often, or the last try could not store its internal_error):
    // end the submission now; if the database is away, the reconciler does it later ([A21]).
    if (typeof job.data.submissionId === 'string') {
      void giveUpJob(deps, job.data.submissionId, `job failed for good: ${error.message}`).catch(() => {});
    }
  });
  worker.on('error', (error) => process.stderr.write(`worker: ${error.message}\n`));
  process.stdout.write(`judge worker ready (concurrency ${concurrency}, queue ${config.REDIS_PREFIX}:${QUEUE_NAME})\n`);
  // [A140] A worker without bubblewrap or python3 still judges JavaScript; the line says what to install.
  process.stdout.write(`  languages: ${languageStatusLine(judge.availability)}\n`);
  const stop = async () => {
    await worker.close();
    await judge.close();
    await events.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
