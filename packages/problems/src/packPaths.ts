import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the built-in packs live. */
export const BUILTIN_PACKS_DIR = fileURLToPath(new URL('../packs', import.meta.url));

export type PathTarget = { kind: 'pack'; dir: string } | { kind: 'problem'; dir: string; packId?: string };

/**
 * Resolves what a user typed: a pack folder, a problem folder, or `pack/problem-id` / `pack` among the
 * built-in packs. Returns undefined when nothing matches.
 */
export function resolveTarget(argument: string, base = process.cwd()): PathTarget | undefined {
  for (const dir of [resolve(base, argument), resolve(BUILTIN_PACKS_DIR, argument)]) {
    if (existsSync(join(dir, 'pack.yaml'))) return { kind: 'pack', dir };
    if (existsSync(join(dir, 'problem.yaml'))) {
      const parent = dirname(dir);
      return existsSync(join(parent, 'pack.yaml'))
        ? { kind: 'problem', dir, packId: basename(parent) }
        : { kind: 'problem', dir };
    }
  }
  return undefined;
}

/** Every built-in pack folder. */
export function builtinPacks(): string[] {
  if (!existsSync(BUILTIN_PACKS_DIR)) return [];
  return readdirSync(BUILTIN_PACKS_DIR)
    .map((name) => join(BUILTIN_PACKS_DIR, name))
    .filter((dir) => existsSync(join(dir, 'pack.yaml')))
    .sort();
}
