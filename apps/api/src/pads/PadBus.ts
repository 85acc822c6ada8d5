import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * Binary pub/sub between the API instances serving one pad ([A110]): Yjs updates, awareness and the
 * state-vector hello travel on one channel per pad. Every message carries the sending instance's id so
 * an instance ignores its own echo.
 */
export interface PadBus {
  readonly instanceId: string;
  publish(padId: string, message: Uint8Array): Promise<void>;
  /**
   * Listens to a pad's channel while the pad is loaded here; resolves, once the subscription is in
   * place (so a hello published next is answered to us), to the function that stops.
   */
  subscribe(padId: string, listener: (message: Uint8Array) => void): Promise<() => void>;
  close(): Promise<void>;
}

/** One process serves every pad: nothing to tell anyone. */
export class LocalPadBus implements PadBus {
  readonly instanceId = randomUUID();
  async publish(): Promise<void> {}
  async subscribe(): Promise<() => void> {
    return () => {};
  }
  async close(): Promise<void> {}
}

/**
 * Redis pub/sub on `<prefix>:pad:<padId>` with Buffer messages, over a dedicated subscriber
 * connection. A pad's channel is subscribed while at least one listener watches it here.
 */
export class RedisPadBus implements PadBus {
  readonly instanceId = randomUUID();
  private readonly listeners = new Map<string, Set<(message: Uint8Array) => void>>();
  private readonly subscribed = new Map<string, Promise<unknown>>();
  private readonly prefix: string;

  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    prefix: string,
  ) {
    this.prefix = `${prefix}:pad:`;
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      const name = channel.toString();
      if (!name.startsWith(this.prefix)) return;
      const bytes = new Uint8Array(message.buffer, message.byteOffset, message.byteLength);
      for (const listener of [...(this.listeners.get(name.slice(this.prefix.length)) ?? [])]) listener(bytes);
    });
  }

  async publish(padId: string, message: Uint8Array): Promise<void> {
    await this.publisher.publish(
      `${this.prefix}${padId}`,
      Buffer.from(message.buffer, message.byteOffset, message.byteLength),
    );
  }

  async subscribe(padId: string, listener: (message: Uint8Array) => void): Promise<() => void> {
    let set = this.listeners.get(padId);
    if (!set) {
      set = new Set();
      this.listeners.set(padId, set);
      // A failed subscription leaves the pad to this instance's clients; ioredis re-subscribes after a reconnect.
      this.subscribed.set(
        padId,
        this.subscriber.subscribe(`${this.prefix}${padId}`).catch(() => {}),
      );
    }
    const entry = (message: Uint8Array) => listener(message);
    set.add(entry);
    await this.subscribed.get(padId);
    return () => {
      const current = this.listeners.get(padId);
      if (!current?.delete(entry) || current.size > 0) return;
      this.listeners.delete(padId);
      this.subscribed.delete(padId);
      void this.subscriber.unsubscribe(`${this.prefix}${padId}`).catch(() => {});
    };
  }

  async close(): Promise<void> {
    this.listeners.clear();
    this.subscriber.disconnect();
  }
}
