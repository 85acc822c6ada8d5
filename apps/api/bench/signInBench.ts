// `pnpm bench signin [rounds]`: how long a failed sign-in takes for an existing account and for an
// unknown email, interleaved in the same run ([A31]). The ratio should be near 1: a gap tells an
// attacker which accounts exist (before the dummy hash it was about 0.06).
import { ADMIN, testApp } from '../test/testApp.ts';

const ROUNDS = Number(process.argv[2] ?? 30);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

const t = await testApp();
try {
  const known: number[] = [];
  const unknown: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    for (const [email, times, host] of [
      [ADMIN.email, known, 1],
      [`nobody${i}@example.com`, unknown, 2],
    ] as const) {
      const start = performance.now();
      // One address per request, so the sign-in limits never answer first.
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: `10.${host}.${i >> 8}.${i & 255}`,
        payload: { email, password: 'not the password' },
      });
      times.push(performance.now() - start);
      if (response.statusCode !== 401) throw new Error(`expected 401, got ${response.statusCode}: ${response.body}`);
    }
  }
  const [k, u] = [median(known), median(unknown)];
  process.stdout.write(
    `failed sign-in, median of ${ROUNDS}: existing account ${k.toFixed(1)} ms, unknown email ${u.toFixed(1)} ms, ratio ${(u / k).toFixed(2)}\n`,
  );
} finally {
  await t.close();
}
