import { randomBytes } from 'node:crypto';
import { decodeFrame, PadConnection, type PadSocket } from '@assay/collab';
import type { PadServerEvent } from '@assay/contracts';
import { WebSocket } from 'ws';
import type { Db } from '../src/db/openDatabase.ts';
import { padParticipants, pads } from '../src/db/schema.ts';
import { PAD_COOKIE } from '../src/pads/participants.ts';
import { hashToken } from '../src/services/secrets.ts';

// Pads and participants made straight in the database, and socket clients, for the pad socket's tests
// ([A102]–[A111]): the HTTP routes that create them are another part of issue 12.

export async function createPad(db: Db, options: { status?: 'open' | 'ended' } = {}): Promise<string> {
  const [pad] = await db
    .insert(pads)
    .values({
      title: 'Pairing',
      language: 'javascript',
      status: options.status ?? 'open',
      candidateTokenHash: randomBytes(16).toString('hex'),
      candidateTokenSealed: 'unused in these tests',
    })
    .returning({ id: pads.id });
  return (pad as { id: string }).id;
}

/** A candidate of the pad, as the join route would make them: a participant row and its cookie. */
export async function addCandidate(db: Db, padId: string, name: string, colour = '#3cb44b') {
  const token = randomBytes(24).toString('base64url');
  const [row] = await db
    .insert(padParticipants)
    .values({ padId, role: 'candidate', name, colour, tokenHash: hashToken(token) })
    .returning({ id: padParticipants.id });
  return { cookie: `${PAD_COOKIE}=${token}`, participantId: (row as { id: string }).id };
}

export const socketUrl = (base: string, padId: string) => `${base.replace(/^http/, 'ws')}/api/pads/${padId}/socket`;

export interface Client {
  connection: PadConnection;
  /** Every binary frame the socket received, across reconnects. */
  frames: Uint8Array[];
  events: PadServerEvent[];
  closes: { code: number; reason: string }[];
  text(): string;
  notes(): string;
}

/** A PadConnection in Node, with the cookie, recording the raw frames it receives. */
export function openClient(base: string, padId: string, cookie: string, options: { maxDelayMs?: number } = {}): Client {
  const frames: Uint8Array[] = [];
  const events: PadServerEvent[] = [];
  const closes: { code: number; reason: string }[] = [];
  const connection = new PadConnection({
    url: socketUrl(base, padId),
    minDelayMs: 100,
    maxDelayMs: options.maxDelayMs ?? 1000,
    connect: (url) => {
      const socket = new WebSocket(url, { headers: { cookie } });
      socket.on('message', (data: Buffer) => frames.push(new Uint8Array(data)));
      socket.on('error', () => {});
      return socket as unknown as PadSocket;
    },
  });
  connection.on('event', (event) => events.push(event));
  connection.on('closed', ({ code, reason }) => closes.push({ code, reason }));
  return {
    connection,
    frames,
    events,
    closes,
    text: () => connection.code.getText('code').toString(),
    notes: () => connection.notes.getText('notes').toString(),
  };
}

/** A bare socket: what a hostile or buggy client can send. */
export function rawSocket(base: string, padId: string, cookie?: string) {
  const socket = new WebSocket(socketUrl(base, padId), cookie ? { headers: { cookie } } : {});
  const frames: Uint8Array[] = [];
  socket.on('message', (data: Buffer) => frames.push(new Uint8Array(data)));
  socket.on('error', () => {});
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const opened = new Promise<void>((resolve) => socket.once('open', () => resolve()));
  /** Resolves with the first EVENT frame `welcome` (or undefined if the socket closes first). */
  const welcome = new Promise<Extract<PadServerEvent, { type: 'welcome' }> | undefined>((resolve) => {
    socket.on('message', (data: Buffer) => {
      const frame = decodeFrame(new Uint8Array(data));
      if (frame.type === 4 && (frame.json as { type?: string }).type === 'welcome')
        resolve(frame.json as Extract<PadServerEvent, { type: 'welcome' }>);
    });
    void closed.then(() => resolve(undefined));
  });
  return { socket, frames, closed, opened, welcome };
}

/** Who the client's last `participants` event says owns an awareness client id ([A111]). */
export function ownerOf(client: Client, clientId: number) {
  const last = client.events.findLast((e) => e.type === 'participants');
  return last?.type === 'participants' ? last.participants.find((p) => p.clientIds.includes(clientId)) : undefined;
}

export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  ms = 15_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Inserts `token` and a space at a random word boundary of the client's code, so tokens never split each other. */
export function type(client: Client, token: string, random: () => number = Math.random): void {
  const text = client.connection.code.getText('code');
  const current = text.toString();
  const boundaries = [0];
  for (let i = 0; i < current.length; i++) if (current[i] === ' ') boundaries.push(i + 1);
  text.insert(boundaries[Math.floor(random() * boundaries.length)] as number, `${token} `);
}
