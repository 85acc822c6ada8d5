import type { LanguageId, PadParticipant, PadStatus } from '@assay/contracts';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/openDatabase.ts';
import type { EventBus } from '../queue/EventBus.ts';
import { LivePad } from './LivePad.ts';
import type { PadBus } from './PadBus.ts';
import type { PadStore, PadWriter } from './padStore.ts';

export interface PadHubOptions {
  /** A pad stays in memory this long after its last socket here closes. Default 30 s. */
  unloadAfterMs?: number;
  /** Awareness coalescing window ([A111]). Default 30 ms. */
  awarenessFlushMs?: number;
  /** Sockets are pinged this often; one that missed the last ping is dropped. Default 15 s. */
  pingEveryMs?: number;
  /** Compact after this many stored rows of a document ([A103]). Default 500. */
  compactEveryRows?: number;
}

export interface PadHubDeps {
  db: Db;
  store: PadStore;
  writer: PadWriter;
  bus: PadBus;
  events: EventBus;
  now: () => Date;
  log: FastifyBaseLogger;
}

/**
 * Every pad open in this API process ([A102]): one LivePad per pad with sockets here, loaded on the
 * first socket and unloaded (after a final flush and a compaction) a while after the last one closes.
 */
export class PadHub {
  private readonly pads = new Map<string, Promise<LivePad>>();
  private readonly unloadTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly pinger: ReturnType<typeof setInterval>;
  private readonly options: Required<PadHubOptions>;
  private closed = false;

  constructor(
    readonly deps: PadHubDeps,
    options: PadHubOptions = {},
  ) {
    this.options = {
      unloadAfterMs: 30_000,
      awarenessFlushMs: 30,
      pingEveryMs: 15_000,
      compactEveryRows: 500,
      ...options,
    };
    this.pinger = setInterval(() => this.ping(), this.options.pingEveryMs);
    this.pinger.unref();
  }

  get bus(): PadBus {
    return this.deps.bus;
  }

  /** The loaded pad, if it is open in this process. */
  async get(padId: string): Promise<LivePad | undefined> {
    const pad = await this.pads.get(padId)?.catch(() => undefined);
    return pad && !pad.unloaded ? pad : undefined;
  }

  /** Pads open here. */
  get size(): number {
    return this.pads.size;
  }

  /**
   * The pad, loaded if need be. The caller joins its socket in the same tick it gets the pad, so the
   * pad cannot start unloading in between.
   */
  async open(
    padId: string,
    pad: { status: PadStatus; language: LanguageId },
    participants: () => Promise<PadParticipant[]>,
  ): Promise<LivePad> {
    for (;;) {
      if (this.closed) throw new Error('the pad hub is closed');
      let loading = this.pads.get(padId);
      if (!loading) {
        loading = (async () => {
          const live = new LivePad(padId, pad, await participants(), {
            ...this.deps,
            awarenessFlushMs: this.options.awarenessFlushMs,
            compactEveryRows: this.options.compactEveryRows,
          });
          await live.load();
          return live;
        })();
        this.pads.set(padId, loading);
        loading.catch(() => this.pads.get(padId) === loading && this.pads.delete(padId));
      }
      const live = await loading;
      if (live.unloaded) {
        await live.unloaded.catch(() => {});
        continue;
      }
      clearTimeout(this.unloadTimers.get(padId));
      this.unloadTimers.delete(padId);
      // The status read at this connection wins over a stale one (an `ended` event missed while loading).
      if (pad.status === 'ended') live.status = 'ended';
      return live;
    }
  }

  /** Called when a socket left: the pad unloads once it has had none here for `unloadAfterMs`. */
  released(live: LivePad): void {
    if (live.clients.size > 0 || live.unloaded) return;
    clearTimeout(this.unloadTimers.get(live.padId));
    const timer = setTimeout(() => void this.unload(live), this.options.unloadAfterMs);
    this.unloadTimers.set(live.padId, timer);
  }

  private async unload(live: LivePad): Promise<void> {
    this.unloadTimers.delete(live.padId);
    if (live.clients.size > 0) return;
    try {
      await live.unload();
    } catch (error) {
      this.deps.log.warn({ err: error, padId: live.padId }, 'unloading a pad failed');
    } finally {
      if ((await this.pads.get(live.padId)?.catch(() => undefined)) === live) this.pads.delete(live.padId);
    }
  }

  /** [A102] Sockets that did not answer the last ping are dropped; the others are pinged again. */
  private ping(): void {
    void Promise.all(
      [...this.pads.values()].map(async (loading) => {
        const live = await loading.catch(() => undefined);
        for (const client of live?.clients ?? []) {
          if (!client.alive) {
            client.socket.terminate();
            live?.leave(client);
            if (live) this.released(live);
            continue;
          }
          client.alive = false;
          client.socket.ping();
        }
      }),
    );
  }

  /** Shutdown: sockets are told to come back, every queued row is written, each pad compacted. */
  async close(closeCode: number, reason: string): Promise<void> {
    this.closed = true;
    clearInterval(this.pinger);
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    const pads = await Promise.all([...this.pads.values()].map((p) => p.catch(() => undefined)));
    for (const live of pads) {
      for (const client of [...(live?.clients ?? [])]) {
        client.socket.close(closeCode, reason);
        live?.leave(client);
      }
    }
    await Promise.all(pads.map((live) => live?.unload().catch(() => {})));
    this.pads.clear();
    await this.deps.writer.close();
    await this.deps.bus.close();
  }
}
