import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';

/** What the judge announces when a submission changes state; pushed to the candidate's WebSocket. */
export interface SubmissionEvent {
  type: 'submission';
  attemptId: string;
  submissionId: string;
  position: number;
  mode: 'run' | 'submit';
  status: 'queued' | 'running' | 'done';
  verdict?: string;
  score?: number;
}

export interface EventBus {
  publish(event: SubmissionEvent): Promise<void>;
  subscribe(listener: (event: SubmissionEvent) => void): () => void;
  close(): Promise<void>;
}

/** One process: API and judge share an EventEmitter. */
export class LocalEventBus implements EventBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  async publish(event: SubmissionEvent): Promise<void> {
    this.emitter.emit('event', event);
  }

  subscribe(listener: (event: SubmissionEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

/** Many processes: workers publish on a Redis channel every API instance listens to. */
export class RedisEventBus implements EventBus {
  private readonly local = new LocalEventBus();
  private readonly channel: string;

  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    prefix: string,
  ) {
    this.channel = `${prefix}:events`;
    void this.subscriber.subscribe(this.channel);
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel === this.channel) void this.local.publish(JSON.parse(message) as SubmissionEvent);
    });
  }

  async publish(event: SubmissionEvent): Promise<void> {
    await this.publisher.publish(this.channel, JSON.stringify(event));
  }

  subscribe(listener: (event: SubmissionEvent) => void): () => void {
    return this.local.subscribe(listener);
  }

  async close(): Promise<void> {
    await this.local.close();
    this.subscriber.disconnect();
  }
}
