/** A refusal from the API: its code and the message that says what to do ([A10]). */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
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
  const data = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string } } | undefined)?.error;
    // A gateway or a restarting server answers 502-504 without our error shape: the same as offline.
    if (!error && response.status >= 502) throw new NetworkError('The server is not reachable right now.');
    throw new ApiError(response.status, error?.code ?? 'HTTP_ERROR', error?.message ?? `HTTP ${response.status}`);
  }
  return data as T;
}
