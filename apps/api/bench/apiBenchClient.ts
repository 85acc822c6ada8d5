// The simulated candidates of `pnpm bench api`, in their own process. Reads { base, tokens, seconds,
// source } on stdin; writes { verdicts: [{ id, ms }], saves: [ms], submitted, lagMaxMs } on stdout. Each candidate opens a session, starts,
// listens on the live WebSocket, autosaves every 2 s and submits every 10 s at its own phase.
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import WebSocket from 'ws';

const { base, tokens, seconds, source } = JSON.parse(readFileSync(0, 'utf8')) as {
  base: string;
  tokens: string[];
  seconds: number;
  source: string;
};

async function call(path: string, init: { method: string; cookie?: string; body?: unknown }) {
  const response = await fetch(`${base}${path}`, {
    method: init.method,
    headers: {
      ...(init.body ? { 'content-type': 'application/json' } : {}),
      ...(init.cookie ? { cookie: init.cookie } : {}),
    },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    cookie: response.headers.get('set-cookie')?.split(';')[0],
  };
}

const verdicts: { id: string; ms: number }[] = [];
/** Autosave round trips (issue 9: embedded mode's autosave p99 was 3.4 s with 20 candidates). */
const saves: number[] = [];
// The client's own stalls count in every latency it measures: reported beside them.
const lag = monitorEventLoopDelay({ resolution: 5 });
lag.enable();
let submitted = 0;
const until = performance.now() + seconds * 1000;
await Promise.all(
  tokens.map(async (token, i) => {
    const cookie = (await call(`/api/invitations/${token}/session`, { method: 'POST' })).cookie as string;
    await call('/api/attempt/start', { method: 'POST', cookie });
    const pending = new Map<string, number>();
    const ws = new WebSocket(`${base.replace('http', 'ws')}/api/attempt/live`, { headers: { cookie } });
    ws.on('message', (data) => {
      const event = JSON.parse(String(data)) as { type: string; status?: string; submissionId?: string };
      const sentAt = event.submissionId ? pending.get(event.submissionId) : undefined;
      if (event.type === 'submission' && event.status === 'done' && sentAt !== undefined) {
        verdicts.push({ id: event.submissionId as string, ms: performance.now() - sentAt });
        pending.delete(event.submissionId as string);
      }
    });
    await new Promise((resolve) => ws.once('open', resolve));
    await new Promise((r) => setTimeout(r, (i / tokens.length) * 2000));
    for (let tick = 0; performance.now() < until; tick++) {
      const saveAt = performance.now();
      await call('/api/attempt/tasks/0/code', {
        method: 'PUT',
        cookie,
        body: { language: 'javascript', code: `${source}// ${tick}` },
      });
      saves.push(performance.now() - saveAt);
      // Submissions start from each candidate's second tick, at its own phase: steady state, evenly spread.
      if (tick > 0 && tick % 5 === i % 5) {
        const sentAt = performance.now();
        const { status, body } = await call('/api/attempt/tasks/0/submissions', {
          method: 'POST',
          cookie,
          body: { language: 'javascript', code: source, idempotencyKey: `${token.slice(0, 8)}-${tick}` },
        });
        if (status === 202) {
          pending.set(body.id as string, sentAt);
          submitted++;
        }
      }
      await new Promise((r) => setTimeout(r, 2000));
    }
    await new Promise((r) => setTimeout(r, 3000));
    ws.close();
  }),
);
lag.disable();
process.stdout.write(JSON.stringify({ verdicts, saves, submitted, lagMaxMs: lag.max / 1e6 }));
