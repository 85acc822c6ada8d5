// One server of `pnpm bench pad`, in its own process so that its CPU and memory are its own
// (process.cpuUsage, memoryUsage): `baseline` (the y-websocket-style relay) or `assay` (the API with its
// pad socket, on PostgreSQL with DATABASE_URL, else PGlite in this process). Talks to the bench over IPC.
import { randomBytes } from 'node:crypto';
import { pads } from '../src/db/schema.ts';
import { adminCookie, cookieOf, testApp } from '../test/testApp.ts';
import { startRelay } from './padRelay.ts';

export type BenchServerRequest = { id: number; op: 'pads'; count: number } | { id: number; op: 'stats'; gc: boolean };
export type BenchServerMessage =
  | { ready: true; port: number; cookies: string[]; database: string }
  | { id: number; padIds: string[] }
  | { id: number; cpuMicros: number; heapUsed: number; rss: number };

/** Staff accounts the clients sign in as: a participant may hold PAD_LIMITS.socketsPerParticipant sockets. */
const STAFF = 12;

const mode = process.argv[2];
const reply = (message: BenchServerMessage) => process.send?.(message);

async function assay() {
  const t = await testApp();
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  const admin = await adminCookie(t.app);
  const cookies = [admin];
  for (let i = 1; i < STAFF; i++) {
    const email = `bench${i}@example.com`;
    const password = 'bench password 123';
    await t.app.inject({
      method: 'POST',
      url: '/api/admin/team',
      headers: { cookie: admin },
      payload: { name: `Bench ${i}`, email, role: 'interviewer', password },
    });
    // Each from its own address: the per-address sign-in limit is not what is measured.
    const signedIn = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password },
      remoteAddress: `10.9.0.${i}`,
    });
    cookies.push(cookieOf(signedIn));
  }
  return {
    port: Number(new URL(address).port),
    cookies,
    database: t.databaseUrl ? 'PostgreSQL' : 'PGlite (in the server process)',
    makePads: async (count: number) => {
      const rows = await t.db
        .insert(pads)
        .values(
          Array.from({ length: count }, (_, i) => ({
            title: `Bench pad ${i}`,
            language: 'javascript' as const,
            candidateTokenHash: randomBytes(16).toString('hex'),
            candidateTokenSealed: 'bench',
          })),
        )
        .returning({ id: pads.id });
      return rows.map((r) => r.id);
    },
  };
}

async function baseline() {
  const relay = await startRelay();
  return {
    port: relay.port,
    cookies: [],
    database: 'none',
    makePads: async (count: number) => Array.from({ length: count }, () => crypto.randomUUID()),
  };
}

const server = mode === 'assay' ? await assay() : await baseline();
process.on('message', async (request: BenchServerRequest) => {
  if (request.op === 'pads') reply({ id: request.id, padIds: await server.makePads(request.count) });
  else {
    // CPU first: the collection that steadies the memory figure is the bench's doing, not the server's.
    const cpu = process.cpuUsage();
    if (request.gc) (globalThis as { gc?: () => void }).gc?.();
    const memory = process.memoryUsage();
    reply({ id: request.id, cpuMicros: cpu.user + cpu.system, heapUsed: memory.heapUsed, rss: memory.rss });
  }
});
process.on('disconnect', () => process.exit(0));
reply({ ready: true, port: server.port, cookies: server.cookies, database: server.database });
