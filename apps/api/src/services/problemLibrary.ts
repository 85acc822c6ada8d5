import { basename } from 'node:path';
import type { PackSummary, ProblemDetail, ProblemListResponse, ProblemSummary } from '@assay/contracts';
import { type CheckerSpec, LANGUAGES, type Language, type Limits } from '@assay/judge';
import { builtinPacks, limitsLine } from '@assay/problems';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/openDatabase.ts';
import { assessments, assessmentTasks, packArchives, problemVersions } from '../db/schema.ts';
import { NotFound } from '../errors.ts';
import { samplesOf } from './attemptView.ts';

/** [A75] The most versions the library lists; an installation with more is told the list is cut. */
export const LIBRARY_LIMIT = 5000;
/** How many assessment titles a version's usage names; the count is always complete. */
const USAGE_TITLES = 5;

/** The limits as a statement states them ([P23]): `1 s of CPU time per test, 256 MB of memory`. */
export function limitsView(limits: Limits) {
  const text = limitsLine(limits)
    .replace(/^\*\*Limits:\*\*\s*/, '')
    .replace(/\.$/, '');
  return { timeMs: limits.cpuMs, memoryMb: limits.memoryMb, text };
}

/** Languages with starter code, in the registry's order ([J50]). */
function languagesOf(starter: Partial<Record<Language, string>>): Language[] {
  return LANGUAGES.filter((language) => typeof starter[language] === 'string');
}

/** The ids of the packs shipped with the server: their folders are where they come from. */
export function builtinPackIds(): Set<string> {
  return new Set(builtinPacks().map((dir) => basename(dir)));
}

/** Which assessments use each of `versionIds` (or every version when omitted), newest assessment first. */
async function usageOf(db: Db, versionIds?: string[]) {
  const rows = await db
    .selectDistinct({
      versionId: assessmentTasks.problemVersionId,
      id: assessments.id,
      title: assessments.title,
      createdAt: assessments.createdAt,
    })
    .from(assessmentTasks)
    .innerJoin(assessments, eq(assessments.id, assessmentTasks.assessmentId))
    .where(versionIds ? inArray(assessmentTasks.problemVersionId, versionIds) : undefined)
    .orderBy(desc(assessments.createdAt), asc(assessments.id));
  const usage = new Map<string, { id: string; title: string }[]>();
  for (const row of rows) {
    const list = usage.get(row.versionId) ?? [];
    list.push({ id: row.id, title: row.title });
    usage.set(row.versionId, list);
  }
  return (versionId: string) => {
    const list = usage.get(versionId) ?? [];
    return { count: list.length, assessments: list.slice(0, USAGE_TITLES) };
  };
}

// A version's number among its problem's versions, and how many there are, counted in SQL so that a cut
// list still numbers them right.
const versionNumber = sql<number>`(row_number() over (partition by ${problemVersions.packId}, ${problemVersions.problemId} order by ${problemVersions.createdAt}, ${problemVersions.id}))::int`;
const versionCount = sql<number>`(count(*) over (partition by ${problemVersions.packId}, ${problemVersions.problemId}))::int`;
const sampleCount = sql<number>`(select count(*) from jsonb_array_elements(${problemVersions.spec}->'tests') t where t->>'kind' = 'sample')::int`;
const testCount = sql<number>`jsonb_array_length(${problemVersions.spec}->'tests')`;

/**
 * [A75] Every problem version with what the library shows of it; newest first, at most LIBRARY_LIMIT.
 * Test counts and limits are read inside the database: a version's tests can be megabytes.
 */
export async function problemLibrary(db: Db): Promise<ProblemListResponse> {
  const rows = await db
    .select({
      id: problemVersions.id,
      packId: problemVersions.packId,
      problemId: problemVersions.problemId,
      title: problemVersions.title,
      difficulty: problemVersions.difficulty,
      tags: problemVersions.tags,
      starter: problemVersions.starter,
      limits: sql<Limits>`${problemVersions.spec}->'limits'`,
      samples: sampleCount,
      tests: testCount,
      version: versionNumber,
      versionCount,
      createdAt: problemVersions.createdAt,
    })
    .from(problemVersions)
    .orderBy(desc(problemVersions.createdAt), asc(problemVersions.id))
    .limit(LIBRARY_LIMIT + 1);
  const truncated = rows.length > LIBRARY_LIMIT;
  const kept = rows.slice(0, LIBRARY_LIMIT);
  const usage = await usageOf(db);
  const problems: ProblemSummary[] = kept.map((r) => ({
    id: r.id,
    ref: `${r.packId}/${r.problemId}`,
    packId: r.packId,
    problemId: r.problemId,
    title: r.title,
    difficulty: r.difficulty,
    tags: r.tags,
    languages: languagesOf(r.starter),
    sampleCount: r.samples,
    hiddenCount: r.tests - r.samples,
    limits: limitsView(r.limits),
    usedIn: usage(r.id),
    version: r.version,
    versionCount: r.versionCount,
    latest: r.version === r.versionCount,
    createdAt: r.createdAt.toISOString(),
  }));
  return { problems, packs: await packList(db), truncated, limit: LIBRARY_LIMIT };
}

/** Every pack with a version in the database, and whether it is built in. */
export async function packList(db: Db): Promise<PackSummary[]> {
  const builtIn = builtinPackIds();
  const rows = await db
    .select({
      id: problemVersions.packId,
      problems: sql<number>`count(distinct ${problemVersions.problemId})::int`,
    })
    .from(problemVersions)
    .groupBy(problemVersions.packId)
    .orderBy(asc(problemVersions.packId));
  const archived = new Set((await db.select({ id: packArchives.packId }).from(packArchives)).map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    builtIn: builtIn.has(r.id),
    exportable: builtIn.has(r.id) || archived.has(r.id),
    problemCount: r.problems,
  }));
}

function checkerView(checker: CheckerSpec): ProblemDetail['checker'] {
  if (checker.type !== 'float') return { kind: checker.type };
  return {
    kind: 'float',
    ...(checker.absTolerance === undefined ? {} : { absTolerance: checker.absTolerance }),
    ...(checker.relTolerance === undefined ? {} : { relTolerance: checker.relTolerance }),
  };
}

/**
 * [A76] One version as a candidate sees it (statement, signature, starter code, samples in their
 * display form, limits) and what staff need beside it. Hidden tests' contents and the checker's or
 * harness's source are not sent: the preview shows what candidates see, and counts.
 */
export async function problemPreview(db: Db, id: string): Promise<ProblemDetail> {
  const [version] = await db.select().from(problemVersions).where(eq(problemVersions.id, id));
  if (!version) throw new NotFound(`problem version ${id}`);
  const siblings = await db
    .select({ id: problemVersions.id, title: problemVersions.title, createdAt: problemVersions.createdAt })
    .from(problemVersions)
    .where(and(eq(problemVersions.packId, version.packId), eq(problemVersions.problemId, version.problemId)))
    .orderBy(asc(problemVersions.createdAt), asc(problemVersions.id));
  const usage = await usageOf(
    db,
    siblings.map((s) => s.id),
  );
  const number = siblings.findIndex((s) => s.id === id) + 1;
  const samples = version.spec.tests.filter((t) => t.kind === 'sample').length;
  return {
    id: version.id,
    ref: `${version.packId}/${version.problemId}`,
    packId: version.packId,
    problemId: version.problemId,
    title: version.title,
    difficulty: version.difficulty,
    tags: version.tags,
    createdAt: version.createdAt.toISOString(),
    version: number,
    latest: number === siblings.length,
    statement: version.statement,
    signature: version.spec.signature,
    starter: version.starter,
    languages: languagesOf(version.starter),
    samples: samplesOf(version.spec),
    limits: limitsView(version.spec.limits),
    checker: checkerView(version.spec.checker),
    interactive: version.spec.interactive !== undefined,
    sampleCount: samples,
    hiddenCount: version.spec.tests.length - samples,
    versions: siblings
      .map((s, i) => ({
        id: s.id,
        version: i + 1,
        title: s.title,
        createdAt: s.createdAt.toISOString(),
        latest: i + 1 === siblings.length,
        usedIn: usage(s.id).count,
      }))
      .reverse(),
    usedIn: usage(id),
  };
}
