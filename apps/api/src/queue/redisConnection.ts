import { Redis } from 'ioredis';

/**
 * A Redis connection for the API or a judge worker. Its own module so that `pnpm worker` loads no
 * HTTP code ([A26]).
 */
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
