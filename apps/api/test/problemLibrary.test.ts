import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PackImportErrorResponse, ProblemDetail, ProblemListResponse } from '@assay/contracts';
import { builtinPacks, importPack } from '@assay/problems';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, packArchives, problemVersions } from '../src/db/schema.ts';
import { importProblems } from '../src/services/importProblems.ts';
import { storedZip, validPackDir, zipOf } from './packFixture.ts';
import { adminCookie, inviteCandidates, type TestApp, testApp } from './testApp.ts';

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await testApp();
  admin = await adminCookie(t.app);
});
afterAll(() => t.close());

async function library(): Promise<ProblemListResponse> {
  const response = await t.app.inject({ method: 'GET', url: '/api/admin/problems', headers: { cookie: admin } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

function importZip(zip: Buffer, contentType = 'application/zip') {
  return t.app.inject({
    method: 'POST',
    url: '/api/admin/packs/import',
    headers: { cookie: admin, 'content-type': contentType },
    payload: zip,
  });
}

async function counts() {
  const count = async (table: typeof problemVersions | typeof packArchives | typeof auditLog) =>
    (await t.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n ?? 0;
  return { versions: await count(problemVersions), archives: await count(packArchives), audit: await count(auditLog) };
}

/** Unzips an archive the API sent and lists its files. */
function filesOf(zip: Buffer): string[] {
  const scratch = mkdtempSync(join(tmpdir(), 'assay-export-'));
  writeFileSync(join(scratch, 'pack.zip'), zip);
  const { dir } = importPack(join(scratch, 'pack.zip'), join(scratch, 'out'));
  const walk = (d: string, prefix: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(d, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
    );
  return walk(dir, '');
}

describe('problem library', () => {
  it('[A75] lists every version with what the library shows: languages, tests, limits, usage, latest', async () => {
    const { assessmentId } = await inviteCandidates(t, ['Ann']);
    const { problems, packs, truncated } = await library();
    expect(truncated).toBe(false);
    const demo = problems.find((p) => p.id === t.versionId);
    expect(demo).toMatchObject({
      ref: 'demo/sum-it',
      packId: 'demo',
      problemId: 'sum-it',
      title: 'Sum It',
      difficulty: 'easy',
      tags: [],
      languages: ['javascript', 'typescript', 'python'],
      sampleCount: 1,
      hiddenCount: 1,
      limits: { timeMs: 1000, memoryMb: 128, text: '1 s of CPU time per test, 128 MB of memory' },
      usedIn: { count: 1, assessments: [{ id: assessmentId, title: 'Sums' }] },
      version: 1,
      versionCount: 1,
      latest: true,
    });
    expect(Date.parse(demo?.createdAt ?? '')).not.toBeNaN();
    expect(packs).toContainEqual({ id: 'demo', builtIn: false, exportable: false, problemCount: 1 });
  });

  it('[A75] a new version of a problem is the latest; the old one stays, still used where it was', async () => {
    const pack = validPackDir('demo', 'sum-it', 'Sum It Again');
    await importProblems(t.db, [pack]);
    const { problems } = await library();
    const versions = problems.filter((p) => p.ref === 'demo/sum-it');
    expect(versions.map((v) => [v.title, v.version, v.latest, v.usedIn.count])).toEqual([
      ['Sum It Again', 2, true, 0],
      ['Sum It', 1, false, 1],
    ]);
    expect(versions[0]).toMatchObject({
      sampleCount: 3,
      hiddenCount: 17,
      tags: ['arrays', 'warm-up'],
      versionCount: 2,
    });
  });

  it('[A76] the preview holds what a candidate sees, and the staff facts beside it', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/admin/problems/${t.versionId}`,
      headers: { cookie: admin },
    });
    expect(response.statusCode, response.body).toBe(200);
    const detail: ProblemDetail = response.json();
    expect(detail.statement).toContain('Given an array of integers');
    expect(detail.signature).toEqual({
      functionName: 'solve',
      params: [{ name: 'nums', type: 'int[]' }],
      returnType: 'int',
    });
    expect(Object.keys(detail.starter).sort()).toEqual(['javascript', 'python', 'typescript']);
    expect(detail.starter.typescript).toContain('function solve(nums: number[]): number');
    expect(detail.starter.python).toContain('def solve(nums: List[int]) -> int:');
    expect(detail.samples).toEqual([{ id: '1', input: 'nums = [1,2,3]', expected: '6' }]);
    expect(detail.limits.text).toBe('1 s of CPU time per test, 128 MB of memory');
    expect(detail).toMatchObject({ checker: { kind: 'exact' }, interactive: false, hiddenCount: 1, version: 1 });
    expect(detail.latest).toBe(false);
    expect(detail.versions.map((v) => [v.version, v.latest, v.usedIn])).toEqual([
      [2, true, 0],
      [1, false, 1],
    ]);
    expect(detail.usedIn.count).toBe(1);
    // Hidden tests are counted, never sent: the preview is what candidates see.
    expect(response.body).not.toContain('"empty"');
  });

  it('[A76] staff see the checker and whether a problem is interactive; the harness and its data stay out', async () => {
    const { versions } = await importProblems(t.db, builtinPacks());
    const preview = async (ref: string) => {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/admin/problems/${versions.get(ref)}`,
        headers: { cookie: admin },
      });
      expect(response.statusCode, response.body).toBe(200);
      return { detail: response.json() as ProblemDetail, body: response.body };
    };
    const logLoss = await preview('ml-fundamentals/log-loss');
    expect(logLoss.detail.checker).toEqual({ kind: 'float', absTolerance: 1e-6, relTolerance: 1e-6 });
    const celebrity = await preview('classics/find-the-celebrity');
    expect(celebrity.detail).toMatchObject({ interactive: true, checker: { kind: 'exact' } });
    expect(celebrity.body).not.toContain('createInteractor');
    expect(celebrity.body).not.toContain('"data"');
  });

  it('[A76] a preview of an unknown or malformed id says what is wrong', async () => {
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/admin/problems/00000000-0000-4000-8000-000000000000',
      headers: { cookie: admin },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toContain('problem version');
    const malformed = await t.app.inject({
      method: 'GET',
      url: '/api/admin/problems/nope',
      headers: { cookie: admin },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.message).toContain('uuid');
  });
});

describe('pack export and import', () => {
  it('[A77] a built-in pack exports from its folder, in the CLI format, and the export is audited', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/admin/packs/classics/export.zip',
      headers: { cookie: admin },
    });
    expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toBe('attachment; filename="classics.zip"');
    const files = filesOf(response.rawPayload);
    expect(files).toContain('pack.yaml');
    expect(files).toContain('number-of-islands/statement.md');
    expect(files.some((f) => f.startsWith('number-of-islands/solutions/accepted/'))).toBe(true);
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'pack.export'))
      .orderBy(sql`${auditLog.at} desc`);
    expect(audit).toMatchObject({ target: 'classics', detail: { source: 'folder' } });
  });

  it('[A77] an unknown pack is a 404; a pack only published in the browser says why it cannot export', async () => {
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/admin/packs/no-such-pack/export.zip',
      headers: { cookie: admin },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe('pack no-such-pack was not found');
    // `demo` exists only as versions (the test app imports it from a scratch folder, as publishing does).
    const versionsOnly = await t.app.inject({
      method: 'GET',
      url: '/api/admin/packs/demo/export.zip',
      headers: { cookie: admin },
    });
    expect(versionsOnly.statusCode).toBe(400);
    expect(versionsOnly.json().error.message).toContain('has no archive to export');
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/admin/packs/Bad..Id/export.zip',
      headers: { cookie: admin },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('[A78] a valid pack imports as new versions, once; it then exports as imported', async () => {
    const zip = zipOf(validPackDir('extra'));
    const before = await counts();
    const response = await importZip(zip);
    expect(response.statusCode, response.body).toBe(200);
    const imported = response.json();
    expect(imported).toMatchObject({ packId: 'extra', created: 1, problems: [{ ref: 'extra/sum-it', created: true }] });
    const { problems, packs } = await library();
    expect(problems.find((p) => p.id === imported.problems[0].versionId)).toMatchObject({
      ref: 'extra/sum-it',
      sampleCount: 3,
      hiddenCount: 17,
    });
    expect(packs).toContainEqual({ id: 'extra', builtIn: false, exportable: true, problemCount: 1 });
    expect(await counts()).toEqual({
      versions: before.versions + 1,
      archives: before.archives + 1,
      audit: before.audit + 1,
    });
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'pack.import'));
    expect(audit).toMatchObject({ target: 'extra', detail: { problems: 1, created: 1 } });

    // [A4] The same content again creates nothing new.
    const again = await importZip(zip);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({
      created: 0,
      problems: [{ versionId: imported.problems[0].versionId, created: false }],
    });

    const exported = await t.app.inject({
      method: 'GET',
      url: '/api/admin/packs/extra/export.zip',
      headers: { cookie: admin },
    });
    expect(exported.statusCode).toBe(200);
    expect(Buffer.compare(exported.rawPayload, zip)).toBe(0);
  });

  it('[A78] a pack whose problems fail validation is refused with every issue by file, and nothing changes', async () => {
    const pack = validPackDir('broken');
    const dir = join(pack, 'sum-it');
    // The reference returns a wrong answer, and one sample is missing from the statement.
    writeFileSync(
      join(dir, 'solutions', 'accepted', 'reference.js'),
      '// @idiomatic\nfunction solve(nums) {\n  return nums.length;\n}\n',
    );
    writeFileSync(
      join(dir, 'statement.md'),
      readFileSync(join(dir, 'statement.md'), 'utf8').replace('Input: nums = [-5]\nOutput: -5', ''),
    );
    const before = await counts();
    const response = await importZip(zipOf(pack));
    expect(response.statusCode, response.body).toBe(400);
    const { error }: PackImportErrorResponse = response.json();
    expect(error.code).toBe('API_ERR_PACK_INVALID');
    expect(error.message).toContain('was not imported');
    const where = (error.issues ?? []).map((i) => `${i.problem} ${i.file}`);
    expect(where).toContain('broken/sum-it broken/sum-it/solutions/accepted/reference.js');
    expect(where).toContain('broken/sum-it broken/sum-it/statement.md');
    expect(error.issues?.find((i) => i.file.endsWith('reference.js'))?.message).toContain('expected accepted');
    expect(await counts()).toEqual(before);
  });

  it('[A78] a pack that does not load is refused with the file and line of each mistake', async () => {
    const pack = validPackDir('unloadable');
    const before = await counts();
    const response = await importZip(
      storedZip({
        'unloadable/pack.yaml': readFileSync(join(pack, 'pack.yaml')),
        'unloadable/sum-it/problem.yaml': Buffer.from('id: sum-it\ntitle: [unclosed\n'),
      }),
    );
    expect(response.statusCode, response.body).toBe(400);
    const { error }: PackImportErrorResponse = response.json();
    expect(error.issues?.[0]).toMatchObject({ problem: 'unloadable/sum-it', file: 'unloadable/sum-it/problem.yaml' });
    expect(await counts()).toEqual(before);
  });

  it('[A78] a body that is not a pack archive: not a zip, wrong layout, a built-in id, not sent as zip', async () => {
    const before = await counts();
    const notZip = await importZip(Buffer.from('hello, this is not a zip'));
    expect(notZip.statusCode).toBe(400);
    expect(notZip.json().error.message).toContain('the uploaded file is not a zip archive');
    const builtin = await importZip(zipOf(validPackDir('classics')));
    expect(builtin.statusCode).toBe(400);
    expect(builtin.json().error.message).toContain('pack classics is built in');
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/admin/packs/import',
      headers: { cookie: admin },
      payload: { pack: 'extra' },
    });
    expect(json.statusCode).toBe(415);
    const empty = await importZip(Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('[A78] only the import route reads a zip body; everywhere else a body is still JSON ([A33])', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/admin/assessments',
      headers: { cookie: admin, 'content-type': 'application/zip' },
      payload: zipOf(validPackDir('elsewhere')),
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.message).toContain('send JSON');
  });

  it('[A78] an archive over 20 MB is refused with 413 before it is read', async () => {
    const response = await importZip(Buffer.alloc(21 * 1024 * 1024));
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatchObject({ code: 'API_ERR_PACK_TOO_LARGE' });
    expect(response.json().error.message).toContain('the limit is 20 MB');
  });

  it('[A79] one import at a time: a second import while one runs gets 409 and changes nothing', async () => {
    const zip = zipOf(validPackDir('twice'));
    const [a, b] = await Promise.all([importZip(zip), importZip(zip)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const refused = a.statusCode === 409 ? a : b;
    expect(refused.json().error.message).toContain('try again when it finishes');
    const rows = await t.db.select().from(problemVersions).where(eq(problemVersions.packId, 'twice'));
    expect(rows).toHaveLength(1);
  });
});
