import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportPack, importPack, loadPack, PackArchiveError, scaffoldProblem } from '../src/index.ts';

function filesOf(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return out;
}

describe('export and import', () => {
  it('[P12] a pack survives a zip round trip byte for byte', () => {
    const root = mkdtempSync(join(tmpdir(), 'assay-zip-'));
    const pack = join(root, 'demo');
    scaffoldProblem(pack, 'first');
    scaffoldProblem(pack, 'second');
    writeFileSync(
      join(pack, 'first', 'tests', 'hidden', 'unicode.json'),
      '{"args":[[1]],"expected":1,"data":"ünïcødé ✓"}\n',
    );
    const zip = join(root, 'out', 'demo.zip');
    expect(exportPack(pack, zip)).toBe(filesOf(pack).size);

    const into = join(root, 'elsewhere');
    const imported = importPack(zip, into);
    expect(imported.dir).toBe(join(into, 'demo'));
    expect(filesOf(imported.dir)).toEqual(filesOf(pack));
    expect(loadPack(imported.dir).problems.map((p) => p.ref)).toEqual(['demo/first', 'demo/second']);
  });

  it('[P12] refuses to overwrite a pack unless forced', () => {
    const root = mkdtempSync(join(tmpdir(), 'assay-zip-'));
    scaffoldProblem(join(root, 'demo'), 'first');
    const zip = join(root, 'demo.zip');
    exportPack(join(root, 'demo'), zip);
    expect(() => importPack(zip, root)).toThrow(/already exists: remove it or pass --force/);
    expect(importPack(zip, root, true).files).toBeGreaterThan(0);
  });

  it('[P12] refuses archives that escape their folder or do not hold a pack, leaving nothing behind', () => {
    const root = mkdtempSync(join(tmpdir(), 'assay-zip-'));
    const evil = join(root, 'evil.zip');
    writeFileSync(
      evil,
      zipSync({
        'demo/pack.yaml': new TextEncoder().encode('id: demo\n'),
        'demo/../../escaped.txt': new Uint8Array([1]),
      }),
    );
    const into = join(root, 'into');
    expect(() => importPack(evil, into)).toThrow(PackArchiveError);
    expect(existsSync(join(root, 'escaped.txt'))).toBe(false);

    const broken = join(root, 'broken.zip');
    writeFileSync(broken, zipSync({ 'demo/pack.yaml': new TextEncoder().encode('id: demo\ntitle: x\n') }));
    expect(() => importPack(broken, into)).toThrow(/pack\.yaml/);
    expect(readdirSync(into)).toEqual([]);

    writeFileSync(join(root, 'not.zip'), 'hello');
    expect(() => importPack(join(root, 'not.zip'), into)).toThrow(/is not a zip archive/);
  });
});
