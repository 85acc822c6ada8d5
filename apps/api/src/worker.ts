// `pnpm worker`: a judge worker for the BullMQ queue. Run any number, on any number of machines.
import { availableParallelism } from 'node:os';
import { Judge } from '@assay/judge';
import { UnrecoverableError, Worker } from 'bullmq';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/openDatabase.ts';
import { QUEUE_NAME } from './queue/BullJudgeQueue.ts';
import { RedisEventBus } from './queue/EventBus.ts';
import { processSubmission } from './queue/processSubmission.ts';
import { redisConnection } from './runtime.ts';

try {
  const config = loadConfig();
  if (!config.REDIS_URL) throw new ConfigError('pnpm worker needs REDIS_URL: without Redis the API judges in-process');
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.dataDir });
  const concurrency = config.JUDGE_CONCURRENCY ?? availableParallelism();
  const judge = new Judge({ concurrency });
  await judge.warmUp();
  const events = new RedisEventBus(
    redisConnection(config.REDIS_URL, false),
    redisConnection(config.REDIS_URL, true),
    config.REDIS_PREFIX,
  );
  // [A7] The processor is thin: parse the job, judge, store. A job without a submission id can never succeed.
  const worker = new Worker(
    QUEUE_NAME,
    async (job) => {
      const id = (job.data as { submissionId?: unknown }).submissionId;
      if (typeof id !== 'string') throw new UnrecoverableError(`job ${job.id} has no submissionId`);
      await processSubmission({ db: database.db, judge, events }, id);
    },
    {
      connection: redisConnection(config.REDIS_URL, true),
      prefix: config.REDIS_PREFIX,
      concurrency,
      lockDuration: 10_000,
      stalledInterval: 5_000,
    },
  );
  worker.on('error', (error) => process.stderr.write(`worker: ${error.message}\n`));
  process.stdout.write(`judge worker ready (concurrency ${concurrency}, queue ${config.REDIS_PREFIX}:${QUEUE_NAME})\n`);
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
