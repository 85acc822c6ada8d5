import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { type EventBus, LocalEventBus, type SubmissionEvent, topics } from './EventBus.ts';
import { createEventBus } from './judgeTransport.ts';

const redisUrl = process.env.REDIS_URL;

const event = (attemptId: string, submissionId: string): SubmissionEvent => ({
  type: 'submission',
  attemptId,
  submissionId,
  position: 0,
  mode: 'submit',
  status: 'done',
  verdict: 'accepted',
  score: 1,
});

/** Waits until `probe` holds; Redis delivers asynchronously. */
async function until(what: string, probe: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await probe()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function deliversByTopic(publisherBus: EventBus, subscriberBus: EventBus) {
  const heardA: SubmissionEvent[] = [];
  const heardB: SubmissionEvent[] = [];
  const offA = subscriberBus.subscribe(topics.attempt('a'), (e) => heardA.push(e));
  const offB = subscriberBus.subscribe(topics.attempt('b'), (e) => heardB.push(e));
  // Give a Redis SUBSCRIBE time to land before publishing.
  await new Promise((r) => setTimeout(r, 50));
  await publisherBus.publish(topics.attempt('a'), event('a', 's1'));
  await until('the event for attempt a', () => heardA.length === 1);
  await publisherBus.publish(topics.attempt('b'), event('b', 's2'));
  await until('the event for attempt b', () => heardB.length === 1);
  offA();
  offB();
  expect(heardA.map((e) => (e.type === 'submission' ? e.submissionId : e.type))).toEqual(['s1']);
  expect(heardB.map((e) => (e.type === 'submission' ? e.submissionId : e.type))).toEqual(['s2']);
}

describe('the event bus', () => {
  it('[A50] an event for attempt A is not delivered to a subscriber of attempt B (in process)', async () => {
    const bus = new LocalEventBus();
    await deliversByTopic(bus, bus);
    await bus.close();
  });

  it('[A50] a topic is dropped when its last listener leaves, and a listener leaving twice is harmless', async () => {
    const bus = new LocalEventBus();
    const first = bus.subscribe(topics.attempt('a'), () => {});
    const second = bus.subscribe(topics.attempt('a'), () => {});
    expect(bus.topicCount).toBe(1);
    first();
    first();
    expect(bus.topicCount).toBe(1);
    second();
    expect(bus.topicCount).toBe(0);
    await bus.close();
  });
});

describe.runIf(redisUrl)('the event bus on Redis', () => {
  const prefix = `assay-test-${randomBytes(4).toString('hex')}`;
  const redis = new Redis(redisUrl as string);
  const channels = () => redis.pubsub('CHANNELS', `${prefix}:live:*`) as Promise<string[]>;
  afterAll(() => redis.disconnect());

  it('[A50] an event for attempt A published by one process is not delivered to a subscriber of attempt B in another', async () => {
    const publisher = createEventBus({ redisUrl, prefix });
    const subscriber = createEventBus({ redisUrl, prefix });
    await deliversByTopic(publisher, subscriber);
    await publisher.close();
    await subscriber.close();
  });

  it('[A50] a Redis channel per attempt topic, unsubscribed when its last local listener leaves', async () => {
    const bus = createEventBus({ redisUrl, prefix });
    const offs = [
      bus.subscribe(topics.attempt('a'), () => {}),
      bus.subscribe(topics.attempt('a'), () => {}),
      bus.subscribe(topics.attempt('b'), () => {}),
    ];
    await until('two channels', async () => (await channels()).length === 2);
    expect((await channels()).sort()).toEqual([`${prefix}:live:attempt:a`, `${prefix}:live:attempt:b`]);
    offs[0]?.();
    offs[2]?.();
    await until('one channel', async () => (await channels()).length === 1);
    expect(await channels()).toEqual([`${prefix}:live:attempt:a`]);
    offs[1]?.();
    await until('no channel', async () => (await channels()).length === 0);
    await bus.close();
  });
});
