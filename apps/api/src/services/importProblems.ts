import { createHash, type Hash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative } from 'node:path';
import { builtinPacks, type LoadedProblem, loadPack } from '@assay/problems';
import { and, eq, sql } from 'drizzle-orm';
import { contentHash } from '../db/contentHash.ts';
import type { Db } from '../db/openDatabase.ts';
import { packImports, problemVersions } from '../db/schema.ts';

export interface ImportResult {
  /** `pack/problem` → id of the version that matches the files now. */
  versions: Map<string, string>;
  created: number;
  /** Packs loaded from their files this time ([A26]); the others were unchanged since their last import. */
  loadedPacks: string[];
}

export function versionOf(problem: LoadedProblem, packId: string) {
  const content = {
    title: problem.file.title,
    difficulty: problem.file.difficulty,
    tags: problem.file.tags,
    statement: problem.statement,
    starter: problem.starter,
    spec: problem.spec,
  };
  return { packId, problemId: problem.file.id, contentHash: contentHash(content), ...content };
}

/** Adds every file under `dir` (path and bytes, in a stable order) to `hash`. */
function hashTree(hash: Hash, dir: string, root = dir, skip: (name: string) => boolean = () => false): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    if (skip(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) hashTree(hash, path, root, skip);
    else if (entry.isFile()) {
      const bytes = readFileSync(path);
      hash.update(`${relative(root, path)}\0${bytes.length}\0`).update(bytes);
    }
  }
}

let loaderHash: string | undefined;
/** The pack loader's own source: a loader that reads the same files differently makes new versions. */
function packLoaderHash(): string {
  if (loaderHash === undefined) {
    const hash = createHash('sha256');
    const src = dirname(createRequire(import.meta.url).resolve('@assay/problems'));
    hashTree(hash, src, src, (name) => name.endsWith('.test.ts') || name === 'cli');
    loaderHash = hash.digest('hex');
  }
  return loaderHash;
}

/** [A26] A hash of a pack folder's files and of the loader that reads them. */
export function packSourceHash(dir: string): string {
  const hash = createHash('sha256').update(packLoaderHash());
  hashTree(hash, dir);
  return hash.digest('hex');
}

/**
 * Imports problem packs as immutable versions keyed by content hash ([A4]). Importing twice creates
 * nothing new; editing a problem creates a new version and leaves the old one, and every assessment
 * that uses it, untouched. [A26] A pack whose files hash as at its last import is not loaded at all:
 * its versions are read from `pack_imports`, so a start with unchanged packs takes seconds.
 */
export async function importProblems(db: Db, packDirs: string[] = builtinPacks()): Promise<ImportResult> {
  const versions = new Map<string, string>();
  let created = 0;
  const loadedPacks: string[] = [];
  const imported = new Map(
    (await db.select().from(packImports)).map((row) => [row.packId, { hash: row.sourceHash, versions: row.versions }]),
  );
  let known: Map<string, string> | undefined;
  for (const dir of packDirs) {
    const sourceHash = packSourceHash(dir);
    const previous = imported.get(basename(dir));
    if (previous?.hash === sourceHash) {
      for (const [problemId, id] of Object.entries(previous.versions))
        versions.set(`${basename(dir)}/${problemId}`, id);
      continue;
    }
    known ??= await knownVersions(db);
    const pack = loadPack(dir);
    loadedPacks.push(pack.file.id);
    const packVersions: Record<string, string> = {};
    for (const problem of pack.problems) {
      const row = versionOf(problem, pack.file.id);
      const ref = `${row.packId}/${row.problemId}`;
      let versionId = known.get(`${ref}/${row.contentHash}`);
      if (!versionId) {
        const inserted = await insertVersion(db, row);
        versionId = inserted.id;
        if (inserted.created) created++;
      }
      versions.set(ref, versionId);
      packVersions[row.problemId] = versionId;
    }
    await db
      .insert(packImports)
      .values({ packId: pack.file.id, sourceHash, versions: packVersions })
      .onConflictDoUpdate({
        target: packImports.packId,
        set: { sourceHash, versions: packVersions, importedAt: sql`now()` },
      });
  }
  return { versions, created, loadedPacks };
}

/** Every stored version, by `pack/problem/hash`. */
async function knownVersions(db: Db): Promise<Map<string, string>> {
  const rows = await db
    .select({
      id: problemVersions.id,
      packId: problemVersions.packId,
      problemId: problemVersions.problemId,
      hash: problemVersions.contentHash,
    })
    .from(problemVersions);
  return new Map(rows.map((v) => [`${v.packId}/${v.problemId}/${v.hash}`, v.id]));
}

export async function insertVersion(
  db: Db,
  row: ReturnType<typeof versionOf>,
): Promise<{ id: string; created: boolean }> {
  // Another API instance may import the same version at the same moment: the unique index decides.
  const [inserted] = await db
    .insert(problemVersions)
    .values(row)
    .onConflictDoNothing({
      target: [problemVersions.packId, problemVersions.problemId, problemVersions.contentHash],
    })
    .returning({ id: problemVersions.id });
  if (inserted) return { id: inserted.id, created: true };
  const [raced] = await db
    .select({ id: problemVersions.id })
    .from(problemVersions)
    .where(
      and(
        eq(problemVersions.packId, row.packId),
        eq(problemVersions.problemId, row.problemId),
        eq(problemVersions.contentHash, row.contentHash),
      ),
    );
  if (!raced) throw new Error(`problem version ${row.packId}/${row.problemId} vanished while importing`);
  return { id: raced.id, created: false };
}
