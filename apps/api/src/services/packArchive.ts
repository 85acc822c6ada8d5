import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, sep } from 'node:path';
import type { PackImportResponse, PackIssueView } from '@assay/contracts';
import { Judge, type SandboxSettings } from '@assay/judge';
import {
  builtinPacks,
  exportPack,
  importPack,
  loadPack,
  PackArchiveError,
  PackError,
  type PackIssue,
  validateProblem,
  Yardstick,
} from '@assay/problems';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/openDatabase.ts';
import { packArchives, problemVersions } from '../db/schema.ts';
import { BadInput, NotFound } from '../errors.ts';
import { recordAudit } from './audit.ts';
import { importProblems } from './importProblems.ts';
import { builtinPackIds } from './problemLibrary.ts';

/** [A78] The largest archive the console imports, and the most its files may add up to unpacked. */
export const PACK_ARCHIVE_MAX_BYTES = 20 * 1024 * 1024;
export const PACK_UNPACKED_MAX_BYTES = 200 * 1024 * 1024;

/** A pack whose problems break rules: every issue, located in the archive; nothing was imported. */
export class PackInvalid extends Error {
  override name = 'PackInvalid';
  constructor(readonly issues: PackIssueView[]) {
    super(
      `the pack was not imported: ${issues.length} ${issues.length === 1 ? 'issue' : 'issues'} to fix, listed by file. Fix them and import the archive again`,
    );
  }
}

function withScratch<T>(run: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'assay-pack-'));
  return run(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}

/**
 * [A77] A pack as a zip in the format of `pnpm problems export`: a built-in pack from its folder, a
 * pack imported in the console as the archive it was imported from.
 */
export async function exportPackArchive(db: Db, packId: string): Promise<{ bytes: Buffer; source: string }> {
  const dir = builtinPacks().find((d) => basename(d) === packId);
  if (dir) {
    return withScratch(async (scratch) => {
      const file = join(scratch, `${packId}.zip`);
      exportPack(dir, file);
      return { bytes: readFileSync(file), source: 'folder' };
    });
  }
  const [stored] = await db.select().from(packArchives).where(eq(packArchives.packId, packId));
  if (stored) return { bytes: stored.archive, source: 'archive' };
  const [known] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(problemVersions)
    .where(eq(problemVersions.packId, packId));
  if (known && known.n > 0)
    throw new BadInput(
      `pack ${packId} has no archive to export: its problems were published in the browser, and a published version keeps what candidates see, not the solutions that prove it. Open a problem and choose "New version" to work on it`,
    );
  throw new NotFound(`pack ${packId}`);
}

/** Where an issue is, inside the archive: `pack/problem/file`. */
function issueView(issue: PackIssue, root: string, packId: string): PackIssueView {
  // A pack that does not load is reported from importPack's staging folder inside `root`.
  const file = relative(root, issue.file)
    .split(sep)
    .filter((part, i) => i > 0 || !part.startsWith('.import-'))
    .join('/');
  const parts = file.split('/');
  const problem = parts.length > 2 ? `${parts[0]}/${parts[1]}` : packId;
  return { problem, file, line: issue.line, message: issue.message };
}

/**
 * [A78] Imports a pack archive, staged: unpack it into a scratch folder, load and validate every problem
 * with the real judge exactly as `pnpm problems validate` does, and only when every problem passes,
 * import them as new immutable versions ([A4]) in one transaction, with the archive and the audit entry.
 * Anything wrong throws (PackInvalid with every issue, or BadInput) and changes nothing. `sandbox` is
 * where the validating judge finds Python and bubblewrap ([J62]): the API's `config.sandbox`.
 */
export async function importPackArchive(
  db: Db,
  zip: Buffer,
  userId: string | undefined,
  sandbox: Partial<SandboxSettings> = {},
): Promise<PackImportResponse> {
  return withScratch(async (scratch) => {
    const zipFile = join(scratch, 'upload.zip');
    writeFileSync(zipFile, zip);
    const root = join(scratch, 'unpacked');
    let dir: string;
    try {
      dir = importPack(zipFile, root, false, { maxUnpackedBytes: PACK_UNPACKED_MAX_BYTES }).dir;
    } catch (error) {
      if (error instanceof PackError) throw new PackInvalid(error.issues.map((i) => issueView(i, root, '')));
      if (error instanceof PackArchiveError) throw new BadInput(archiveMessage(error.message, zipFile));
      throw error;
    }
    const packId = basename(dir);
    if (builtinPackIds().has(packId))
      throw new BadInput(
        `pack ${packId} is built in: its problems come from the server's own folder. Give the pack another id in pack.yaml and its folder, then import it`,
      );
    const pack = loadPack(dir);
    const issues = await validatePack(pack.problems, sandbox);
    if (issues.length > 0) throw new PackInvalid(issues.map((i) => issueView(i, root, packId)));

    return db.transaction(async (tx) => {
      const before = new Set(
        (
          await tx.select({ id: problemVersions.id }).from(problemVersions).where(eq(problemVersions.packId, packId))
        ).map((r) => r.id),
      );
      const { versions } = await importProblems(tx, [dir]);
      const problems = pack.problems.map((problem) => {
        const ref = `${packId}/${problem.file.id}`;
        const versionId = versions.get(ref) as string;
        return { ref, versionId, created: !before.has(versionId) };
      });
      await tx
        .insert(packArchives)
        .values({ packId, archive: zip, importedBy: userId ?? null })
        .onConflictDoUpdate({
          target: packArchives.packId,
          set: { archive: zip, importedBy: userId ?? null, importedAt: sql`now()` },
        });
      const created = problems.filter((p) => p.created).length;
      await recordAudit(tx, {
        userId,
        action: 'pack.import',
        target: packId,
        detail: { bytes: zip.length, problems: problems.length, created },
      });
      return { packId, created, problems };
    });
  });
}

/** The CLI's message names a scratch file; the console's reader uploaded a file. */
function archiveMessage(message: string, zipFile: string): string {
  return `${message.replaceAll(zipFile, 'the uploaded file')}. Upload a .zip written by Export or \`pnpm problems export\``;
}

/** [A78] Every problem validated as `pnpm problems validate` does ([P10]), one judge and yardstick for all. */
async function validatePack(
  problems: ReturnType<typeof loadPack>['problems'],
  sandbox: Partial<SandboxSettings>,
): Promise<PackIssue[]> {
  // Validation measures CPU time: two sandboxes, so a second core is not fought over.
  const judge = new Judge({ concurrency: 2, sandbox });
  try {
    const yardstick = new Yardstick(judge);
    const issues: PackIssue[] = [];
    for (const problem of problems) issues.push(...(await validateProblem(problem, judge, { yardstick })).issues);
    return issues;
  } finally {
    await judge.close();
  }
}
