import { ERROR_CODES, type ErrorCode, type ErrorResponse } from '@assay/contracts';

/** A refusal from the API: its code and the message that says what to do ([A10]). */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    /** One of the API's `ERROR_CODES`; `BAD_RESPONSE` or `HTTP_ERROR` when the answer was not the API's. */
    readonly code: ErrorCode | 'BAD_RESPONSE' | 'HTTP_ERROR' | (string & {}),
    message: string,
    /** How long the server asked us to wait before trying again (its `Retry-After`), if it said. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** The request never reached the API (offline, server restarting): worth retrying, nothing was refused. */
export class NetworkError extends Error {
  override name = 'NetworkError';
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new NetworkError('The connection to the server was lost. Your work is kept in this browser.');
  }
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    // A proxy's HTML error page: only its status says anything.
    if (response.ok) throw new ApiError(response.status, 'BAD_RESPONSE', 'The server sent an unreadable answer.');
  }
  if (!response.ok) {
    const error = (data as Partial<ErrorResponse> | undefined)?.error;
    // A gateway or a restarting server answers 502-504 without our error shape: the same as offline.
    if (!error && response.status >= 502) throw new NetworkError('The server is not reachable right now.');
    throw new ApiError(
      response.status,
      error?.code ?? 'HTTP_ERROR',
      error?.message ?? `HTTP ${response.status}`,
      parseRetryAfter(response.headers.get('retry-after')),
    );
  }
  return data as T;
}

/** `Retry-After` in milliseconds: delay-seconds or an HTTP date ([RFC 9110 §10.2.3]); undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Whether a failed request is worth sending again unchanged ([W11]): it never arrived (network, gateway),
 * the server is briefly unable to take it (503: its queue is away), or it asked us to slow down (429).
 * A language this server cannot judge (503 too, [A131]) stays so until an administrator installs it ([W63]).
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof ApiError && error.code === ERROR_CODES.LANGUAGE_UNAVAILABLE) return false;
  return error instanceof NetworkError || (error instanceof ApiError && (error.status === 503 || error.status === 429));
}

export interface RetryOptions {
  /** How many times to send in all (first try included). */
  tries?: number;
  /** The first wait; each next one doubles, up to `maxDelayMs`, with jitter so a cohort does not retry in step. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Told before each wait, so the page can say it is still trying. */
  onRetry?: (error: Error, delayMs: number) => void;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/**
 * Sends a request that is safe to repeat (the caller keeps its body, and so its idempotency key, the
 * same) until it gets an answer, waiting between tries as the server asked (`Retry-After`) or with
 * jittered exponential backoff ([W11]). A refusal that retrying cannot change is thrown at once.
 */
export async function withRetry<T>(send: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const {
    tries = 8,
    baseDelayMs = 1000,
    maxDelayMs = 10_000,
    onRetry,
    sleep = (ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    random = Math.random,
  } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (attempt >= tries || !isRetryable(error)) throw error;
      const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
      const asked = error instanceof ApiError ? error.retryAfterMs : undefined;
      // The server's own estimate wins (capped: a minute of silence helps nobody); else half to all of the backoff.
      const delayMs = asked !== undefined ? Math.min(asked, 60_000) : Math.round(backoff * (0.5 + random() / 2));
      onRetry?.(error as Error, delayMs);
      await sleep(delayMs);
    }
  }
}
