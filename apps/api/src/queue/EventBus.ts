import type { LiveSubmissionMessage, PadServerEvent } from '@assay/contracts';
import type { Redis } from 'ioredis';

/**
 * What the judge announces when a submission changes state: the live channel's submission message
 * (`@assay/contracts`), with the attempt it belongs to, which picks the topic.
 */
export type SubmissionEvent = LiveSubmissionMessage & { attemptId: string };

/** A pad's JSON event for every participant's socket ([A102], issue 12), on the topic `topics.pad(padId)`. */
export interface PadBusEvent {
  type: 'pad';
  padId: string;
  event: PadServerEvent;
}

/** A live message on the event bus. */
export type LiveEvent = SubmissionEvent | PadBusEvent;

/**
 * [A50] Live events travel by topic, one per attempt (and later one per pad), so that a socket hears
 * only its own and a process subscribes only to the topics its sockets watch.
 */
declare const eventOf: unique symbol;
/** A topic's name, typed by the events it carries (a submission's or a pad's), so listeners need not narrow. */
export type Topic<E extends LiveEvent> = string & { readonly [eventOf]?: E };

export const topics = {
  attempt: (attemptId: string) => `attempt:${attemptId}` as Topic<SubmissionEvent>,
  pad: (padId: string) => `pad:${padId}` as Topic<PadBusEvent>,
} as const;

export interface EventBus {
  /** Delivers `event` to every subscriber of `topic`, in every process sharing the bus. */
  publish<E extends LiveEvent>(topic: Topic<E>, event: E): Promise<void>;
  /** Listens to one topic; answers the function that stops listening. */
  subscribe<E extends LiveEvent>(topic: Topic<E>, listener: (event: E) => void): () => void;
  close(): Promise<void>;
}

/** Publishes a submission's notice on its attempt's topic. */
export function publishSubmission(events: EventBus, event: SubmissionEvent): Promise<void> {
  return events.publish(topics.attempt(event.attemptId), event);
}

/** Publishes a pad's event (language, run, ended, …) to every participant's socket, on every instance. */
export function publishPadEvent(events: EventBus, padId: string, event: PadServerEvent): Promise<void> {
  return events.publish(topics.pad(padId), { type: 'pad', padId, event });
}

type Listener = (event: LiveEvent) => void;

/** Topic → listeners; reports when a topic gains its first listener or loses its last. */
class Subscribers {
  private readonly byTopic = new Map<string, Set<Listener>>();

  constructor(
    private readonly onFirst: (topic: string) => void = () => {},
    private readonly onLast: (topic: string) => void = () => {},
  ) {}

  add(topic: string, listener: Listener): () => void {
    let listeners = this.byTopic.get(topic);
    if (!listeners) {
      listeners = new Set();
      this.byTopic.set(topic, listeners);
      this.onFirst(topic);
    }
    // Each subscription is its own entry, so one listener subscribed twice is unsubscribed twice.
    const entry: Listener = (event) => listener(event);
    listeners.add(entry);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const current = this.byTopic.get(topic);
      if (!current?.delete(entry) || current.size > 0) return;
      this.byTopic.delete(topic);
      this.onLast(topic);
    };
  }

  deliver(topic: string, event: LiveEvent): void {
    for (const listener of [...(this.byTopic.get(topic) ?? [])]) listener(event);
  }

  /** How many topics have listeners here. */
  get size(): number {
    return this.byTopic.size;
  }

  clear(): void {
    this.byTopic.clear();
  }
}

/** One process: API and judge share a map of topics. */
export class LocalEventBus implements EventBus {
  private readonly subscribers = new Subscribers();

  async publish<E extends LiveEvent>(topic: Topic<E>, event: E): Promise<void> {
    this.subscribers.deliver(topic, event);
  }

  subscribe<E extends LiveEvent>(topic: Topic<E>, listener: (event: E) => void): () => void {
    return this.subscribers.add(topic, listener as Listener);
  }

  /** Topics with at least one listener. */
  get topicCount(): number {
    return this.subscribers.size;
  }

  async close(): Promise<void> {
    this.subscribers.clear();
  }
}

/**
 * Many processes: a Redis channel per topic (`<prefix>:live:<topic>`). A process subscribes to a
 * channel while at least one of its listeners watches the topic and unsubscribes when the last one
 * leaves ([A50]), so Redis subscriptions follow open sockets and never leak.
 */
export class RedisEventBus implements EventBus {
  private readonly subscribers: Subscribers;
  private readonly channelPrefix: string;

  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    prefix: string,
  ) {
    this.channelPrefix = `${prefix}:live:`;
    // A failed (un)subscribe surfaces as a silent live channel; ioredis re-subscribes after a reconnect.
    this.subscribers = new Subscribers(
      (topic) => void this.subscriber.subscribe(this.channelOf(topic)).catch(() => {}),
      (topic) => void this.subscriber.unsubscribe(this.channelOf(topic)).catch(() => {}),
    );
    this.subscriber.on('message', (channel: string, message: string) => {
      if (!channel.startsWith(this.channelPrefix)) return;
      this.subscribers.deliver(channel.slice(this.channelPrefix.length), JSON.parse(message) as LiveEvent);
    });
  }

  private channelOf(topic: string): string {
    return `${this.channelPrefix}${topic}`;
  }

  async publish<E extends LiveEvent>(topic: Topic<E>, event: E): Promise<void> {
    await this.publisher.publish(this.channelOf(topic), JSON.stringify(event));
  }

  subscribe<E extends LiveEvent>(topic: Topic<E>, listener: (event: E) => void): () => void {
    return this.subscribers.add(topic, listener as Listener);
  }

  async close(): Promise<void> {
    this.subscribers.clear();
    this.subscriber.disconnect();
    this.publisher.disconnect();
  }
}
