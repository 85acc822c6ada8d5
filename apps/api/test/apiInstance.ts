import type { FastifyInstance } from 'fastify';
import { type AppDeps, buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import type { Db } from '../src/db/openDatabase.ts';
import { createJudgeTransport, type JudgeTransport } from '../src/queue/judgeTransport.ts';

/** One API instance listening on loopback, sharing a database and a Redis key prefix with its siblings ([A52], [A110]). */
export interface ApiInstance {
  app: FastifyInstance;
  transport: JudgeTransport;
  /** `http://127.0.0.1:<port>`. */
  base: string;
  close(): Promise<void>;
}

export async function startApiInstance(
  options: { db: Db; redisUrl: string; prefix: string } & Pick<AppDeps, 'pads'>,
): Promise<ApiInstance> {
  const { db, redisUrl, prefix } = options;
  const config = {
    ...loadConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: 'http://assay.test', REDIS_URL: redisUrl, REDIS_PREFIX: prefix }),
    webDist: undefined,
  };
  const transport = await createJudgeTransport({ redisUrl, prefix, db, concurrency: 1 });
  const { queue, events } = transport;
  const app = await buildApp({
    config,
    db,
    queue,
    events,
    redis: transport.redis,
    now: () => new Date(),
    ...(options.pads ? { pads: options.pads } : {}),
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    app,
    transport,
    base: `http://127.0.0.1:${(app.server.address() as { port: number }).port}`,
    close: async () => {
      await app.close();
      await transport.close();
    },
  };
}
