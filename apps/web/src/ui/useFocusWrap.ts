import { type RefObject, useEffect } from 'react';

const FOCUSABLE =
  'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), summary, [tabindex]:not([tabindex="-1"])';

/** The controls Tab visits inside `root`, in order. */
function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.tabIndex >= 0 && el.getClientRects().length > 0,
  );
}

/**
 * Tab past the last control goes back to the first, and Shift+Tab before the first to the last, inside
 * `root` or the open modal dialog ([W17]). Without it the browser moves focus to its own toolbar, which
 * is a "window lost focus" event on the candidate's record for pressing Tab.
 */
export function useFocusWrap(root: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // The editor uses Tab to indent (it prevents the default) until the candidate switches that off.
      if (event.key !== 'Tab' || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const scope = document.querySelector<HTMLElement>('[aria-modal="true"]') ?? root.current;
      if (!scope) return;
      const list = focusables(scope);
      const first = list[0];
      const last = list[list.length - 1];
      if (!first || !last) return;
      const active = document.activeElement;
      // Focus left behind the open dialog goes into it; nothing focused (after a click on text) is left to
      // the browser, which goes on from where the click was.
      const outside = active instanceof HTMLElement && active !== document.body && !scope.contains(active);
      if (event.shiftKey ? active === first || outside : active === last || outside) {
        event.preventDefault();
        (event.shiftKey ? last : first).focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [root]);
}
