const CONNECTION_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P03',
  '08006',
  '08001',
]);

/**
 * Whether an error, or any error it wraps (drizzle wraps pg's), says the database connection failed:
 * the API answers 503, and a judge job waits for the database instead of spending a try ([A22]).
 * The one place that reads a driver's error text.
 */
export function isConnectionError(error: unknown): boolean {
  for (
    let e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 5;
    e = e.cause as typeof e, depth++
  ) {
    if (
      CONNECTION_ERRORS.has(String(e.code)) ||
      /Connection terminated|terminating connection|ECONNREFUSED|timeout exceeded when trying to connect/i.test(
        String(e.message),
      )
    )
      return true;
  }
  return false;
}
