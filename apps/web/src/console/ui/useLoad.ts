import { type DependencyList, useCallback, useEffect, useState } from 'react';

export type Loaded<T> =
  | { state: 'loading'; reload(): void }
  | { state: 'error'; error: Error; reload(): void }
  | { state: 'ready'; data: T; reload(): void };

/** Loads data for a page, again when `deps` change or on `reload()`; a stale answer is dropped. */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const [result, setResult] = useState<
    { state: 'loading' } | { state: 'error'; error: Error } | { state: 'ready'; data: T }
  >({ state: 'loading' });
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `deps` are the caller's, as in useEffect.
  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setResult({ state: 'ready', data }),
      (error: unknown) =>
        live && setResult({ state: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      live = false;
    };
  }, [...deps, round]);
  return { ...result, reload } as Loaded<T>;
}
