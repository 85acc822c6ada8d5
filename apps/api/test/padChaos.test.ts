import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeFrame, PadConnection, type PadSocket } from '@assay/collab';
import { PAD_DOC, PAD_FRAME } from '@assay/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { type DatabaseHandle, openDatabase } from '../src/db/openDatabase.ts';
import { PgPadStore } from '../src/pads/padStore.ts';
import { addCandidate, createPad, socketUrl, until } from './padSocketFixture.ts';
import { testDatabase } from './testDatabase.ts';

// [A109] The server process killed with SIGKILL while two clients type: every edit it acknowledged is
// stored, and after a restart on the same port both clients reconnect, resend what it lacks and converge.
// With DATABASE_URL on PostgreSQL; without, on PGlite in a data directory.

const SERVER_ENTRY = fileURLToPath(new URL('../src/server.ts', import.meta.url));
const ADMIN_PASSWORD = 'chaos test password';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function startServer(env: Record<string, string | undefined>): { child: ChildProcess; ready: Promise<void> } {
  const child = spawn(process.execPath, ['--no-node-snapshot', '--import', import.meta.resolve('tsx'), SERVER_ENTRY], {
    env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
      if (output.includes('Assay is running at')) resolve();
    });
    child.stderr?.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.once('exit', (code, signal) =>
      reject(new Error(`the server exited (${code ?? signal}) before it was ready:\n${output}`)),
    );
  });
  return { child, ready };
}

/** A client that types unique tokens and knows which of them the server acknowledged. */
function typist(url: string, cookie: string, name: string) {
  const sent: { socket: number; seq: number; tokens: string[] }[] = [];
  const acked = new Map<number, number>();
  let sockets = 0;
  let seqOut = 0;
  const connection = new PadConnection({
    url,
    minDelayMs: 100,
    maxDelayMs: 800,
    connect: (target) => {
      const id = ++sockets;
      const socket = new WebSocket(target, { headers: { cookie } });
      socket.on('error', () => {});
      socket.on('message', (data: Buffer) => {
        const frame = decodeFrame(new Uint8Array(data));
        if (frame.type === PAD_FRAME.ACK) acked.set(id, Math.max(acked.get(id) ?? 0, frame.seq));
      });
      // What went out as UPDATE frames, and under which sequence number on which socket.
      const send = socket.send.bind(socket);
      (socket as unknown as { send: (bytes: Uint8Array) => void }).send = (bytes: Uint8Array) => {
        const frame = decodeFrame(bytes);
        if (frame.type === PAD_FRAME.UPDATE && frame.doc === PAD_DOC.CODE) {
          seqOut = frame.seq;
          const tokens: string[] = [];
          for (const struct of Y.decodeUpdate(frame.update).structs)
            if (struct instanceof Y.Item && struct.content instanceof Y.ContentString)
              tokens.push(...struct.content.str.split(' ').filter((w) => w.startsWith(name)));
          sent.push({ socket: id, seq: frame.seq, tokens });
        }
        send(bytes);
      };
      return socket as unknown as PadSocket;
    },
  });
  const typed: string[] = [];
  let n = 0;
  return {
    connection,
    typed,
    text: () => connection.code.getText('code').toString(),
    type() {
      const token = `${name}${n++}`;
      typed.push(token);
      const text = connection.code.getText('code');
      const current = text.toString();
      const boundaries = [0];
      for (let i = 0; i < current.length; i++) if (current[i] === ' ') boundaries.push(i + 1);
      text.insert(boundaries[Math.floor(Math.random() * boundaries.length)] as number, `${token} `);
    },
    /** Tokens whose UPDATE the server acknowledged. */
    acked(): string[] {
      return sent.filter((s) => s.seq <= (acked.get(s.socket) ?? 0)).flatMap((s) => s.tokens);
    },
    get lastSeq() {
      return seqOut;
    },
  };
}

describe('a server killed mid-typing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'assay-pad-chaos-'));
  const children: ChildProcess[] = [];
  const typists: ReturnType<typeof typist>[] = [];
  let database: (DatabaseHandle & { url?: string }) | undefined;

  afterAll(async () => {
    for (const t of typists) t.connection.destroy();
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('[A109] loses no acknowledged edit; both clients reconnect and converge', async () => {
    const postgres = Boolean(process.env.DATABASE_URL);
    // The pad and a candidate, written before the server starts (PGlite allows one process at a time).
    database = postgres ? await testDatabase() : await openDatabase({ dataDir: dir });
    const padId = await createPad(database.db);
    const candidate = await addCandidate(database.db, padId, 'chaos');
    if (!postgres) {
      await database.close();
      database = undefined;
    }
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = {
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: base,
      DATA_DIR: dir,
      DATABASE_URL: database?.url,
      ASSAY_ADMIN_PASSWORD: ADMIN_PASSWORD,
      JUDGE_CONCURRENCY: '1',
    };
    const first = startServer(env);
    children.push(first.child);
    await first.ready;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@assay.local', password: ADMIN_PASSWORD }),
    });
    const staffCookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    expect(staffCookie).toMatch(/^assay_session=/);

    const url = socketUrl(base, padId);
    const cand = typist(url, candidate.cookie, 'cand');
    const staff = typist(url, staffCookie, 'staff');
    typists.push(cand, staff);
    await until('both synced', () => cand.connection.status === 'synced' && staff.connection.status === 'synced');

    let typing = true;
    const loop = (async () => {
      while (typing) {
        cand.type();
        staff.type();
        await new Promise((r) => setTimeout(r, 15));
      }
    })();
    await until('some edits acknowledged', () => cand.acked().length > 20 && staff.acked().length > 20);
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    const ackedBeforeKill = [...cand.acked(), ...staff.acked()];

    // What the dead server stored holds every edit it acknowledged.
    let stored: Y.Doc;
    try {
      const after = postgres ? database : await openDatabase({ dataDir: dir });
      stored = new Y.Doc();
      await new PgPadStore((after as DatabaseHandle).db).load(padId, PAD_DOC.CODE, stored);
      if (!postgres) await after?.close();
    } catch (error) {
      throw new Error(`the database did not open after SIGKILL (${String(error)}): PGlite may not survive it`);
    }
    const storedWords = new Set(stored.getText('code').toString().split(' '));
    expect(ackedBeforeKill.filter((token) => !storedWords.has(token))).toEqual([]);

    // Typing goes on offline for a moment, then the server comes back on the same port.
    await new Promise((r) => setTimeout(r, 300));
    const second = startServer(env);
    children.push(second.child);
    await second.ready;
    await until('both back', () => cand.connection.status === 'synced' && staff.connection.status === 'synced', 30_000);
    await new Promise((r) => setTimeout(r, 300));
    typing = false;
    await loop;
    await until(
      'both to converge with every edit acknowledged',
      () => cand.text() === staff.text() && cand.connection.pendingCount + staff.connection.pendingCount === 0,
      30_000,
    );
    const words = cand.text().trim().split(' ').sort();
    expect(words).toEqual([...cand.typed, ...staff.typed].sort());

    // And the restarted server stored it all: stop it gracefully, then read the store.
    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.once('exit', r));
    const final = postgres ? database : await openDatabase({ dataDir: dir });
    const reloaded = new Y.Doc();
    await new PgPadStore((final as DatabaseHandle).db).load(padId, PAD_DOC.CODE, reloaded);
    if (!postgres) await final?.close();
    expect(reloaded.getText('code').toString()).toBe(cand.text());
  }, 300_000);
});
