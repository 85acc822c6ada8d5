import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { loadPack } from './loadProblem.ts';

/** A pack archive that cannot be imported; the message says why. */
export class PackArchiveError extends Error {
  override name = 'PackArchiveError';
  readonly code = 'PROBLEMS_ERR_ARCHIVE';
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
}

/** Zips a pack folder as `<pack-id>/...`, byte for byte ([P12]). Returns the number of files. */
export function exportPack(packDir: string, outFile: string): number {
  const pack = loadPack(packDir);
  const files: Record<string, Uint8Array> = {};
  for (const file of walk(packDir)) {
    files[`${pack.file.id}/${relative(packDir, file).split(sep).join('/')}`] = new Uint8Array(readFileSync(file));
  }
  mkdirSync(dirname(resolve(outFile)), { recursive: true });
  writeFileSync(outFile, zipSync(files, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') }));
  return Object.keys(files).length;
}

/**
 * Unzips a pack archive into `intoDir/<pack-id>/` and checks that it loads. Refuses archives with paths
 * outside one pack folder, and an existing pack unless `force` is set. `maxUnpackedBytes` refuses an
 * archive whose files add up to more (a small zip can inflate to gigabytes).
 */
export function importPack(
  zipFile: string,
  intoDir: string,
  force = false,
  options: { maxUnpackedBytes?: number } = {},
): { dir: string; files: number } {
  const max = options.maxUnpackedBytes ?? Number.POSITIVE_INFINITY;
  let unpacked = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(new Uint8Array(readFileSync(zipFile)), {
      filter: (file) => {
        unpacked += file.originalSize;
        if (unpacked > max)
          throw new PackArchiveError(
            `${zipFile} unpacks to more than ${Math.round(max / 1024 / 1024)} MB: split the pack or shrink its tests`,
          );
        return true;
      },
    });
  } catch (error) {
    if (error instanceof PackArchiveError) throw error;
    throw new PackArchiveError(`${zipFile} is not a zip archive: ${(error as Error).message}`);
  }
  const names = Object.keys(entries).filter((n) => !n.endsWith('/'));
  const roots = new Set(names.map((n) => n.split('/')[0]));
  if (roots.size !== 1 || !names.includes(`${[...roots][0]}/pack.yaml`)) {
    throw new PackArchiveError(`${zipFile} must hold exactly one folder with a pack.yaml at its top`);
  }
  const packId = [...roots][0] as string;
  const target = resolve(intoDir, packId);
  if (existsSync(target) && !force) {
    throw new PackArchiveError(`${target} already exists: remove it or pass --force to overwrite`);
  }
  for (const name of names) {
    const path = resolve(intoDir, name);
    if (!path.startsWith(target + sep) || name.split('/').includes('..')) {
      throw new PackArchiveError(`${zipFile} has an entry outside its pack folder: ${name}`);
    }
  }
  // Unpack beside the target and check it there, so a broken archive leaves nothing behind.
  mkdirSync(intoDir, { recursive: true });
  const staging = mkdtempSync(join(resolve(intoDir), '.import-'));
  try {
    for (const name of names) {
      const path = join(staging, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, entries[name] as Uint8Array);
    }
    loadPack(join(staging, packId));
    if (existsSync(target)) rmSync(target, { recursive: true });
    renameSync(join(staging, packId), target);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return { dir: target, files: names.length };
}
