import {
  decodeFrame,
  encodeAck,
  encodeAwareness,
  encodeEvent,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
  FrameError,
} from '@assay/collab';
import {
  CLOSE_CODES,
  type LanguageId,
  PAD_DOC,
  PAD_FRAME,
  PAD_LIMITS,
  PAD_ORIGIN_NAMES,
  PAD_TEXT,
  type PadDoc,
  type PadParticipant,
  type PadPresence,
  type PadServerEvent,
  type PadStatus,
  padClientEvent,
} from '@assay/contracts';
import type { FastifyBaseLogger } from 'fastify';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { Db } from '../db/openDatabase.ts';
import { padEvents } from '../db/schema.ts';
import { type EventBus, topics } from '../queue/EventBus.ts';
import type { PadBus } from './PadBus.ts';
import { COMPACT_MIN_AGE_MS, type PadStore, type PadWriter } from './padStore.ts';

/** What a LivePad needs from the app. */
export interface LivePadDeps {
  db: Db;
  store: PadStore;
  writer: PadWriter;
  bus: PadBus;
  events: EventBus;
  now: () => Date;
  log: FastifyBaseLogger;
  /** Awareness changes are gathered this long and sent as one frame ([A111]). */
  awarenessFlushMs: number;
  /** Compact a document after this many stored rows ([A103]). */
  compactEveryRows: number;
}

/** One open socket of a participant. */
export interface PadClient {
  readonly socket: WebSocket;
  readonly participant: PadParticipant;
  /** Staff (admins and interviewers) see and edit the notes, and edit after the end. */
  readonly staff: boolean;
  /** The awareness client ids this connection first sent ([A111]). */
  readonly clientIds: Set<number>;
  /** Token bucket of frames ([A112]). */
  tokens: number;
  refilledAt: number;
  /** Client events in the current minute. */
  eventsWindowStart: number;
  eventsInWindow: number;
  /** Answered the last ping. */
  alive: boolean;
}

/** Messages between API instances on the pad's bus ([A110]). */
const BUS = { UPDATE: 0, AWARENESS: 1, HELLO: 2 } as const;
const BUS_ORIGIN = 'bus';
/** Awareness client ids one connection may hold: one per tab's editor, with room to spare. */
const CLIENT_IDS_PER_CONNECTION = 4;
/** A cursor state larger than this is dropped: it is relayed to everyone. */
const AWARENESS_STATE_CHARS = 4096;
const PRESENCE_RANK = { left: 0, away: 1, idle: 2, active: 3 } as const;

/** The presence a cursor state says: idle or away when it says so, else active. */
function presenceOf(state: unknown): 'active' | 'idle' | 'away' {
  const said = (state as { presence?: unknown } | undefined)?.presence;
  return said === 'idle' || said === 'away' ? said : 'active';
}

/** An AWARENESS frame of entries encoded once ([A111]): the same bytes serve every socket. */
function awarenessFrame(entries: readonly Uint8Array[]): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const entry of entries) encoding.writeUint8Array(update, entry);
  return encodeAwareness(encoding.toUint8Array(update));
}

/** A close reason fits in a control frame (123 bytes). */
function reasonOf(text: string): string {
  const bytes = Buffer.from(text);
  return bytes.length <= 123
    ? text
    : bytes
        .subarray(0, 120)
        .toString()
        .replace(/\uFFFD+$/, '');
}

/**
 * How many characters of content an update inserts, read without applying it ([A112]): the limit is
 * checked before the document ever holds the text.
 */
export function insertedChars(update: Uint8Array): number {
  const { structs } = Y.decodeUpdate(update);
  let chars = 0;
  for (const struct of structs) {
    if (struct instanceof Y.Item && !(struct.content instanceof Y.ContentDeleted)) chars += struct.length;
  }
  return chars;
}

/**
 * One pad open in this process ([A102]): its two documents loaded from the store, the local sockets,
 * the server's awareness (cursors of every instance), the pad's status and language. Edits are checked,
 * applied, relayed, published to the other instances, stored by the single writer and acknowledged once
 * committed.
 */
export class LivePad {
  readonly docs: Record<PadDoc, Y.Doc> = { [PAD_DOC.CODE]: new Y.Doc(), [PAD_DOC.NOTES]: new Y.Doc() };
  readonly awareness: awarenessProtocol.Awareness;
  readonly clients = new Set<PadClient>();
  status: PadStatus = 'open';
  language: LanguageId;
  /** Every participant known to this pad, by id: from the database and from stamped cursors. */
  readonly participants = new Map<string, PadParticipant>();
  /** Set once unloading starts: a new socket waits for `unloaded` and loads the pad again. */
  unloaded: Promise<void> | undefined;

  private readonly owners = new Map<number, PadClient | typeof BUS_ORIGIN>();
  private readonly stateBytes: Record<PadDoc, number> = { [PAD_DOC.CODE]: 0, [PAD_DOC.NOTES]: 0 };
  private readonly rowsSinceCompact: Record<PadDoc, number> = { [PAD_DOC.CODE]: 0, [PAD_DOC.NOTES]: 0 };
  private readonly inFlight = new Set<Promise<void>>();
  private compacting: Promise<void> | undefined;
  private awarenessTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly awarenessChanged = new Set<number>();
  private readonly awarenessLocal = new Set<number>();
  private lastParticipants = '';
  /** Set when a cursor came or went or its presence changed since the last `participants` check. */
  private participantsChanged = false;
  private readonly presenceById = new Map<number, PadPresence['presence']>();
  private events: Promise<void> = Promise.resolve();
  private busBacklog: Uint8Array[] | undefined = [];
  private stopBus: (() => void) | undefined;
  private stopEvents: (() => void) | undefined;

  constructor(
    readonly padId: string,
    pad: { status: PadStatus; language: LanguageId },
    participants: PadParticipant[],
    private readonly deps: LivePadDeps,
  ) {
    this.status = pad.status;
    this.language = pad.language;
    for (const p of participants) this.participants.set(p.id, p);
    this.awareness = new awarenessProtocol.Awareness(this.docs[PAD_DOC.CODE]);
    // The server has no cursor of its own.
    this.awareness.setLocalState(null);
    this.awareness.on(
      'update',
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        for (const id of [...added, ...updated, ...removed]) {
          this.awarenessChanged.add(id);
          if (origin !== BUS_ORIGIN) this.awarenessLocal.add(id);
        }
        // A cursor that only moved changes nobody's presence: the participants are not looked at again.
        if (added.length > 0 || removed.length > 0) this.participantsChanged = true;
        for (const id of [...added, ...updated]) {
          const presence = presenceOf(this.awareness.getStates().get(id));
          if (this.presenceById.get(id) !== presence) this.participantsChanged = true;
          this.presenceById.set(id, presence);
        }
        for (const id of removed) this.presenceById.delete(id);
        this.awarenessTimer ??= setTimeout(() => this.flushAwareness(), this.deps.awarenessFlushMs);
      },
    );
  }

  /** Subscribes to the bus and the pad's event topic, loads both documents, then asks the other instances for what they hold. */
  async load(): Promise<void> {
    this.stopEvents = this.deps.events.subscribe(topics.pad(this.padId), (event) => {
      if (event.type === 'pad' && event.padId === this.padId) this.onServerEvent(event.event);
    });
    // Messages that arrive while the documents load wait, then apply in order.
    this.stopBus = await this.deps.bus.subscribe(this.padId, (message) => {
      if (this.busBacklog) this.busBacklog.push(message);
      else this.onBus(message);
    });
    for (const doc of [PAD_DOC.CODE, PAD_DOC.NOTES] as const) {
      await this.deps.store.load(this.padId, doc, this.docs[doc]);
      this.stateBytes[doc] = Y.encodeStateAsUpdate(this.docs[doc]).length;
    }
    const backlog = this.busBacklog ?? [];
    this.busBacklog = undefined;
    for (const message of backlog) this.onBus(message);
    this.publish(BUS.HELLO, (e) => {
      encoding.writeVarUint8Array(e, Y.encodeStateVector(this.docs[PAD_DOC.CODE]));
      encoding.writeVarUint8Array(e, Y.encodeStateVector(this.docs[PAD_DOC.NOTES]));
    });
  }

  /** Local sockets of one participant. */
  socketsOf(participantId: string): number {
    let n = 0;
    for (const client of this.clients) if (client.participant.id === participantId) n++;
    return n;
  }

  canEdit(client: PadClient): boolean {
    return client.staff || this.status === 'open';
  }

  /** A socket joins: welcome, the server's state vectors, every cursor, the participants ([A102]). */
  join(client: PadClient): void {
    const first = this.socketsOf(client.participant.id) === 0;
    this.clients.add(client);
    this.participants.set(client.participant.id, client.participant);
    this.send(
      client,
      encodeEvent({
        type: 'welcome',
        me: client.participant,
        canEdit: this.canEdit(client),
        notes: client.staff,
        status: this.status,
        language: this.language,
      }),
    );
    this.send(client, encodeSyncStep1(PAD_DOC.CODE, this.docs[PAD_DOC.CODE]));
    if (client.staff) this.send(client, encodeSyncStep1(PAD_DOC.NOTES, this.docs[PAD_DOC.NOTES]));
    const ids = [...this.awareness.getStates().keys()];
    this.send(client, awarenessFrame(ids.map((id) => this.socketEntry(id))));
    this.send(client, encodeEvent({ type: 'participants', participants: this.presence() }));
    if (first) this.recordEvent(client.participant.id, 'join', {});
  }

  /** A socket closed: its cursors go, and the participant leaves when it was their last socket here. */
  leave(client: PadClient): void {
    if (!this.clients.delete(client)) return;
    const ids = [...client.clientIds].filter((id) => this.owners.get(id) === client);
    for (const id of ids) this.owners.delete(id);
    awarenessProtocol.removeAwarenessStates(this.awareness, ids, client);
    if (this.socketsOf(client.participant.id) === 0) this.recordEvent(client.participant.id, 'leave', {});
    this.maybeSendParticipants();
  }

  private send(client: PadClient, bytes: Uint8Array): void {
    if (client.socket.readyState === client.socket.OPEN) client.socket.send(bytes);
  }

  close(client: PadClient, code: number, reason: string): void {
    this.deps.log.info(
      { padId: this.padId, participantId: client.participant.id, code, reason },
      'pad socket closed by the server',
    );
    client.socket.close(code, reasonOf(reason));
    this.leave(client);
  }

  /** Spends one frame of the connection's token bucket; false when it is empty ([A112]). */
  private takeToken(client: PadClient): boolean {
    const now = performance.now();
    client.tokens = Math.min(
      PAD_LIMITS.framesBurst,
      client.tokens + ((now - client.refilledAt) / 1000) * PAD_LIMITS.framesPerSecond,
    );
    client.refilledAt = now;
    if (client.tokens < 1) return false;
    client.tokens -= 1;
    return true;
  }

  /** One binary frame from a client. */
  receive(client: PadClient, bytes: Uint8Array): void {
    if (!this.clients.has(client)) return;
    if (!this.takeToken(client)) {
      this.close(
        client,
        CLOSE_CODES.TOO_MANY_FRAMES,
        `more than ${PAD_LIMITS.framesPerSecond} frames a second; reconnect to go on`,
      );
      return;
    }
    try {
      const frame = decodeFrame(bytes);
      switch (frame.type) {
        case PAD_FRAME.SYNC:
          this.onSync(client, frame.doc, frame.decoder);
          return;
        case PAD_FRAME.AWARENESS:
          this.onAwareness(client, frame.update);
          return;
        case PAD_FRAME.UPDATE:
          this.onUpdate(client, frame.doc, frame.seq, frame.origin, frame.update);
          return;
        case PAD_FRAME.EVENT:
          this.onClientEvent(client, frame.json);
          return;
        default:
          throw new FrameError('clients do not send ACK frames');
      }
    } catch (error) {
      if (!(error instanceof FrameError)) throw error;
      this.close(client, CLOSE_CODES.PAD_BAD_FRAME, `bad frame: ${error.message}`);
    }
  }

  private onSync(client: PadClient, doc: PadDoc, decoder: decoding.Decoder): void {
    if (doc === PAD_DOC.NOTES && !client.staff) {
      this.close(client, CLOSE_CODES.FORBIDDEN, 'the notes are the interviewers’ own');
      return;
    }
    let vector: Uint8Array;
    try {
      const kind = decoding.readVarUint(decoder);
      if (kind !== syncProtocol.messageYjsSyncStep1) throw new FrameError('send edits as UPDATE frames, not SYNC');
      vector = decoding.readVarUint8Array(decoder);
      Y.decodeStateVector(vector);
    } catch (error) {
      if (error instanceof FrameError) throw error;
      throw new FrameError('malformed SYNC step 1');
    }
    this.send(client, encodeSyncStep2(doc, this.docs[doc], vector));
  }

  private onUpdate(client: PadClient, doc: PadDoc, seq: number, origin: number, update: Uint8Array): void {
    // [A104] A candidate never writes the notes; [A102] nor anything once the interview has ended.
    if (doc === PAD_DOC.NOTES && !client.staff) {
      this.close(client, CLOSE_CODES.FORBIDDEN, 'candidates cannot edit the interviewer’s notes');
      return;
    }
    if (!this.canEdit(client)) {
      this.close(client, CLOSE_CODES.FORBIDDEN, 'the interview has ended; the pad is read-only');
      return;
    }
    const ydoc = this.docs[doc];
    const length = ydoc.getText(PAD_TEXT[doc]).length;
    // [A112] Checked before applying: the document in memory never holds what is refused. Every
    // character an update inserts takes at least one of its bytes, so only an update that could pass
    // the limit is decoded and counted; a keystroke goes straight on to the relay.
    let chars = 0;
    if (length + update.length > PAD_LIMITS.textChars) {
      try {
        chars = insertedChars(update);
      } catch {
        throw new FrameError('malformed Yjs update');
      }
    }
    const name = doc === PAD_DOC.NOTES ? 'notes' : 'code';
    if (length + chars > PAD_LIMITS.textChars) {
      this.close(
        client,
        CLOSE_CODES.PAD_TOO_LARGE,
        `the ${name} would pass ${PAD_LIMITS.textChars} characters; the edit was not stored. Reload the pad`,
      );
      return;
    }
    if (this.stateBytes[doc] + update.length > PAD_LIMITS.docStateBytes) {
      // The running sum over-counts (merged updates shrink): measure before refusing.
      this.stateBytes[doc] = Y.encodeStateAsUpdate(ydoc).length;
      if (this.stateBytes[doc] + update.length > PAD_LIMITS.docStateBytes) {
        this.close(
          client,
          CLOSE_CODES.PAD_TOO_LARGE,
          `the ${name} would pass ${PAD_LIMITS.docStateBytes / 1024 / 1024} MiB; the edit was not stored. Reload the pad`,
        );
        return;
      }
    }
    try {
      Y.applyUpdate(ydoc, update, client);
    } catch {
      throw new FrameError('malformed Yjs update');
    }
    this.stateBytes[doc] += update.length;
    this.relay(doc, update, client);
    this.publish(BUS.UPDATE, (e) => {
      encoding.writeVarUint(e, doc);
      encoding.writeVarUint8Array(e, update);
    });
    // [A103] Acknowledged only once committed; the writer keeps arrival order, so ACKs come in order.
    const stored = this.deps.writer.append({
      padId: this.padId,
      doc,
      participantId: client.participant.id,
      origin: PAD_ORIGIN_NAMES[origin] ?? 'edit',
      update,
      at: this.deps.now(),
    });
    this.inFlight.add(stored);
    stored.then(
      () => {
        this.inFlight.delete(stored);
        if (this.clients.has(client)) this.send(client, encodeAck(doc, seq));
        this.rowsSinceCompact[doc]++;
        if (this.rowsSinceCompact[doc] >= this.deps.compactEveryRows) void this.compact();
      },
      (error: unknown) => {
        this.inFlight.delete(stored);
        this.deps.log.error({ err: error, padId: this.padId }, 'a pad update was not stored');
      },
    );
  }

  /** An update relayed to the other local sockets; the notes only to staff ([A104]). */
  private relay(doc: PadDoc, update: Uint8Array, except: PadClient | undefined): void {
    const frame = encodeSyncUpdate(doc, update);
    for (const other of this.clients) {
      if (other === except || (doc === PAD_DOC.NOTES && !other.staff)) continue;
      this.send(other, frame);
    }
  }

  /**
   * [A111] Cursors: a client may set only the states of the awareness client ids it sent first; the
   * server stamps each state's `user` with the participant it authenticated and numbers the states
   * itself, so a reconnecting client's cursor shows at once.
   */
  private onAwareness(client: PadClient, update: Uint8Array): void {
    const entries: { id: number; state: Record<string, unknown> | null }[] = [];
    try {
      const decoder = decoding.createDecoder(update);
      const count = decoding.readVarUint(decoder);
      for (let i = 0; i < count; i++) {
        const id = decoding.readVarUint(decoder);
        decoding.readVarUint(decoder);
        const text = decoding.readVarString(decoder);
        if (text.length > AWARENESS_STATE_CHARS) continue;
        const state: unknown = JSON.parse(text);
        entries.push({
          id,
          state:
            state === null
              ? null
              : typeof state === 'object' && !Array.isArray(state)
                ? (state as Record<string, unknown>)
                : {},
        });
      }
    } catch {
      throw new FrameError('malformed awareness update');
    }
    const encoder = encoding.createEncoder();
    const kept: typeof entries = [];
    for (const entry of entries) {
      const owner = this.owners.get(entry.id);
      if (owner !== undefined && owner !== client) continue;
      if (owner === undefined) {
        if (entry.state === null || client.clientIds.size >= CLIENT_IDS_PER_CONNECTION) continue;
        this.owners.set(entry.id, client);
        client.clientIds.add(entry.id);
      }
      kept.push(entry);
    }
    if (kept.length === 0) return;
    encoding.writeVarUint(encoder, kept.length);
    for (const { id, state } of kept) {
      encoding.writeVarUint(encoder, id);
      encoding.writeVarUint(encoder, (this.awareness.meta.get(id)?.clock ?? 0) + 1);
      encoding.writeVarString(encoder, JSON.stringify(state === null ? null : { ...state, user: client.participant }));
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encoding.toUint8Array(encoder), client);
  }

  /**
   * One awareness entry (client id, clock, state) as the sockets receive it ([A111]): the state without
   * the stamped `user`, which the server keeps for itself and the other instances. Who owns a client id
   * travels once in the `participants` event (`clientIds`), so a cursor move costs each socket its
   * position only, not the mover's name, colour and id again.
   */
  private socketEntry(id: number): Uint8Array {
    const state = this.awareness.getStates().get(id);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, id);
    encoding.writeVarUint(encoder, this.awareness.meta.get(id)?.clock ?? 0);
    if (state === undefined) encoding.writeVarString(encoder, 'null');
    else {
      const { user: _stamped, ...rest } = state;
      encoding.writeVarString(encoder, JSON.stringify(rest));
    }
    return encoding.toUint8Array(encoder);
  }

  /**
   * One AWARENESS frame per flush to each socket (without its own cursors), and one bus message ([A111]).
   * Each changed state is encoded once; the `participants` are looked at only when a cursor came, went
   * or changed its presence, and sent only when that changed what they say.
   */
  private flushAwareness(): void {
    this.awarenessTimer = undefined;
    const changed = [...this.awarenessChanged];
    const local = [...this.awarenessLocal];
    this.awarenessChanged.clear();
    this.awarenessLocal.clear();
    if (changed.length > 0) {
      const entries = changed.map((id) => this.socketEntry(id));
      const all = awarenessFrame(entries);
      for (const client of this.clients) {
        if (!changed.some((id) => client.clientIds.has(id))) {
          this.send(client, all);
          continue;
        }
        const others = entries.filter((_, i) => !client.clientIds.has(changed[i] as number));
        if (others.length > 0) this.send(client, awarenessFrame(others));
      }
    }
    if (local.length > 0) {
      const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, local);
      this.publish(BUS.AWARENESS, (e) => encoding.writeVarUint8Array(e, update));
    }
    if (this.participantsChanged) this.maybeSendParticipants();
  }

  /** Every participant with their presence: the best of their cursors' states, `left` without one. */
  presence(): PadPresence[] {
    const byId = new Map<string, PadPresence>();
    for (const p of this.participants.values()) byId.set(p.id, { ...p, presence: 'left', clientIds: [] });
    for (const [id, state] of this.awareness.getStates()) {
      const user = (state as { user?: PadParticipant }).user;
      if (!user?.id) continue;
      let entry = byId.get(user.id);
      if (!entry) {
        this.participants.set(user.id, user);
        entry = { ...user, presence: 'left', clientIds: [] };
        byId.set(user.id, entry);
      }
      entry.clientIds.push(id);
      const presence = presenceOf(state);
      if (PRESENCE_RANK[presence] > PRESENCE_RANK[entry.presence]) entry.presence = presence;
    }
    return [...byId.values()];
  }

  private maybeSendParticipants(): void {
    this.participantsChanged = false;
    const participants = this.presence();
    const key = JSON.stringify(participants);
    if (key === this.lastParticipants) return;
    this.lastParticipants = key;
    this.broadcast({ type: 'participants', participants });
  }

  private broadcast(event: PadServerEvent): void {
    const frame = encodeEvent(event);
    for (const client of this.clients) this.send(client, frame);
  }

  /** Paste, tab and presence events ([A102]): validated, limited per minute, stored for playback. */
  private onClientEvent(client: PadClient, json: unknown): void {
    const parsed = padClientEvent.safeParse(json);
    if (!parsed.success) throw new FrameError(`unknown event: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    const now = Date.now();
    if (now - client.eventsWindowStart >= 60_000) {
      client.eventsWindowStart = now;
      client.eventsInWindow = 0;
    }
    // Past the limit events are dropped, not the socket: they describe moments, and editing goes on.
    if (++client.eventsInWindow > PAD_LIMITS.eventsPerMinute) return;
    const event = parsed.data;
    if (event.type === 'paste')
      this.recordEvent(client.participant.id, 'paste', { chars: event.chars, fromOutside: event.fromOutside });
    else if (event.type === 'tab')
      this.recordEvent(client.participant.id, event.visible ? 'tab_visible' : 'tab_hidden', {});
    // Presence travels in the cursor state (awareness); the event needs no row.
  }

  /** Stored one after another, so that their ids keep the order they happened in (playback sorts by id). */
  private recordEvent(participantId: string, kind: string, data: Record<string, unknown>): void {
    const at = this.deps.now();
    this.events = this.events.then(() =>
      this.deps.db
        .insert(padEvents)
        .values({ padId: this.padId, participantId, kind, data, at })
        .then(
          () => {},
          (error: unknown) => this.deps.log.warn({ err: error, padId: this.padId, kind }, 'a pad event was not stored'),
        ),
    );
  }

  /** A server event from the pad's topic (run, language, ended, participants): to every local socket. */
  onServerEvent(event: PadServerEvent): void {
    if (event.type === 'ended') this.status = 'ended';
    if (event.type === 'language') this.language = event.language;
    if (event.type === 'welcome') return;
    this.broadcast(event);
  }

  private publish(kind: number, write: (encoder: encoding.Encoder) => void): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, this.deps.bus.instanceId);
    encoding.writeVarUint(encoder, kind);
    write(encoder);
    this.deps.bus.publish(this.padId, encoding.toUint8Array(encoder)).catch((error: unknown) => {
      this.deps.log.warn({ err: error, padId: this.padId }, 'a pad message did not reach the other instances');
    });
  }

  /**
   * [A110] A message from another instance. Its updates apply with origin `bus` and are relayed to the
   * sockets here, but not stored: the instance whose client sent them stores them.
   */
  private onBus(message: Uint8Array): void {
    try {
      const decoder = decoding.createDecoder(message);
      if (decoding.readVarString(decoder) === this.deps.bus.instanceId) return;
      const kind = decoding.readVarUint(decoder);
      if (kind === BUS.UPDATE) {
        const doc = decoding.readVarUint(decoder) as PadDoc;
        if (doc !== PAD_DOC.CODE && doc !== PAD_DOC.NOTES) return;
        const update = decoding.readVarUint8Array(decoder);
        Y.applyUpdate(this.docs[doc], update, BUS_ORIGIN);
        this.stateBytes[doc] += update.length;
        this.relay(doc, update, undefined);
      } else if (kind === BUS.AWARENESS) {
        const update = decoding.readVarUint8Array(decoder);
        // Cursors of another instance's sockets: no socket here may claim their ids.
        const ids = decoding.createDecoder(update);
        const count = decoding.readVarUint(ids);
        for (let i = 0; i < count; i++) {
          const id = decoding.readVarUint(ids);
          decoding.readVarUint(ids);
          decoding.readVarString(ids);
          if (this.owners.get(id) === undefined) this.owners.set(id, BUS_ORIGIN);
        }
        awarenessProtocol.applyAwarenessUpdate(this.awareness, update, BUS_ORIGIN);
      } else if (kind === BUS.HELLO) {
        // Another instance loaded the pad: send what it lacks, and our sockets' cursors.
        for (const doc of [PAD_DOC.CODE, PAD_DOC.NOTES] as const) {
          const missing = Y.encodeStateAsUpdate(this.docs[doc], decoding.readVarUint8Array(decoder));
          if (missing.length > 2)
            this.publish(BUS.UPDATE, (e) => {
              encoding.writeVarUint(e, doc);
              encoding.writeVarUint8Array(e, missing);
            });
        }
        const mine = [...this.owners].filter(([, owner]) => owner !== BUS_ORIGIN).map(([id]) => id);
        if (mine.length > 0) {
          const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, mine);
          this.publish(BUS.AWARENESS, (e) => encoding.writeVarUint8Array(e, update));
        }
      }
    } catch (error) {
      this.deps.log.warn({ err: error, padId: this.padId }, 'an unreadable message on the pad bus');
    }
  }

  /** [A103] Folds rows older than COMPACT_MIN_AGE_MS into each document's snapshot; one compaction at a time. */
  compact(): Promise<void> {
    this.compacting ??= (async () => {
      try {
        const olderThan = new Date(this.deps.now().getTime() - COMPACT_MIN_AGE_MS);
        for (const doc of [PAD_DOC.CODE, PAD_DOC.NOTES] as const) {
          this.rowsSinceCompact[doc] = 0;
          await this.deps.store.compact(this.padId, doc, olderThan);
        }
      } catch (error) {
        this.deps.log.warn({ err: error, padId: this.padId }, 'pad compaction failed');
      } finally {
        this.compacting = undefined;
      }
    })();
    return this.compacting;
  }

  /** Waits for the rows and events of this pad not yet committed. */
  async flush(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    await this.events;
  }

  /** Last: the final flush and a compaction, then nothing of the pad stays in memory. */
  unload(): Promise<void> {
    this.unloaded ??= (async () => {
      clearTimeout(this.awarenessTimer);
      this.stopEvents?.();
      this.stopBus?.();
      await this.flush();
      await this.compact();
      this.awareness.destroy();
      for (const doc of Object.values(this.docs)) doc.destroy();
    })();
    return this.unloaded;
  }
}
