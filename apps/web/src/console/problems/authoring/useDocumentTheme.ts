import { useEffect, useState } from 'react';

const read = () => (document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light');

/** The theme the console shows (set on <html> by useTheme), followed as it changes. */
export function useDocumentTheme(): 'light' | 'dark' {
  const [theme, setTheme] = useState<'light' | 'dark'>(read);
  useEffect(() => {
    const observer = new MutationObserver(() => setTheme(read()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);
  return theme;
}
