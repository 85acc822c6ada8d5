// `pnpm bench pad [rounds=1]`: the live pad's socket against a plain y-websocket-style relay (the
// baseline, padRelay.ts), side by side in one run, each server in its own process
// (padBenchServer.ts) driven by the same clients from this one: update fan-out latency at 2, 10 and 50
// clients per pad and at 200 pads × 2 clients, the server's CPU per update, bytes on the wire per
// keystroke (awareness included), memory per open pad; then the scrub time of a synthetic 60-minute
// recorded session (the derivation of [A125], as the browser runs it). Targets (issue 12): fan-out p99 ≤
// 5 ms at 10 clients, CPU per update ≤ the baseline, scrub p99 ≤ 50 ms.
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { StoredPadUpdate } from '@assay/collab';
import {
  decodeFrame,
  derivePlayback,
  editIndexAt,
  encodeAwareness,
  encodeSyncStep1,
  encodeUpdate,
  textAt,
} from '@assay/collab';
import { PAD_DOC, PAD_FRAME, PAD_ORIGIN } from '@assay/contracts';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { BenchServerMessage, BenchServerRequest } from './padBenchServer.ts';
import { RELAY_MESSAGE } from './padRelay.ts';

const SCALE = Number(process.argv[2] ?? 1);
/** A client types at most every this many ms: the pad's per-connection frame limit is 100/s (2 frames a keystroke). */
const KEYSTROKE_GAP_MS = 20;
const WAIT_MS = 3000;

type Mode = 'baseline' | 'assay';

const percentile = (xs: number[], p: number) => {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
};
const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)} ms` : 'n/a');
const sleep = (n: number) => new Promise((resolve) => setTimeout(resolve, n));

/** A server process and its IPC. */
class ServerProcess {
  private next = 0;
  private waiting = new Map<number, (message: BenchServerMessage) => void>();
  private constructor(
    readonly child: ChildProcess,
    readonly ready: Extract<BenchServerMessage, { ready: true }>,
  ) {
    child.on('message', (message: BenchServerMessage) => {
      if ('id' in message) {
        this.waiting.get(message.id)?.(message);
        this.waiting.delete(message.id);
      }
    });
  }

  static async start(mode: Mode): Promise<ServerProcess> {
    const child = fork(fileURLToPath(new URL('./padBenchServer.ts', import.meta.url)), [mode], {
      execArgv: ['--no-node-snapshot', '--expose-gc', '--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const ready = await new Promise<Extract<BenchServerMessage, { ready: true }>>((resolve, reject) => {
      child.once('message', (message: BenchServerMessage) =>
        'ready' in message ? resolve(message) : reject(new Error('unexpected')),
      );
      child.once('exit', (code) => reject(new Error(`the ${mode} server exited with ${code}`)));
    });
    return new ServerProcess(child, ready);
  }

  private ask(request: { op: 'pads'; count: number } | { op: 'stats'; gc: boolean }): Promise<BenchServerMessage> {
    const id = ++this.next;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.child.send({ ...request, id } satisfies BenchServerRequest);
    });
  }

  async pads(count: number): Promise<string[]> {
    return ((await this.ask({ op: 'pads', count })) as { padIds: string[] }).padIds;
  }

  async stats(gc = true) {
    return (await this.ask({ op: 'stats', gc })) as { cpuMicros: number; heapUsed: number; rss: number };
  }

  stop() {
    this.child.disconnect();
    this.child.kill();
  }
}

/**
 * One participant's socket, speaking either protocol: it keeps a Y.Doc and an Awareness like a real
 * client, types into the code, and tells when a remote update arrives. Counts bytes both ways.
 */
class BenchClient {
  doc = new Y.Doc();
  awareness = new awarenessProtocol.Awareness(this.doc);
  bytesIn = 0;
  bytesOut = 0;
  /** Bytes in and out by frame kind (`in SYNC`, `in EVENT participants`, `out UPDATE`…). */
  readonly byKind = new Map<string, number>();
  private seq = 0;
  private onRemote: (() => void) | null = null;
  private ws!: WebSocket;

  constructor(
    private mode: Mode,
    private url: string,
    private cookie?: string,
  ) {}

  async open(): Promise<void> {
    await this.connect();
    // Each client shows its cursor on joining, as the pages do (y-websocket apps with their `user`, whose
    // name and colour every cursor state must carry there; Assay's page without, the server knows who
    // it is): a client's first state is a join, paid once, not a keystroke's cost.
    this.awareness.setLocalState(
      this.mode === 'baseline'
        ? { user: { name: `Bench ${this.doc.clientID % 100}`, color: '#3cb44b' }, cursor: null }
        : { cursor: null },
    );
    this.sendAwareness();
  }

  private async connect(): Promise<void> {
    this.ws = new WebSocket(this.url, this.cookie ? { headers: { cookie: this.cookie } } : {});
    this.ws.binaryType = 'arraybuffer';
    await new Promise<void>((resolve, reject) => {
      let settled = false;
      this.ws.on('message', (data: ArrayBuffer) => {
        this.bytesIn += data.byteLength;
        this.count('in', new Uint8Array(data));
        if (this.receive(new Uint8Array(data)) === 'ready' && !settled) {
          settled = true;
          resolve();
        }
      });
      this.ws.once('open', () => {
        if (this.mode === 'baseline') {
          settled = true;
          this.sendSyncStep1();
          resolve();
        }
      });
      this.ws.once('close', (code, reason) => {
        if (!settled) reject(new Error(`the ${this.mode} socket closed with ${code} ${reason.toString()}`));
      });
      this.ws.once('error', reject);
    });
  }

  private sendSyncStep1() {
    if (this.mode === 'assay') this.send(encodeSyncStep1(PAD_DOC.CODE, this.doc));
    else {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, RELAY_MESSAGE.SYNC);
      syncProtocol.writeSyncStep1(encoder, this.doc);
      this.send(encoding.toUint8Array(encoder));
    }
  }

  private count(direction: 'in' | 'out', bytes: Uint8Array) {
    let kind: string;
    if (this.mode === 'baseline') kind = bytes[0] === RELAY_MESSAGE.SYNC ? 'SYNC' : 'AWARENESS';
    else {
      const frame = decodeFrame(bytes);
      kind = Object.entries(PAD_FRAME).find(([, type]) => type === frame.type)?.[0] ?? '?';
      if (frame.type === PAD_FRAME.EVENT) kind += ` ${(frame.json as { type?: string }).type}`;
    }
    const key = `${direction} ${kind}`;
    this.byKind.set(key, (this.byKind.get(key) ?? 0) + bytes.byteLength);
  }

  private send(bytes: Uint8Array) {
    this.bytesOut += bytes.byteLength;
    this.count('out', bytes);
    this.ws.send(bytes);
  }

  /** Handles one message; answers 'ready' when the server welcomed this client (assay). */
  private receive(bytes: Uint8Array): 'ready' | undefined {
    if (this.mode === 'baseline') {
      const decoder = decoding.createDecoder(bytes);
      const type = decoding.readVarUint(decoder);
      if (type === RELAY_MESSAGE.SYNC) this.sync(decoder);
      else if (type === RELAY_MESSAGE.AWARENESS)
        awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), 'remote');
      return undefined;
    }
    const frame = decodeFrame(bytes);
    if (frame.type === PAD_FRAME.SYNC) {
      if (frame.doc === PAD_DOC.CODE) this.sync(frame.decoder);
    } else if (frame.type === PAD_FRAME.AWARENESS) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, frame.update, 'remote');
    } else if (frame.type === PAD_FRAME.EVENT && (frame.json as { type?: string }).type === 'welcome') {
      this.sendSyncStep1();
      return 'ready';
    }
    return undefined;
  }

  private sync(decoder: decoding.Decoder) {
    const encoder = encoding.createEncoder();
    const type = syncProtocol.readSyncMessage(decoder, encoder, this.doc, 'remote');
    // Only a relayed update is a fan-out; step 1 and 2 are the connection's own handshake.
    if (type === syncProtocol.messageYjsUpdate) this.onRemote?.();
    // The answer to the server's step 1 (its state is empty here, so nothing worth sending on).
  }

  /** Waits for the next remote update; answers when it came, in ms from `performance.now()`. */
  nextRemote(): Promise<number> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.onRemote = null;
        resolve(Number.NaN);
      }, WAIT_MS);
      this.onRemote = () => {
        clearTimeout(timer);
        this.onRemote = null;
        resolve(performance.now());
      };
    });
  }

  /** Types one character where the cursor is and moves the cursor: an update and an awareness change. */
  type(): void {
    const text = this.doc.getText('code');
    const at = Math.floor(Math.random() * (text.length + 1));
    const before = Y.encodeStateVector(this.doc);
    text.insert(at, String.fromCharCode(97 + Math.floor(Math.random() * 26)));
    const update = Y.encodeStateAsUpdate(this.doc, before);
    if (this.mode === 'assay') this.send(encodeUpdate(PAD_DOC.CODE, ++this.seq, PAD_ORIGIN.EDIT, update));
    else {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, RELAY_MESSAGE.SYNC);
      syncProtocol.writeUpdate(encoder, update);
      this.send(encoding.toUint8Array(encoder));
    }
    this.awareness.setLocalStateField('cursor', { anchor: at + 1, head: at + 1 });
    this.sendAwareness();
  }

  private sendAwareness(): void {
    const awareness = awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]);
    if (this.mode === 'assay') this.send(encodeAwareness(awareness));
    else {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, RELAY_MESSAGE.AWARENESS);
      encoding.writeVarUint8Array(encoder, awareness);
      this.send(encoding.toUint8Array(encoder));
    }
  }

  close() {
    this.awareness.destroy();
    this.ws.close();
  }
}

interface Scenario {
  name: string;
  pads: number;
  clients: number;
  /** Keystrokes per pad. */
  rounds: number;
  /** Least time between two keystrokes in one pad. */
  gapMs: number;
}

interface Result {
  latencies: number[];
  lost: number;
  keystrokes: number;
  cpuMicrosPerUpdate: number;
  bytesPerKeystroke: number;
  /** Bytes per keystroke by direction and frame kind, over every client. */
  bytesByKind: Map<string, number>;
  heapPerPad: number;
  rssPerPad: number;
}

async function runScenario(server: ServerProcess, mode: Mode, scenario: Scenario): Promise<Result> {
  const padIds = await server.pads(scenario.pads);
  const before = await server.stats();
  const { port, cookies } = server.ready;
  const url = (padId: string) =>
    mode === 'assay' ? `ws://127.0.0.1:${port}/api/pads/${padId}/socket` : `ws://127.0.0.1:${port}/${padId}`;
  const rooms = padIds.map((padId) =>
    Array.from({ length: scenario.clients }, (_, i) => new BenchClient(mode, url(padId), cookies[i % cookies.length])),
  );
  // Opened a few at a time, as people arrive: a burst of hundreds of upgrades is not what is measured.
  const all = rooms.flat();
  for (let i = 0; i < all.length; i += 20) await Promise.all(all.slice(i, i + 20).map((c) => c.open()));
  await sleep(300);
  const opened = await server.stats();
  for (const client of all) {
    client.bytesIn = 0;
    client.bytesOut = 0;
    client.byKind.clear();
  }

  const latencies: number[] = [];
  let lost = 0;
  let keystrokes = 0;
  const cpuBefore = (await server.stats(false)).cpuMicros;
  await Promise.all(
    rooms.map(async (room, r) => {
      await sleep((r * KEYSTROKE_GAP_MS) / Math.max(1, rooms.length));
      for (let round = 0; round < scenario.rounds; round++) {
        const started = performance.now();
        // Everyone types in turn, so that every connection sends and no one goes over the frame limit.
        const writer = room[round % room.length] as BenchClient;
        const arrivals = room.filter((c) => c !== writer).map((c) => c.nextRemote());
        const sent = performance.now();
        writer.type();
        keystrokes++;
        for (const at of await Promise.all(arrivals)) {
          if (Number.isNaN(at)) lost++;
          else latencies.push(at - sent);
        }
        const wait = scenario.gapMs - (performance.now() - started);
        if (wait > 0) await sleep(wait);
      }
    }),
  );
  // Let the last awareness flushes and acknowledgements arrive before counting bytes.
  await sleep(400);
  const after = await server.stats(false);
  const bytes = all.reduce((sum, c) => sum + c.bytesIn + c.bytesOut, 0);
  const byKind = new Map<string, number>();
  for (const client of all) for (const [kind, n] of client.byKind) byKind.set(kind, (byKind.get(kind) ?? 0) + n);
  for (const client of all) client.close();
  await sleep(300);
  return {
    latencies,
    lost,
    keystrokes,
    cpuMicrosPerUpdate: (after.cpuMicros - cpuBefore) / keystrokes,
    bytesPerKeystroke: bytes / keystrokes,
    bytesByKind: new Map([...byKind].map(([kind, n]) => [kind, n / keystrokes])),
    heapPerPad: (opened.heapUsed - before.heapUsed) / scenario.pads,
    rssPerPad: (opened.rss - before.rss) / scenario.pads,
  };
}

/**
 * A 60-minute session as the server would have stored it: three participants typing into their own
 * documents, their updates reaching the server in turns, every update a row with its time.
 */
function syntheticSession(edits: number): StoredPadUpdate[] {
  // One document typed by three Yjs clients in turn (concurrency changes nothing about scrubbing, and
  // three synced documents would triple the time this takes).
  const doc = new Y.Doc();
  const text = doc.getText('code');
  const stored: StoredPadUpdate[] = [];
  let last: Uint8Array | null = null;
  doc.on('update', (update: Uint8Array) => {
    last = update;
  });
  const start = Date.UTC(2026, 0, 1, 9);
  const step = (60 * 60_000) / edits;
  for (let i = 0; i < edits; i++) {
    const who = i % 17 < 12 ? 1 : i % 17 < 15 ? 0 : 2;
    doc.clientID = 1000 + who;
    // Mostly typing near a moving cursor, some deletions, now and then a paste.
    const cursor = Math.max(0, Math.min(text.length, Math.floor(text.length * ((i % 997) / 997))));
    if (i % 9 === 8 && text.length > 10) text.delete(Math.max(0, cursor - 3), 3);
    else if (i % 500 === 250) text.insert(cursor, 'function paste(x) {\n  return x * 2;\n}\n');
    else text.insert(cursor, i % 40 === 39 ? '\n' : String.fromCharCode(97 + (i % 26)));
    if (last) stored.push({ at: start + i * step, participant: who, origin: 'edit', update: last });
    last = null;
  }
  return stored;
}

function scrubBench(edits: number) {
  const session = syntheticSession(edits);
  const derivedAt = performance.now();
  const playback = derivePlayback(session);
  const deriveMs = performance.now() - derivedAt;
  const json = JSON.stringify(playback).length;
  const duration = playback.edits.at(-1)?.t ?? 0;
  const scrubs: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const t = Math.random() * duration;
    const began = performance.now();
    textAt(playback, editIndexAt(playback, t));
    scrubs.push(performance.now() - began);
  }
  // What the checkpoints save: a full Yjs replay to the same moment, per scrub.
  const replays: number[] = [];
  for (let i = 0; i < 3; i++) {
    const upto = Math.floor(Math.random() * session.length);
    const began = performance.now();
    const doc = new Y.Doc();
    for (let k = 0; k <= upto; k++) Y.applyUpdate(doc, (session[k] as StoredPadUpdate).update);
    doc.getText('code').toString();
    replays.push(performance.now() - began);
  }
  return { edits: playback.edits.length, chars: playback.text.length, deriveMs, json, scrubs, replays };
}

const scenarios: Scenario[] = [
  // Everyone types in turn, each client at most every 2 × KEYSTROKE_GAP_MS (the frame limit is 100/s).
  { name: '2 clients, 1 pad', pads: 1, clients: 2, rounds: Math.round(150 * SCALE), gapMs: KEYSTROKE_GAP_MS },
  { name: '10 clients, 1 pad', pads: 1, clients: 10, rounds: Math.round(150 * SCALE), gapMs: KEYSTROKE_GAP_MS / 5 },
  { name: '50 clients, 1 pad', pads: 1, clients: 50, rounds: Math.round(60 * SCALE), gapMs: 0 },
  // Five keystrokes a second in each pad, 1000 updates a second in all: the clients share this process.
  { name: '200 pads × 2 clients', pads: 200, clients: 2, rounds: Math.round(20 * SCALE), gapMs: 200 },
];

const results = new Map<Mode, Map<string, Result>>();
const databases = new Map<Mode, string>();
for (const mode of ['baseline', 'assay'] as const) {
  let server: ServerProcess;
  try {
    server = await ServerProcess.start(mode);
  } catch (error) {
    console.log(`${mode}: could not start (${(error as Error).message})`);
    continue;
  }
  databases.set(mode, server.ready.database);
  const byScenario = new Map<string, Result>();
  try {
    for (const scenario of scenarios) byScenario.set(scenario.name, await runScenario(server, mode, scenario));
    results.set(mode, byScenario);
  } catch (error) {
    if (mode === 'assay') console.log(`Assay pad server not available yet (${(error as Error).message})`);
    else throw error;
  } finally {
    server.stop();
  }
}

const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : 'n/a');
console.log(
  `\npad fan-out (each keystroke = one Yjs update + one awareness change; wire = bytes in and out of every client;` +
    ' clients in this process, servers each in its own;' +
    ` Assay's database: ${databases.get('assay') ?? 'not started'})`,
);
for (const scenario of scenarios) {
  console.log(`\n${scenario.name}`);
  const base = results.get('baseline')?.get(scenario.name);
  for (const mode of ['baseline', 'assay'] as const) {
    const r = results.get(mode)?.get(scenario.name);
    if (!r) {
      console.log(`  ${mode.padEnd(8)}  ${mode === 'assay' ? 'Assay pad server not available yet' : 'failed'}`);
      continue;
    }
    const p50 = percentile(r.latencies, 50);
    const p99 = percentile(r.latencies, 99);
    console.log(
      `  ${mode.padEnd(8)}  fan-out p50 ${ms(p50)}  p99 ${ms(p99)}  (${r.latencies.length} deliveries, ${r.lost} lost)` +
        `  CPU/update ${r.cpuMicrosPerUpdate.toFixed(0)} µs  wire/keystroke ${r.bytesPerKeystroke.toFixed(0)} B (${(r.bytesPerKeystroke / scenario.clients).toFixed(0)} B/client)` +
        `  memory/pad heap ${(r.heapPerPad / 1024).toFixed(1)} KiB rss ${(r.rssPerPad / 1024).toFixed(1)} KiB`,
    );
    const kinds = [...r.bytesByKind].sort((a, b) => b[1] - a[1]);
    console.log(
      `            wire/keystroke by frame: ${kinds.map(([kind, n]) => `${kind} ${n.toFixed(0)} B`).join(', ')}`,
    );
    if (mode === 'assay' && base) {
      console.log(
        `  ratio     p50 ${ratio(p50, percentile(base.latencies, 50))}  p99 ${ratio(p99, percentile(base.latencies, 99))}` +
          `  CPU/update ${ratio(r.cpuMicrosPerUpdate, base.cpuMicrosPerUpdate)}  wire ${ratio(r.bytesPerKeystroke, base.bytesPerKeystroke)}` +
          `  heap/pad ${ratio(r.heapPerPad, base.heapPerPad)}`,
      );
    }
  }
}
const ten = results.get('assay')?.get('10 clients, 1 pad');
const tenBase = results.get('baseline')?.get('10 clients, 1 pad');
if (ten && tenBase) {
  const p99 = percentile(ten.latencies, 99);
  console.log(
    `\ntargets: fan-out p99 at 10 clients ${ms(p99)} (≤ 5 ms: ${p99 <= 5 ? 'met' : 'NOT met'}); CPU/update ` +
      `${ratio(ten.cpuMicrosPerUpdate, tenBase.cpuMicrosPerUpdate)} of the baseline (≤ 1×: ${ten.cpuMicrosPerUpdate <= tenBase.cpuMicrosPerUpdate ? 'met' : 'NOT met'})`,
  );
}

const scrub = scrubBench(Math.round(20_000 * SCALE));
const scrubP99 = percentile(scrub.scrubs, 99);
console.log(
  `\nscrub of a 60-minute session (3 participants, ${scrub.edits} edits, ${scrub.chars} chars at the end; in Node, the browser's code):` +
    `\n  derived once in ${scrub.deriveMs.toFixed(0)} ms, ${(scrub.json / 1024).toFixed(0)} KiB of JSON` +
    `\n  textAt(editIndexAt(t)) p50 ${ms(percentile(scrub.scrubs, 50))}  p99 ${ms(scrubP99)} (≤ 50 ms: ${scrubP99 <= 50 ? 'met' : 'NOT met'})` +
    `\n  vs a full Yjs replay per scrub p50 ${ms(percentile(scrub.replays, 50))}  p99 ${ms(percentile(scrub.replays, 99))}` +
    ` (checkpoints are ${(percentile(scrub.replays, 50) / percentile(scrub.scrubs, 50)).toFixed(0)}× faster at p50)`,
);

// The server processes are gone; sockets closing late must not keep the bench alive.
process.exit(0);
