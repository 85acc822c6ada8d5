import { CLOSE_CODES, ERROR_CODES, PAD_LIMITS } from '@assay/contracts';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import type { Config } from './config.ts';
import { isConnectionError } from './db/connectionErrors.ts';
import type { Db } from './db/openDatabase.ts';
import { DatabaseUnavailable } from './errors.ts';
import { LocalPadBus, type PadBus, RedisPadBus } from './pads/PadBus.ts';
import { PadHub, type PadHubOptions } from './pads/PadHub.ts';
import { padSocketRoutes } from './pads/padSocket.ts';
import { type PadStore, PadWriter, PgPadStore } from './pads/padStore.ts';
import { authPlugin } from './plugins/auth.ts';
import { type LanguageAvailabilities, languagesPlugin } from './plugins/languages.ts';
import { redactTokens, securityPlugin } from './plugins/security.ts';
import type { EventBus } from './queue/EventBus.ts';
import type { JudgeQueue } from './queue/JudgeQueue.ts';
import { adminRoutes } from './routes/admin/index.ts';
import { authRoutes } from './routes/auth.ts';
import { candidateRoutes } from './routes/candidate.ts';
import { healthRoutes } from './routes/health.ts';
import { LIVE_MAX_FRAME_BYTES, liveRoutes } from './routes/live.ts';
import { padPlaybackRoutes } from './routes/padPlayback.ts';
import { padRoutes } from './routes/pads.ts';
import { webApp } from './routes/webApp.ts';
import { RedisSessionCache } from './services/sessionCache.ts';
import { RedisSignInLimiter } from './services/signInLimits.ts';

export interface AppDeps {
  config: Config;
  db: Db;
  queue: JudgeQueue;
  events: EventBus;
  /** The server's clock; tests pass one they can move ([A13]). */
  now: () => Date;
  /**
   * Redis shared by every API instance ([A52]): rate limits, sign-in limits and the candidate session
   * cache live there, under REDIS_PREFIX. Without it they are this process's own.
   */
  redis?: Redis | undefined;
  /** Where the log goes (tests read it); standard output by default. */
  logStream?: { write(line: string): void };
  /**
   * The live pads ([A102]–[A111]): hub timings, and for tests a store or bus of their own. The bus is
   * Redis pub/sub over `redis` (and a subscriber duplicated from it) when Redis is configured.
   */
  pads?: PadHubOptions & { store?: PadStore; bus?: PadBus };
  /** [A130] Which languages this server can judge; probed from `config.sandbox` when not given. */
  languages?: LanguageAvailabilities;
}

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    queue: JudgeQueue;
    events: EventBus;
    config: Config;
    now: () => Date;
    /** Every live pad open in this process ([A102]). */
    pads: PadHub;
  }
}

/** Builds the application; server.ts listens, tests inject ([A3]). */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      deps.config.LOG_LEVEL === 'silent'
        ? false
        : {
            level: deps.config.LOG_LEVEL,
            ...(deps.logStream ? { stream: deps.logStream } : {}),
            serializers: {
              // Fastify's own request fields, with invitation tokens cut out of the URL ([A39]).
              req: (raw) => {
                const request = raw as unknown as FastifyRequest;
                return {
                  method: request.method,
                  url: redactTokens(request.url),
                  host: request.host,
                  remoteAddress: request.ip,
                  remotePort: request.socket?.remotePort,
                };
              },
            },
          },
    trustProxy: deps.config.TRUST_PROXY,
    genReqId: () => crypto.randomUUID(),
    bodyLimit: 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', deps.db);
  app.decorate('queue', deps.queue);
  app.decorate('events', deps.events);
  app.decorate('config', deps.config);
  app.decorate('now', deps.now);

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.code?.startsWith('API_ERR_')) {
      return reply.status(error.statusCode ?? 400).send({ error: { code: error.code, message: error.message } });
    }
    if (error.validation) {
      const where = error.validationContext ?? 'request';
      const details = error.validation.map(
        (v) => `${v.instancePath.replace(/^\//, '').replaceAll('/', '.') || where}: ${v.message}`,
      );
      return reply
        .status(400)
        .send({ error: { code: ERROR_CODES.BAD_REQUEST, message: `the ${where} is invalid: ${details.join('; ')}` } });
    }
    if (isConnectionError(error)) {
      const unavailable = new DatabaseUnavailable();
      request.log.error({ err: error }, 'database unavailable');
      return reply.status(503).send({ error: { code: unavailable.code, message: unavailable.message } });
    }
    if (error.statusCode && error.statusCode < 500) {
      return reply
        .status(error.statusCode)
        .send({ error: { code: error.code ?? ERROR_CODES.BAD_REQUEST, message: error.message } });
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply.status(500).send({
      error: {
        code: ERROR_CODES.INTERNAL,
        message: 'something went wrong on our side; nothing you did. Try again, and tell us if it keeps happening',
      },
    });
  });

  await app.register(swagger, {
    openapi: { info: { title: 'Assay API', version: '0.1.0', description: 'Assessments, attempts and judging.' } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(securityPlugin, { publicUrl: deps.config.publicUrl });
  await app.register(cookie);
  await app.register(languagesPlugin, { sandbox: deps.config.sandbox, availability: deps.languages });
  // [A30] [A112] The pad's frame limit for every socket; the live channel enforces its own 1 KiB (live.ts).
  await app.register(websocket, {
    options: { maxPayload: Math.max(PAD_LIMITS.frameBytes, LIVE_MAX_FRAME_BYTES) },
    // A client's bad frame is the client's fault: a warning, not a server error (ws has sent its close code).
    errorHandler: (error, socket, request) => {
      request.log.warn({ err: error }, 'live socket closed on a client error');
      socket.terminate();
    },
  });
  const prefix = deps.config.REDIS_PREFIX;
  await app.register(authPlugin, {
    secureCookies: deps.config.NODE_ENV === 'production' || deps.config.publicUrl.startsWith('https:'),
    ...(deps.redis ? { sessionCache: new RedisSessionCache(deps.redis, prefix) } : {}),
  });
  // [A17] Limits are per attempt for candidates (per address otherwise), set on the routes that need them.
  await app.register(rateLimit, {
    global: false,
    hook: 'preHandler',
    // [A52] Counted in Redis across API instances when it is configured; while Redis is unreachable
    // requests are not counted (judging answers 503 then anyway, [A15]).
    ...(deps.redis ? { redis: deps.redis, nameSpace: `${prefix}:rate:`, skipOnError: true } : {}),
    keyGenerator: (request) => request.attemptId ?? request.staff?.id ?? request.ip,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      code: ERROR_CODES.RATE_LIMITED,
      message: `too many requests: at most ${context.max} per ${context.after === '1 minute' ? 'minute' : context.after}. Wait ${Math.ceil(context.ttl / 1000)} s and try again`,
    }),
  });
  await app.register(healthRoutes);
  await app.register(authRoutes, deps.redis ? { signInLimits: new RedisSignInLimiter(deps.redis, prefix) } : {});
  await app.register(candidateRoutes);
  await app.register(liveRoutes);
  const padStore = deps.pads?.store ?? new PgPadStore(deps.db);
  const padWriter = new PadWriter(padStore, {
    onError: (error, attempt) => app.log.error({ err: error, attempt }, 'storing pad updates failed; retrying'),
  });
  const padBus = deps.pads?.bus ?? (deps.redis ? redisPadBus(deps.redis, deps.config.REDIS_PREFIX) : new LocalPadBus());
  const hub = new PadHub(
    { db: deps.db, store: padStore, writer: padWriter, bus: padBus, events: deps.events, now: deps.now, log: app.log },
    deps.pads,
  );
  app.decorate('pads', hub);
  // Sockets are closed first (told to come back), then every acknowledged-or-not row is written.
  app.addHook('preClose', () => hub.close(CLOSE_CODES.SERVER_RESTART, 'the server is restarting: reconnecting'));
  await app.register(padSocketRoutes, { hub });
  await app.register(adminRoutes);
  await app.register(padRoutes);
  await app.register(padPlaybackRoutes);
  await app.register(webApp, { dist: deps.config.webDist });
  return app;
}

/** The pads' Redis bus: publishes on the app's connection, listens on a dedicated duplicate ([A110]). */
function redisPadBus(redis: Redis, prefix: string): PadBus {
  // A subscriber waits out a Redis restart (ioredis re-subscribes) instead of failing fast as the API's commands do.
  const subscriber = redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
  subscriber.on('error', () => {});
  return new RedisPadBus(redis, subscriber, prefix);
}
