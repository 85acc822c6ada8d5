// Every text colour the stylesheet sets, against the background it sits on, in both themes, must meet
// WCAG 2.2 AA ([W13]): a contrast ratio of at least 4.5:1 for text.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const CSS = readFileSync(new URL('./styles.css', import.meta.url), 'utf8');
const AA_TEXT = 4.5;
const DARK = ':root[data-theme="dark"]';

type Declarations = Map<string, string>;

/** `selector { declarations }` rules, at-rules flattened (a media query changes no colour here). */
function parseRules(css: string): { selectors: string[]; decls: Declarations }[] {
  const rules: { selectors: string[]; decls: Declarations }[] = [];
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  // Innermost blocks: a selector and a body without braces (keyframe steps are skipped below).
  for (const [, head = '', body = ''] of text.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const selectors = head
      .replace(/^[\s\S]*@[^{]*$/, '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (selectors.length === 0 || selectors.some((s) => /^(from|to|\d+%)$/.test(s))) continue;
    const decls: Declarations = new Map();
    for (const decl of body.split(';')) {
      const colon = decl.indexOf(':');
      if (colon > 0) decls.set(decl.slice(0, colon).trim(), decl.slice(colon + 1).trim());
    }
    rules.push({ selectors, decls });
  }
  return rules;
}

function rgb(color: string): [number, number, number] | undefined {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color)?.[1];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
    return [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
  }
  return undefined;
}

function luminance([r, g, b]: [number, number, number]): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrast(a: string, b: string): number {
  const [la, lb] = [luminance(rgb(a) as never), luminance(rgb(b) as never)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

const rules = parseRules(CSS);

/** The theme's custom properties: the light ones, with the dark theme's on top. */
function variables(theme: 'light' | 'dark'): Map<string, string> {
  const vars = new Map<string, string>();
  for (const rule of rules) {
    const applies = rule.selectors.includes(':root') || (theme === 'dark' && rule.selectors.includes(DARK));
    if (!applies) continue;
    for (const [name, value] of rule.decls) if (name.startsWith('--')) vars.set(name, value);
  }
  return vars;
}

/** Each selector's colour declarations in a theme (a dark-theme rule overrides its light counterpart). */
function colours(theme: 'light' | 'dark') {
  const bySelector = new Map<string, { color?: string; background?: string }>();
  for (const rule of rules) {
    for (const raw of rule.selectors) {
      if (raw === ':root' || raw === DARK) continue;
      if (raw.startsWith(`${DARK} `) && theme === 'light') continue;
      const selector = raw.startsWith(`${DARK} `) ? raw.slice(DARK.length + 1) : raw;
      const entry = bySelector.get(selector) ?? {};
      const color = rule.decls.get('color');
      const background = rule.decls.get('background') ?? rule.decls.get('background-color');
      if (color) entry.color = color;
      if (background) entry.background = background;
      bySelector.set(selector, entry);
    }
  }
  return bySelector;
}

/** A colour value with its variables resolved; undefined for what is no text colour (inherit, transparent…). */
function resolve(value: string | undefined, vars: Map<string, string>): string | undefined {
  if (value === undefined) return undefined;
  const v = value.replace(/var\((--[\w-]+)\)/g, (_, name: string) => vars.get(name) ?? name);
  return rgb(v) ? v.toLowerCase() : undefined;
}

// Elements without text of their own: their colour is a mark, not a reading surface.
const NOT_TEXT = /splitter|spinner|dot|backdrop|save-dot/;
// `:disabled` controls are exempt from contrast (WCAG 1.4.3); hover and focus states are checked.
const EXEMPT = /:disabled\b(?!\))/;

function pairs(theme: 'light' | 'dark') {
  const vars = variables(theme);
  const surfaces = ['--bg', '--surface', '--surface-2'].map((v) => vars.get(v) as string);
  const text = vars.get('--text') as string;
  const muted = vars.get('--muted') as string;
  const all = colours(theme);
  /** The colour an element of this selector writes in: its own, its base state's, else the page's text. */
  const colourOf = (selector: string) => {
    const base = selector.replace(/:(hover|active|focus-visible|focus|not\([^)]*\))/g, '');
    return resolve(all.get(selector)?.color, vars) ?? resolve(all.get(base)?.color, vars);
  };
  const found: { selector: string; fg: string; bg: string }[] = [];
  for (const [selector, { color, background }] of all) {
    if (NOT_TEXT.test(selector) || EXEMPT.test(selector)) continue;
    const fg = resolve(color, vars) ?? colourOf(selector);
    const bg = resolve(background, vars);
    if (bg) {
      // On its own background: its colour, or the inherited text and muted text.
      for (const f of fg ? [fg] : [text, muted]) found.push({ selector, fg: f, bg });
    } else if (fg) {
      // On whatever the page puts under it: any of the surfaces.
      for (const b of surfaces) found.push({ selector, fg, bg: b });
    }
  }
  return found;
}

describe('colour contrast', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`[W13] every text colour meets WCAG AA (4.5:1) on its background in the ${theme} theme`, () => {
      const found = pairs(theme);
      expect(found.length).toBeGreaterThan(40);
      const failing = found
        .map((p) => ({ ...p, ratio: Math.round(contrast(p.fg, p.bg) * 100) / 100 }))
        .filter((p) => p.ratio < AA_TEXT)
        .map((p) => `${p.selector}: ${p.fg} on ${p.bg} is ${p.ratio}:1`);
      expect(failing).toEqual([]);
    });
  }

  it('[W13] measures contrast as WCAG defines it', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
    // The dark theme's warning toast of issue 9: white on amber.
    expect(contrast('#ffffff', '#fbbf24')).toBeCloseTo(1.67, 2);
  });
});
