import { builtinPacks, type LoadedProblem, loadPack } from '@assay/problems';
import { and, eq } from 'drizzle-orm';
import { contentHash } from '../db/contentHash.ts';
import type { Db } from '../db/openDatabase.ts';
import { problemVersions } from '../db/schema.ts';

export interface ImportResult {
  /** `pack/problem` → id of the version that matches the files now. */
  versions: Map<string, string>;
  created: number;
}

function versionOf(problem: LoadedProblem, packId: string) {
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

/**
 * Imports problem packs as immutable versions keyed by content hash ([A4]). Importing twice creates
 * nothing new; editing a problem creates a new version and leaves the old one, and every assessment
 * that uses it, untouched.
 */
export async function importProblems(db: Db, packDirs: string[] = builtinPacks()): Promise<ImportResult> {
  const versions = new Map<string, string>();
  let created = 0;
  const known = new Map(
    (
      await db
        .select({
          id: problemVersions.id,
          packId: problemVersions.packId,
          problemId: problemVersions.problemId,
          hash: problemVersions.contentHash,
        })
        .from(problemVersions)
    ).map((v) => [`${v.packId}/${v.problemId}/${v.hash}`, v.id]),
  );
  for (const dir of packDirs) {
    const pack = loadPack(dir);
    for (const problem of pack.problems) {
      const row = versionOf(problem, pack.file.id);
      const ref = `${row.packId}/${row.problemId}`;
      const existing = known.get(`${ref}/${row.contentHash}`);
      if (existing) {
        versions.set(ref, existing);
        continue;
      }
      // Another API instance may import the same version at the same moment: the unique index decides.
      const [inserted] = await db
        .insert(problemVersions)
        .values(row)
        .onConflictDoNothing({
          target: [problemVersions.packId, problemVersions.problemId, problemVersions.contentHash],
        })
        .returning({ id: problemVersions.id });
      if (inserted) {
        created++;
        versions.set(ref, inserted.id);
        continue;
      }
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
      if (raced) versions.set(ref, raced.id);
    }
  }
  return { versions, created };
}
