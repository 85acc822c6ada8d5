import {
  CLOSE_CODES,
  PAD_DOC,
  PAD_FRAME,
  PAD_ORIGIN,
  type PadClientEvent,
  type PadDoc,
  type PadOrigin,
  type PadServerEvent,
  padServerEvent,
} from '@assay/contracts';
import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { decodeFrame, encodeAwareness, encodeEvent, encodeSyncStep1, encodeUpdate, FrameError } from './frames.ts';

/** The part of a WebSocket PadConnection uses: the browser's, or `ws` in Node. */
export interface PadSocket {
  binaryType: string;
  readonly readyState: number;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export interface PadConnectionOptions {
  /** `ws(s)://host/api/pads/<id>/socket`. */
  url: string;
  /** Opens a socket; the browser's WebSocket by default. Node callers pass one from `ws` (with a cookie header). */
  connect?: (url: string) => PadSocket;
  /** The first reconnect waits up to this long (full jitter: a random fraction of it). Default 250 ms. */
  minDelayMs?: number;
  /** Reconnects back off, doubling, to at most this. Default 10 s. */
  maxDelayMs?: number;
  /** For tests: the jitter's random source. */
  random?: () => number;
  /** How often local cursor changes are sent at most, in ms ([A111]). Default 50. */
  awarenessEveryMs?: number;
}

export type PadConnectionStatus = 'connecting' | 'syncing' | 'synced' | 'offline' | 'closed';

export interface PadConnectionEvents {
  status: PadConnectionStatus;
  /** A JSON event from the server (welcome, participants, language, run, ended). */
  event: PadServerEvent;
  /** The server has stored every local edit of `doc` up to `seq`. */
  ack: { doc: PadDoc; seq: number };
  /** The socket closed; `final` when the server said not to come back (signed out, no access, pad gone, too large). */
  closed: { code: number; reason: string; final: boolean };
}

type Listener<K extends keyof PadConnectionEvents> = (value: PadConnectionEvents[K]) => void;

/** Origin of transactions applied from the server: not echoed back. */
export const REMOTE_ORIGIN = Symbol('pad-remote');

/** Close codes after which reconnecting cannot help ([A102]). */
const FINAL_CLOSE_CODES = new Set<number>([
  CLOSE_CODES.PAD_BAD_FRAME,
  CLOSE_CODES.NOT_SIGNED_IN,
  CLOSE_CODES.FORBIDDEN,
  CLOSE_CODES.PAD_NOT_FOUND,
  CLOSE_CODES.PAD_TOO_LARGE,
]);

/**
 * One participant's connection to a pad ([A102], [A109]): the code document (and, for staff, the
 * notes), cursors through Yjs awareness, the server's events. Local edits are sent at once as numbered
 * UPDATE frames and counted as pending until the server acknowledges them as stored; after a drop the
 * connection comes back with full-jitter exponential backoff and the sync exchange resends whatever the
 * server lacks, so an edit made offline is not lost.
 */
export class PadConnection {
  readonly code = new Y.Doc();
  readonly notes = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.code);
  status: PadConnectionStatus = 'connecting';
  /** The server's welcome on the current (or last) connection. */
  welcome: Extract<PadServerEvent, { type: 'welcome' }> | undefined;
  /** How the next local edits are labelled for playback; the editor sets PASTE around a paste. */
  origin: PadOrigin = PAD_ORIGIN.EDIT;

  private socket: PadSocket | undefined;
  private readonly options: Required<Omit<PadConnectionOptions, 'connect'>> & Pick<PadConnectionOptions, 'connect'>;
  private readonly listeners = new Map<keyof PadConnectionEvents, Set<(value: never) => void>>();
  private seq = 0;
  /**
   * Updates sent and not yet acknowledged, by sequence number. They are kept across a reconnect and sent
   * again: the instance that relayed an edit to others may die before storing it, and the instance the
   * client comes back to already holds it in memory, so its state vector would not ask for it ([A109]).
   */
  private readonly pending = new Map<number, { doc: PadDoc; update: Uint8Array }>();
  private failures = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private awarenessTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly awarenessChanged = new Set<number>();
  /** Documents whose state vector the server has not sent on this connection yet: their edits wait for the resync. */
  private readonly awaitingVector = new Set<PadDoc>();
  private waitingSync = new Set<PadDoc>();
  private destroyed = false;

  constructor(options: PadConnectionOptions) {
    this.options = {
      minDelayMs: 250,
      maxDelayMs: 10_000,
      random: Math.random,
      awarenessEveryMs: 50,
      ...options,
    };
    this.code.on('update', (update: Uint8Array, origin: unknown) => this.onLocalUpdate(PAD_DOC.CODE, update, origin));
    this.notes.on('update', (update: Uint8Array, origin: unknown) => this.onLocalUpdate(PAD_DOC.NOTES, update, origin));
    this.awareness.on(
      'update',
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        if (origin === REMOTE_ORIGIN) return;
        for (const id of [...added, ...updated, ...removed]) this.awarenessChanged.add(id);
        this.scheduleAwareness();
      },
    );
    this.open();
  }

  on<K extends keyof PadConnectionEvents>(name: K, listener: Listener<K>): () => void {
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
    }
    set.add(listener as (value: never) => void);
    return () => set.delete(listener as (value: never) => void);
  }

  private emit<K extends keyof PadConnectionEvents>(name: K, value: PadConnectionEvents[K]): void {
    for (const listener of [...(this.listeners.get(name) ?? [])]) (listener as Listener<K>)(value);
  }

  /** Local edits sent and not yet stored by the server (edits made offline are counted once the resync sends them). */
  get pendingCount(): number {
    return this.pending.size;
  }

  /** Sends a paste, tab or presence event; dropped while offline (it describes a moment, not state). */
  sendEvent(event: PadClientEvent): void {
    this.send(encodeEvent(event));
  }

  /** Closes for good: no reconnect. */
  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.reconnectTimer);
    clearTimeout(this.awarenessTimer);
    awarenessProtocol.removeAwarenessStates(this.awareness, [this.code.clientID], 'local');
    this.socket?.close(1000, 'closed by the page');
    this.setStatus('closed');
    this.awareness.destroy();
  }

  private setStatus(status: PadConnectionStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.emit('status', status);
  }

  private open(): void {
    if (this.destroyed) return;
    this.setStatus('connecting');
    const connect = this.options.connect ?? ((url: string) => new WebSocket(url) as unknown as PadSocket);
    const socket = connect(this.options.url);
    this.socket = socket;
    socket.binaryType = 'arraybuffer';
    socket.onopen = () => {
      this.awaitingVector.clear();
      this.awaitingVector.add(PAD_DOC.CODE).add(PAD_DOC.NOTES);
      this.setStatus('syncing');
    };
    socket.onmessage = (event) => {
      if (this.socket !== socket) return;
      const data = event.data;
      const bytes =
        data instanceof ArrayBuffer
          ? new Uint8Array(data)
          : ArrayBuffer.isView(data)
            ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
            : undefined;
      if (!bytes) return;
      try {
        this.onFrame(bytes);
      } catch (error) {
        if (!(error instanceof FrameError)) throw error;
      }
    };
    socket.onerror = () => {};
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      // Remote cursors are stale once we cannot hear them move.
      const others = [...this.awareness.getStates().keys()].filter((id) => id !== this.code.clientID);
      awarenessProtocol.removeAwarenessStates(this.awareness, others, REMOTE_ORIGIN);
      const final = FINAL_CLOSE_CODES.has(event.code);
      this.emit('closed', { code: event.code, reason: event.reason, final });
      if (final || this.destroyed) {
        this.setStatus('closed');
        return;
      }
      this.setStatus('offline');
      const ceiling = Math.min(this.options.maxDelayMs, this.options.minDelayMs * 2 ** this.failures);
      this.failures++;
      this.reconnectTimer = setTimeout(() => this.open(), this.options.random() * ceiling);
    };
  }

  private send(bytes: Uint8Array): boolean {
    const socket = this.socket;
    if (socket?.readyState !== 1) return false;
    socket.send(bytes);
    return true;
  }

  private onLocalUpdate(doc: PadDoc, update: Uint8Array, origin: unknown): void {
    if (origin === REMOTE_ORIGIN || !this.socket || this.socket.readyState !== 1) return;
    // Until the server has said what it holds, the resync that answers it will carry this edit.
    if (this.awaitingVector.has(doc)) return;
    if (doc === PAD_DOC.NOTES && !this.welcome?.notes) return;
    const seq = ++this.seq;
    if (this.send(encodeUpdate(doc, seq, this.origin, update))) this.pending.set(seq, { doc, update });
  }

  private onFrame(bytes: Uint8Array): void {
    const frame = decodeFrame(bytes);
    switch (frame.type) {
      case PAD_FRAME.EVENT: {
        const parsed = padServerEvent.safeParse(frame.json);
        if (!parsed.success) return;
        const event = parsed.data;
        if (event.type === 'welcome') this.onWelcome(event);
        this.emit('event', event);
        return;
      }
      case PAD_FRAME.SYNC:
        this.onSync(frame.doc, frame.decoder);
        return;
      case PAD_FRAME.AWARENESS:
        awarenessProtocol.applyAwarenessUpdate(this.awareness, frame.update, REMOTE_ORIGIN);
        return;
      case PAD_FRAME.ACK:
        for (const [seq, sent] of this.pending)
          if (seq <= frame.seq && sent.doc === frame.doc) this.pending.delete(seq);
        this.emit('ack', { doc: frame.doc, seq: frame.seq });
        return;
      default:
        return;
    }
  }

  private onWelcome(welcome: Extract<PadServerEvent, { type: 'welcome' }>): void {
    this.welcome = welcome;
    const docs: PadDoc[] = welcome.notes ? [PAD_DOC.CODE, PAD_DOC.NOTES] : [PAD_DOC.CODE];
    this.waitingSync = new Set(docs);
    for (const doc of docs) this.send(encodeSyncStep1(doc, this.docOf(doc)));
    // Our own cursor, in full, for the participants already there.
    if (this.awareness.getLocalState() !== null)
      this.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.code.clientID])));
  }

  private docOf(doc: PadDoc): Y.Doc {
    return doc === PAD_DOC.NOTES ? this.notes : this.code;
  }

  private onSync(doc: PadDoc, decoder: decoding.Decoder): void {
    const ydoc = this.docOf(doc);
    const kind = decoding.readVarUint(decoder);
    if (kind === syncProtocol.messageYjsSyncStep1) {
      // The server's state vector: what we hold that it lacks (edits made offline) goes as an UPDATE,
      // so that it too is acknowledged once stored.
      this.awaitingVector.delete(doc);
      const missing = Y.encodeStateAsUpdate(ydoc, decoding.readVarUint8Array(decoder));
      const unacknowledged = [...this.pending].filter(([, sent]) => sent.doc === doc);
      for (const [seq] of unacknowledged) this.pending.delete(seq);
      if (doc === PAD_DOC.NOTES && !this.welcome?.notes) return;
      if (missing.length <= 2 && unacknowledged.length === 0) return;
      const update = Y.mergeUpdates([missing, ...unacknowledged.map(([, sent]) => sent.update)]);
      const seq = ++this.seq;
      if (this.send(encodeUpdate(doc, seq, PAD_ORIGIN.RESYNC, update))) this.pending.set(seq, { doc, update });
      return;
    }
    Y.applyUpdate(ydoc, decoding.readVarUint8Array(decoder), REMOTE_ORIGIN);
    if (kind === syncProtocol.messageYjsSyncStep2 && this.waitingSync.delete(doc) && this.waitingSync.size === 0) {
      this.failures = 0;
      this.setStatus('synced');
    }
  }

  private scheduleAwareness(): void {
    if (this.awarenessTimer !== undefined) return;
    this.awarenessTimer = setTimeout(() => {
      this.awarenessTimer = undefined;
      const changed = [...this.awarenessChanged];
      this.awarenessChanged.clear();
      if (changed.length > 0)
        this.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)));
    }, this.options.awarenessEveryMs);
  }
}
