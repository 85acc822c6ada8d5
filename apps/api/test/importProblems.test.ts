import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scaffoldProblem } from '@assay/problems';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemVersions } from '../src/db/schema.ts';
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
    expect(result.versions.size).toBe(17);
    const [islands] = await database.db
      .select()
      .from(problemVersions)
      .where(eq(problemVersions.id, result.versions.get('classics/number-of-islands') as string));
    expect(islands?.starter.typescript).toContain('function numIslands(grid: string[]): number {');
    expect(islands?.spec.tests.filter((t) => t.kind === 'hidden').length).toBe(17);
  });
});
