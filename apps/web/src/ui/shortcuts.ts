/**
 * The page's keyboard shortcuts as the candidate's keyboard labels them ([W17]): `Ctrl + '` on Windows
 * and Linux, `⌘'` on a Mac (its own notation, no plus signs). The keys are the ones the page and the
 * editor bind, so a label never names a key that does nothing.
 */
export const SHORTCUTS = {
  run: { other: ['Ctrl', "'"], mac: ['⌘', "'"] },
  submit: { other: ['Ctrl', 'Enter'], mac: ['⌘', '↩'] },
  save: { other: ['Ctrl', 'S'], mac: ['⌘', 'S'] },
  undo: { other: ['Ctrl', 'Z'], mac: ['⌘', 'Z'] },
  // Monaco's "Toggle Tab Key Moves Focus": Ctrl+M, and ⌃⇧M on a Mac (⌘M minimises the window there).
  tabMovesFocus: { other: ['Ctrl', 'M'], mac: ['⌃', '⇧', 'M'] },
} as const;

export type ShortcutName = keyof typeof SHORTCUTS;

export function isMacPlatform(nav: { platform?: string; userAgent?: string } = navigator): boolean {
  return /Mac|iPhone|iPad|iPod/i.test(nav.platform || nav.userAgent || '');
}

export function shortcutLabel(name: ShortcutName, mac: boolean = isMacPlatform()): string {
  return mac ? SHORTCUTS[name].mac.join('') : SHORTCUTS[name].other.join(' + ');
}
