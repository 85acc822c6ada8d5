import { useSyncExternalStore } from 'react';
import type { Theme } from './useTheme.ts';

function subscribe(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

/**
 * The theme the page shows (`<html data-theme>`, set by the console's own useTheme): a page inside the
 * console follows the toggle in its navigation, Monaco included.
 */
export function useDocumentTheme(): Theme {
  return useSyncExternalStore(subscribe, () => (document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light'));
}
