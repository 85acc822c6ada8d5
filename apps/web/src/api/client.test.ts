import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, NetworkError, parseRetryAfter, withRetry } from './client.ts';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const QUEUE_AWAY = { error: { code: 'API_ERR_QUEUE_UNAVAILABLE', message: 'judging is paused; try again shortly' } };

/** A fetch that answers from a script and records what it was sent. */
function scriptedFetch(answers: (() => Response)[]) {
  const bodies: unknown[] = [];
  const fetch = vi.fn(async (_url: string, init?: RequestInit) => {
    bodies.push(JSON.parse(String(init?.body)));
    const next = answers.shift();
    if (!next) throw new Error('no more answers scripted');
    return next();
  });
  vi.stubGlobal('fetch', fetch);
  return { fetch, bodies };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('sending a submission again', () => {
  it('[W11] retries a 503 and a 429 with the same idempotency key, waiting as the server asked or backing off', async () => {
    const { bodies } = scriptedFetch([
      () => json(503, QUEUE_AWAY),
      () => json(429, { error: { code: 'RATE_LIMITED', message: 'slow down' } }, { 'retry-after': '3' }),
      () => {
        throw new TypeError('Failed to fetch');
      },
      () => json(200, { id: 's1', status: 'queued' }),
    ]);
    const waits: number[] = [];
    const retried: string[] = [];
    const body = { language: 'javascript', code: 'x', idempotencyKey: 'key-1' };
    const result = await withRetry(() => api<{ id: string }>('POST', '/api/attempt/tasks/0/submissions', body), {
      sleep: async (ms) => {
        waits.push(ms);
      },
      random: () => 1,
      onRetry: (error) => retried.push(error.name),
    });
    expect(result).toEqual({ id: 's1', status: 'queued' });
    expect(bodies).toEqual([body, body, body, body]);
    // Backoff doubles (1 s, then 4 s for the third try); the 429's Retry-After of 3 s is obeyed as given.
    expect(waits).toEqual([1000, 3000, 4000]);
    expect(retried).toEqual(['ApiError', 'ApiError', 'NetworkError']);
  });

  it('[W11] jitters the backoff so a cohort does not retry in step, and gives up after the last try', async () => {
    scriptedFetch(Array.from({ length: 3 }, () => () => json(503, QUEUE_AWAY)));
    const waits: number[] = [];
    const send = withRetry(() => api('POST', '/x', {}), {
      tries: 3,
      sleep: async (ms) => {
        waits.push(ms);
      },
      random: () => 0,
    });
    await expect(send).rejects.toMatchObject({ name: 'ApiError', status: 503 });
    expect(waits).toEqual([500, 1000]);
  });

  it('[W11] does not retry a refusal that retrying cannot change', async () => {
    const { fetch } = scriptedFetch([() => json(409, { error: { code: 'JUDGE_BUSY', message: 'busy' } })]);
    await expect(withRetry(() => api('POST', '/x', {}), { sleep: async () => {} })).rejects.toBeInstanceOf(ApiError);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('[W63] a language the server cannot judge is a 503 that is not sent again: its reason is shown at once', async () => {
    const reason = 'Python 3 cannot be run on this server right now. Bubblewrap (bwrap) is not installed; install it';
    const { fetch } = scriptedFetch([
      () => json(503, { error: { code: 'API_ERR_LANGUAGE_UNAVAILABLE', message: reason } }),
    ]);
    await expect(withRetry(() => api('POST', '/x', {}), { sleep: async () => {} })).rejects.toMatchObject({
      status: 503,
      message: reason,
    });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('[W11] reads Retry-After as seconds or as a date', () => {
    expect(parseRetryAfter('7')).toBe(7000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });

  it('[W11] a gateway error page without our error shape counts as the server being unreachable', async () => {
    scriptedFetch([() => new Response('<html>502 Bad Gateway</html>', { status: 502 })]);
    await expect(api('POST', '/x', {})).rejects.toBeInstanceOf(NetworkError);
  });
});
