import type { ReactNode } from 'react';
import type { Loaded } from './useLoad.ts';

/** Renders a loaded value, or a quiet loading line, or the error with a retry button. */
export function LoadState<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ReactNode }) {
  if (loaded.state === 'loading') return <p className="muted load-state">Loading…</p>;
  if (loaded.state === 'error')
    return (
      <div className="callout callout-bad load-state" role="alert">
        <p>{loaded.error.message}</p>
        <button type="button" className="btn btn-secondary btn-small" onClick={loaded.reload}>
          Try again
        </button>
      </div>
    );
  return <>{children(loaded.data)}</>;
}
