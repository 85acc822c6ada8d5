import { type AnchorHTMLAttributes, createElement, type MouseEvent, useSyncExternalStore } from 'react';

// A small client-side router: the path lives in the address bar (so a reload or a shared link opens the
// same page, [W20]), `navigate` pushes a new entry and every `usePath` re-renders.
const listeners = new Set<() => void>();
const notify = () => {
  for (const listener of listeners) listener();
};
window.addEventListener('popstate', notify);

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current path with its query string (`/admin/problems?q=sum`). */
export function usePath(): string {
  return useSyncExternalStore(subscribe, () => location.pathname + location.search);
}

/** Goes to a page of the app without reloading it. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === location.pathname + location.search) return;
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.scrollTo(0, 0);
  notify();
}

/**
 * Matches `/admin/assessments/:id` against a path (query string ignored): the decoded parameters, or
 * null. A pattern ending in `/*` matches the rest of the path too.
 */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const pathname = path.split('?')[0]?.replace(/\/+$/, '') || '/';
  const wildcard = pattern.endsWith('/*');
  const parts = (wildcard ? pattern.slice(0, -2) : pattern).split('/');
  const actual = pathname.split('/');
  if (wildcard ? actual.length < parts.length : actual.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of parts.entries()) {
    const value = actual[i] as string;
    if (part.startsWith(':')) {
      if (!value) return null;
      try {
        params[part.slice(1)] = decodeURIComponent(value);
      } catch {
        return null;
      }
    } else if (part !== value) return null;
  }
  return params;
}

/** The query string's parameters of the current path. */
export function useSearchParams(): URLSearchParams {
  const path = usePath();
  return new URLSearchParams(path.includes('?') ? path.slice(path.indexOf('?')) : '');
}

/** An `<a>` that navigates inside the app; a modified click (new tab, …) is left to the browser. */
export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    if (rest.target && rest.target !== '_self') return;
    event.preventDefault();
    navigate(href);
  };
  return createElement('a', { ...rest, href, onClick: handle });
}
