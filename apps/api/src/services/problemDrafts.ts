import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  type DraftContent,
  type DraftSummary,
  draftContentSchema,
  type ProblemDraft,
  type UpdateDraftBody,
} from '@assay/contracts';
import { LANGUAGES, type Language } from '@assay/judge';
import { BUILTIN_PACKS_DIR, builtinPacks, limitsLine, loadProblem, type PackIssue } from '@assay/problems';
import { and, desc, eq } from 'drizzle-orm';
import { contentHash } from '../db/contentHash.ts';
import type { Db } from '../db/openDatabase.ts';
import { problemDrafts, problemVersionSources, problemVersions, users } from '../db/schema.ts';
import { BadInput, DraftChanged, DraftInvalid, NotFound } from '../errors.ts';
import { recordAudit } from './audit.ts';
import { loadDraftFolder, writeDraftFolder } from './draftFolder.ts';
import { computeExpected, type DraftJudge, type ValidationRun, validateDraft } from './draftJudging.ts';
import { insertVersion, versionOf } from './importProblems.ts';

const DEFAULT_PACK = 'custom';
const LIST_LIMIT = 200;

/** The blank draft's reference stubs ([A80]): its `solve(nums)` in each language. */
const BLANK_REFERENCES: Record<Language, string> = {
  javascript: '// @idiomatic\nfunction solve(nums) {\n  return 0;\n}\n',
  typescript: 'function solve(nums: number[]): number {\n  return 0;\n}\n',
  python: '# @idiomatic\nfrom typing import List\n\n\ndef solve(nums: List[int]) -> int:\n    return 0\n',
};

/** A new problem starts as a small, complete example an author edits ([A80]). */
function blankContent(): DraftContent {
  const limits = { cpuMs: 1000, memoryMb: 128 };
  return {
    title: 'Untitled problem',
    difficulty: 'easy',
    tags: [],
    statement: `# Untitled problem\n\nDescribe the task here.\n\n## Examples\n\n\`\`\`\nInput: nums = [1,2,3]\nOutput: 6\n\`\`\`\n\n${limitsLine(limits)}\n`,
    signature: { function: 'solve', params: [{ name: 'nums', type: 'int[]' }], returns: 'int' },
    checker: { type: 'exact' },
    limits,
    tests: [],
    // A reference in every language the judge offers, as validation asks for one in each; stubs to replace.
    solutions: LANGUAGES.map((language) => ({
      name: 'reference',
      category: 'accepted' as const,
      language,
      source: BLANK_REFERENCES[language],
    })),
  };
}

const builtinPackIds = () => new Set(builtinPacks().map((dir) => basename(dir)));

/** [A80] Authored problems go to a pack of their own: a built-in pack is the repository's, changed by its files. */
function checkPackId(packId: string): void {
  if (builtinPackIds().has(packId))
    throw new BadInput(
      `"${packId}" is a built-in pack, changed only through its files in the repository: publish into a pack of your own, such as ${DEFAULT_PACK}`,
    );
}

type DraftRow = typeof problemDrafts.$inferSelect;

function toDraft(row: DraftRow, authorName: string | null): ProblemDraft {
  const { validation } = row;
  return {
    id: row.id,
    packId: row.packId,
    problemId: row.problemId,
    authorName,
    basedOnVersionId: row.basedOnVersionId,
    publishedVersionId: row.publishedVersionId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    content: row.content,
    validation: validation
      ? {
          ok: validation.ok,
          stale: validation.contentHash !== draftHash(row),
          ranAt: validation.ranAt,
          durationMs: validation.durationMs,
          issues: validation.issues,
          tests: validation.tests,
          solutions: validation.solutions,
        }
      : null,
  };
}

/** What a validation ran on: a change to any of it makes the validation stale. */
const draftHash = (d: { packId: string; problemId: string; content: DraftContent }) =>
  contentHash({ packId: d.packId, problemId: d.problemId, content: d.content });

async function readRow(db: Db, id: string): Promise<{ row: DraftRow; authorName: string | null }> {
  const [found] = await db
    .select({ row: problemDrafts, authorName: users.name })
    .from(problemDrafts)
    .leftJoin(users, eq(users.id, problemDrafts.authorId))
    .where(eq(problemDrafts.id, id));
  if (!found) throw new NotFound(`problem draft ${id}`);
  return found;
}

export async function getDraft(db: Db, id: string): Promise<ProblemDraft> {
  const { row, authorName } = await readRow(db, id);
  return toDraft(row, authorName);
}

export async function listDrafts(db: Db, authorId?: string): Promise<DraftSummary[]> {
  const rows = await db
    .select({ row: problemDrafts, authorName: users.name })
    .from(problemDrafts)
    .leftJoin(users, eq(users.id, problemDrafts.authorId))
    .where(authorId ? eq(problemDrafts.authorId, authorId) : undefined)
    .orderBy(desc(problemDrafts.updatedAt))
    .limit(LIST_LIMIT);
  return rows.map(({ row, authorName }) => ({
    id: row.id,
    title: row.content.title,
    packId: row.packId,
    problemId: row.problemId,
    authorName,
    updatedAt: row.updatedAt.toISOString(),
    publishedVersionId: row.publishedVersionId,
    validationOk: row.validation ? row.validation.ok && row.validation.contentHash === draftHash(row) : null,
  }));
}

/**
 * [A80] The content of a published version, to start a new version from: what it was authored from
 * when it was authored here; for a built-in problem its folder's solutions beside the version's tests.
 */
async function contentOfVersion(db: Db, versionId: string) {
  const [version] = await db.select().from(problemVersions).where(eq(problemVersions.id, versionId));
  if (!version) throw new NotFound(`problem version ${versionId}`);
  const [source] = await db
    .select({ content: problemVersionSources.content })
    .from(problemVersionSources)
    .where(eq(problemVersionSources.versionId, versionId));
  if (source) return { version, content: source.content };
  const { spec } = version;
  if (spec.interactive)
    throw new BadInput(
      `${version.packId}/${version.problemId} is interactive: its harness is edited in its pack folder, not in the browser`,
    );
  const folder = join(BUILTIN_PACKS_DIR, version.packId, version.problemId);
  const issues: PackIssue[] = [];
  const loaded = existsSync(join(folder, 'problem.yaml')) ? loadProblem(folder, issues, version.packId) : undefined;
  const checker = spec.checker;
  const content = {
    title: version.title,
    difficulty: version.difficulty as DraftContent['difficulty'],
    tags: version.tags,
    statement: version.statement,
    signature: {
      function: spec.signature.functionName,
      params: spec.signature.params,
      returns: spec.signature.returnType,
    },
    checker,
    limits: { cpuMs: spec.limits.cpuMs, memoryMb: spec.limits.memoryMb },
    tests: spec.tests.map((t) => ({ name: t.id, kind: t.kind, args: t.args, expected: t.expected })),
    solutions: (loaded?.solutions ?? []).map((s) => ({
      name: basename(s.file).replace(/\.[^.]+$/, ''),
      category: s.category,
      language: s.language,
      source: s.source,
    })),
  };
  const parsed = draftContentSchema.safeParse(content);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BadInput(
      `${version.packId}/${version.problemId} does not fit in a draft (${issue?.path.join('.')}: ${issue?.message}): edit it in its pack folder instead`,
    );
  }
  return { version, content: parsed.data };
}

/** [A80] A new draft: blank, or a copy of a published version (solutions included) to make its next version. */
export async function createDraft(
  db: Db,
  authorId: string,
  fromVersionId: string | undefined,
  now: Date,
): Promise<ProblemDraft> {
  let values: typeof problemDrafts.$inferInsert;
  if (fromVersionId) {
    const { version, content } = await contentOfVersion(db, fromVersionId);
    const packId = builtinPackIds().has(version.packId) ? DEFAULT_PACK : version.packId;
    values = { authorId, packId, problemId: version.problemId, basedOnVersionId: version.id, content };
  } else {
    values = {
      authorId,
      packId: DEFAULT_PACK,
      problemId: `untitled-${now.getTime().toString(36)}`,
      content: blankContent(),
    };
  }
  const created = await db.transaction(async (tx) => {
    // updated_at is written from the API's clock at millisecond precision: it is the token clients send back.
    const [row] = await tx
      .insert(problemDrafts)
      .values({ ...values, updatedAt: now })
      .returning({ id: problemDrafts.id });
    if (!row) throw new Error('the draft was not created');
    await recordAudit(tx, {
      userId: authorId,
      action: 'problem.draft.create',
      target: row.id,
      detail: fromVersionId ? { fromVersionId } : {},
    });
    return row.id;
  });
  return getDraft(db, created);
}

/**
 * [A82] Replaces a draft's content if it is still the one the edit started from (`updatedAt`);
 * otherwise 409, and nothing is written.
 */
export async function updateDraft(db: Db, id: string, body: UpdateDraftBody, now: Date): Promise<ProblemDraft> {
  checkPackId(body.packId);
  const since = new Date(body.updatedAt);
  if (Number.isNaN(since.getTime()))
    throw new BadInput('updatedAt is not a date: send back the updatedAt of the draft you loaded');
  // Two saves within one millisecond would share a token; the next millisecond keeps tokens unique.
  const stamp = new Date(Math.max(now.getTime(), since.getTime() + 1));
  const [row] = await db
    .update(problemDrafts)
    .set({ packId: body.packId, problemId: body.problemId, content: body.content, updatedAt: stamp })
    .where(and(eq(problemDrafts.id, id), eq(problemDrafts.updatedAt, since)))
    .returning({ id: problemDrafts.id });
  if (!row) {
    const { row: current } = await readRow(db, id);
    throw new DraftChanged(current.updatedAt.toISOString());
  }
  return getDraft(db, id);
}

export async function deleteDraft(db: Db, id: string, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(problemDrafts).where(eq(problemDrafts.id, id)).returning({ id: problemDrafts.id });
    if (!row) throw new NotFound(`problem draft ${id}`);
    await recordAudit(tx, { userId, action: 'problem.draft.delete', target: id });
  });
}

/** [A83] Validates a draft and keeps the result with the hash of what it ran on. */
export async function runValidation(
  db: Db,
  judge: DraftJudge,
  id: string,
  now: () => Date,
): Promise<{ draft: ProblemDraft; run: ValidationRun }> {
  const { row } = await readRow(db, id);
  const run = await validateDraft(judge, row, now);
  // Stored only if the draft did not change while it was judged: a result for older content is not its result.
  await db
    .update(problemDrafts)
    .set({ validation: { ...run, contentHash: draftHash(row) } })
    .where(and(eq(problemDrafts.id, id), eq(problemDrafts.updatedAt, row.updatedAt)));
  return { draft: await getDraft(db, id), run };
}

/**
 * [A85] Publishes a draft as a new immutable version of `pack/problem`: only when validation passes on
 * exactly the current content (run now if the last run is stale). A version is never changed: the same
 * content again is the same version (`created: false`), anything else is a new one.
 */
export async function publishDraft(db: Db, judge: DraftJudge, id: string, userId: string, now: () => Date) {
  let { row } = await readRow(db, id);
  checkPackId(row.packId);
  if (!row.validation || row.validation.contentHash !== draftHash(row)) {
    await runValidation(db, judge, id, now);
    ({ row } = await readRow(db, id));
  }
  const validation = row.validation;
  if (!validation || validation.contentHash !== draftHash(row)) throw new DraftChanged(row.updatedAt.toISOString());
  if (!validation.ok) {
    const shown = validation.issues.slice(0, 5).map((i) => `${i.where}: ${i.message.split('\n')[0]}`);
    const more =
      validation.issues.length > shown.length ? ` (and ${validation.issues.length - shown.length} more)` : '';
    throw new DraftInvalid(
      `this draft cannot be published while validation fails: ${shown.join('; ')}${more}. Fix these and validate again`,
    );
  }
  const folder = writeDraftFolder(row.problemId, row.content);
  let version: ReturnType<typeof versionOf>;
  try {
    const { problem, issues } = loadDraftFolder(folder, row.packId);
    if (!problem || issues.length > 0)
      throw new DraftInvalid(`this draft no longer loads (${issues[0]?.where}: ${issues[0]?.message}): validate again`);
    version = versionOf(problem, row.packId);
  } finally {
    folder.dispose();
  }
  return db.transaction(async (tx) => {
    const { id: versionId, created } = await insertVersion(tx, version);
    await tx
      .insert(problemVersionSources)
      .values({ versionId, content: row.content })
      .onConflictDoNothing({ target: problemVersionSources.versionId });
    await tx.update(problemDrafts).set({ publishedVersionId: versionId }).where(eq(problemDrafts.id, id));
    const ref = `${row.packId}/${row.problemId}`;
    await recordAudit(tx, {
      userId,
      action: 'problem.publish',
      target: versionId,
      detail: { draftId: id, ref, created },
    });
    return { versionId, ref, created };
  });
}

/**
 * [A84] Fills every test's expected value from the reference's answers, if the draft did not change
 * while the reference ran (else 409 and nothing written).
 */
export async function fillExpected(db: Db, judge: DraftJudge, id: string, userId: string, now: Date) {
  const { row } = await readRow(db, id);
  const { tests, filled } = await computeExpected(judge, row);
  // [A81] An answer too large for a test is refused like any other oversized test.
  const checked = draftContentSchema.safeParse({ ...row.content, tests });
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new DraftInvalid(
      `the reference's answers do not fit in the draft (${issue?.path.join('.')}: ${issue?.message}): make the tests smaller`,
    );
  }
  const stamp = new Date(Math.max(now.getTime(), row.updatedAt.getTime() + 1));
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(problemDrafts)
      .set({ content: { ...row.content, tests }, updatedAt: stamp })
      .where(and(eq(problemDrafts.id, id), eq(problemDrafts.updatedAt, row.updatedAt)))
      .returning({ id: problemDrafts.id });
    if (!updated) throw new DraftChanged((await readRow(db, id)).row.updatedAt.toISOString());
    await recordAudit(tx, { userId, action: 'problem.draft.compute_expected', target: id, detail: { filled } });
  });
  return { draft: await getDraft(db, id), filled };
}
