// The baseline of `pnpm bench pad`: a plain y-websocket-style relay, as y-websocket's own server
// (bin/utils.cjs) does it — one Y.Doc and one Awareness per room, y-protocols sync + awareness messages,
// every update applied and then broadcast to every connection of the room (the sender included, as
// y-websocket does), nothing stored, nobody authenticated.
import { createServer, type Server } from 'node:http';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { type WebSocket, WebSocketServer } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

export const RELAY_MESSAGE = { SYNC: 0, AWARENESS: 1 } as const;

interface Room {
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  /** Each connection with the awareness client ids it controls. */
  conns: Map<WebSocket, Set<number>>;
}

export interface Relay {
  server: Server;
  port: number;
  rooms: Map<string, Room>;
  close(): Promise<void>;
}

function send(conn: WebSocket, message: Uint8Array) {
  if (conn.readyState === conn.OPEN) conn.send(message);
}

function room(rooms: Map<string, Room>, name: string): Room {
  const existing = rooms.get(name);
  if (existing) return existing;
  const doc = new Y.Doc();
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState(null);
  const created: Room = { doc, awareness, conns: new Map() };
  doc.on('update', (update: Uint8Array) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, RELAY_MESSAGE.SYNC);
    syncProtocol.writeUpdate(encoder, update);
    const message = encoding.toUint8Array(encoder);
    for (const conn of created.conns.keys()) send(conn, message);
  });
  awareness.on(
    'update',
    (
      { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
      origin: WebSocket | null,
    ) => {
      const changed = [...added, ...updated, ...removed];
      if (origin) {
        const controlled = created.conns.get(origin);
        if (controlled) {
          for (const id of added) controlled.add(id);
          for (const id of removed) controlled.delete(id);
        }
      }
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, RELAY_MESSAGE.AWARENESS);
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, changed));
      const message = encoding.toUint8Array(encoder);
      for (const conn of created.conns.keys()) send(conn, message);
    },
  );
  rooms.set(name, created);
  return created;
}

export async function startRelay(port = 0): Promise<Relay> {
  const rooms = new Map<string, Room>();
  const server = createServer((_request, response) => response.writeHead(404).end());
  const wss = new WebSocketServer({ server });
  wss.on('connection', (conn, request) => {
    conn.binaryType = 'arraybuffer';
    const here = room(rooms, request.url ?? '/');
    here.conns.set(conn, new Set());
    conn.on('message', (data: ArrayBuffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      const encoder = encoding.createEncoder();
      const type = decoding.readVarUint(decoder);
      if (type === RELAY_MESSAGE.SYNC) {
        encoding.writeVarUint(encoder, RELAY_MESSAGE.SYNC);
        syncProtocol.readSyncMessage(decoder, encoder, here.doc, conn);
        if (encoding.length(encoder) > 1) send(conn, encoding.toUint8Array(encoder));
      } else if (type === RELAY_MESSAGE.AWARENESS) {
        awarenessProtocol.applyAwarenessUpdate(here.awareness, decoding.readVarUint8Array(decoder), conn);
      }
    });
    conn.on('close', () => {
      const controlled = here.conns.get(conn);
      here.conns.delete(conn);
      if (controlled) awarenessProtocol.removeAwarenessStates(here.awareness, [...controlled], null);
      if (here.conns.size === 0) {
        here.awareness.destroy();
        here.doc.destroy();
        rooms.delete(request.url ?? '/');
      }
    });
    // As y-websocket: sync step 1, then every awareness state of the room.
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, RELAY_MESSAGE.SYNC);
    syncProtocol.writeSyncStep1(step1, here.doc);
    send(conn, encoding.toUint8Array(step1));
    const states = here.awareness.getStates();
    if (states.size > 0) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, RELAY_MESSAGE.AWARENESS);
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(here.awareness, [...states.keys()]));
      send(conn, encoding.toUint8Array(encoder));
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  return {
    server,
    port: typeof address === 'object' && address ? address.port : port,
    rooms,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
