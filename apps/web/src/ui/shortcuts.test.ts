import { describe, expect, it } from 'vitest';
import { isMacPlatform, shortcutLabel } from './shortcuts.ts';

describe('shortcut labels', () => {
  it('[W17] use a straight quote and the keyboard’s own notation: Ctrl on Windows and Linux, ⌘ on a Mac', () => {
    expect(shortcutLabel('run', false)).toBe("Ctrl + '");
    expect(shortcutLabel('run', true)).toBe("⌘'");
    expect(shortcutLabel('submit', false)).toBe('Ctrl + Enter');
    expect(shortcutLabel('submit', true)).toBe('⌘↩');
    expect(shortcutLabel('tabMovesFocus', false)).toBe('Ctrl + M');
    expect(shortcutLabel('tabMovesFocus', true)).toBe('⌃⇧M');
    expect(isMacPlatform({ platform: 'MacIntel' })).toBe(true);
    expect(isMacPlatform({ platform: 'Linux x86_64' })).toBe(false);
    expect(isMacPlatform({ platform: '', userAgent: 'Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X)' })).toBe(true);
  });
});
