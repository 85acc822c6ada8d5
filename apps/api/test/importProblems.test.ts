import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinPacks, loadPack, scaffoldProblem } from '@assay/problems';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packImports, problemVersions } from '../src/db/schema.ts';
import { importProblems } from '../src/services/importProblems.ts';
import { testDatabase } from './testDatabase.ts';

let database: Awaited<ReturnType<typeof testDatabase>>;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database.close());

function fixturePack(): string {
  const pack = join(mkdtempSync(join(tmpdir(), 'assay-import-')), 'demo');
  scaffoldProblem(pack, 'sum-it');
  return pack;
}

describe('importProblems', () => {
  it('[A4] imports each problem once, however often it runs', async () => {
    const pack = fixturePack();
    const first = await importProblems(database.db, [pack]);
    expect(first.created).toBe(1);
    const second = await importProblems(database.db, [pack]);
    expect(second.created).toBe(0);
    expect(second.versions.get('demo/sum-it')).toBe(first.versions.get('demo/sum-it'));
  });

  it('[A4] an edited problem becomes a new version and the old one stays as it was', async () => {
    const pack = fixturePack();
    const before = await importProblems(database.db, [pack]);
    const oldId = before.versions.get('demo/sum-it') as string;
    const statement = join(pack, 'sum-it', 'statement.md');
    writeFileSync(
      statement,
      readFileSync(statement, 'utf8').replace('return their sum', 'return the sum of all of them'),
    );
    const after = await importProblems(database.db, [pack]);
    const newId = after.versions.get('demo/sum-it') as string;
    expect(after.created).toBe(1);
    expect(newId).not.toBe(oldId);
    const [old] = await database.db.select().from(problemVersions).where(eq(problemVersions.id, oldId));
    expect(old?.statement).toContain('return their sum');
    expect(old?.spec.tests.length).toBe(2);
  });

  it('[A4] imports the built-in library with starter code and hidden tests kept server-side', async () => {
    const result = await importProblems(database.db);
    const builtIn = builtinPacks().flatMap((dir) => loadPack(dir).problems.map((problem) => problem.ref));
    expect([...result.versions.keys()].sort()).toEqual(builtIn.sort());
    expect(builtIn.length).toBeGreaterThanOrEqual(30); // classics and the whole ml-fundamentals syllabus (issue 14)
    const [islands] = await database.db
      .select()
      .from(problemVersions)
      .where(eq(problemVersions.id, result.versions.get('classics/number-of-islands') as string));
    expect(islands?.starter.typescript).toContain('function numIslands(grid: string[]): number {');
    expect(islands?.spec.tests.filter((t) => t.kind === 'hidden').length).toBe(17);
  }, 240_000); // the whole library is about 170 MB of test data since issue 14: a first import takes a while

  it('[A26] a second start with unchanged packs loads none of them; a changed pack is loaded again', async () => {
    const pack = fixturePack();
    const first = await importProblems(database.db, [pack]);
    expect(first.loadedPacks).toEqual(['demo']);
    const [recorded] = await database.db.select().from(packImports).where(eq(packImports.packId, 'demo'));
    expect(recorded?.versions).toEqual({ 'sum-it': first.versions.get('demo/sum-it') });

    const unchanged = await importProblems(database.db, [pack]);
    expect(unchanged.loadedPacks).toEqual([]);
    expect(unchanged.versions).toEqual(first.versions);

    const statement = join(pack, 'sum-it', 'statement.md');
    writeFileSync(statement, `${readFileSync(statement, 'utf8')}\nOne more line.\n`);
    const changed = await importProblems(database.db, [pack]);
    expect(changed.loadedPacks).toEqual(['demo']);
    expect(changed.created).toBe(1);
    expect(changed.versions.get('demo/sum-it')).not.toBe(first.versions.get('demo/sum-it'));
    const [updated] = await database.db.select().from(packImports).where(eq(packImports.packId, 'demo'));
    expect(updated?.sourceHash).not.toBe(recorded?.sourceHash);
  });
});

describe('the judge worker', () => {
  it('[A26] loads no HTTP code: nothing it imports reaches Fastify, app.ts or runtime.ts', () => {
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      for (const [, specifier] of source.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'/g)) {
        if (!specifier) continue;
        if (specifier.startsWith('.')) visit(join(dirname(file), specifier));
        else packages.add(specifier);
      }
    };
    visit(fileURLToPath(new URL('../src/worker.ts', import.meta.url)));
    const files = [...seen].map((f) => basename(f));
    expect(files).toContain('processSubmission.ts');
    expect(files).not.toContain('app.ts');
    expect(files).not.toContain('runtime.ts');
    // @fastify/error only builds the coded error classes the services throw.
    const http = [...packages].filter(
      (p) => p === 'fastify' || p.startsWith('fastify-') || (p.startsWith('@fastify/') && p !== '@fastify/error'),
    );
    expect(http).toEqual([]);
  });
});
