import type { DraftContent, ProblemDraft } from '@assay/contracts';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/db/rowsOf.ts';
import { problemVersions } from '../src/db/schema.ts';
import { validContent } from './draftFixture.ts';
import { adminCookie, type TestApp, testApp } from './testApp.ts';

let t: TestApp;
let admin = '';

beforeAll(async () => {
  t = await testApp();
  admin = await adminCookie(t.app);
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: admin }, ...(payload === undefined ? {} : { payload }) });

async function newDraft(): Promise<ProblemDraft> {
  const created = await call('POST', '/api/admin/problem-drafts', {});
  expect(created.statusCode).toBe(201);
  return created.json();
}

async function save(draft: ProblemDraft, content: DraftContent, problemId = draft.problemId): Promise<ProblemDraft> {
  const saved = await call('PUT', `/api/admin/problem-drafts/${draft.id}`, {
    packId: draft.packId,
    problemId,
    content,
    updatedAt: draft.updatedAt,
  });
  expect(saved.statusCode, saved.body).toBe(200);
  return saved.json();
}

const countVersions = async () =>
  rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from problem_versions`))[0]?.n;
const countAudit = async (action: string) =>
  rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from audit_log where action = ${action}`))[0]
    ?.n;

describe('problem drafts', () => {
  it('[A80] a new draft starts from a complete example, in the custom pack, and is listed', async () => {
    const draft = await newDraft();
    expect(draft.packId).toBe('custom');
    expect(draft.content.signature).toEqual({
      function: 'solve',
      params: [{ name: 'nums', type: 'int[]' }],
      returns: 'int',
    });
    expect(draft.validation).toBeNull();
    const list = (await call('GET', '/api/admin/problem-drafts')).json();
    expect(list.drafts.map((d: { id: string }) => d.id)).toContain(draft.id);
  });

  it('[A80] check names a broken signature and the test and argument that do not fit', async () => {
    const draft = await newDraft();
    const content = validContent();
    content.signature.params.push({ name: 'k', type: 'int[[' });
    content.signature.returns = 'integer';
    content.tests = [
      { name: 'one', kind: 'sample', args: [[1, 'two'], 3], expected: 3 },
      { name: 'two', kind: 'hidden', args: [[1]], expected: 1 },
    ];
    const saved = await save(draft, content);
    const checked = (await call('POST', `/api/admin/problem-drafts/${saved.id}/check`)).json();
    expect(checked.ok).toBe(false);
    const where = (w: string) =>
      checked.issues.filter((i: { where: string }) => i.where === w).map((i: { message: string }) => i.message);
    expect(where('signature.params.1.type')[0]).toMatch(/invalid type "int\[\[".*Types are int/);
    expect(where('signature.returns')[0]).toMatch(/unknown type "integer"/);
    expect(where('tests/sample/one.json')[0]).toBe('args[0] (nums)[1]: expected number but found the string "two"');
    expect(where('tests/hidden/two.json')[0]).toMatch(/has 1 arguments; the signature has 2 \(nums, k\)/);
  });

  it('[A81] bad input is refused with what to do, and nothing is written', async () => {
    const draft = await newDraft();
    const huge = validContent();
    huge.statement = 'x'.repeat(70 * 1024);
    const refused = await call('PUT', `/api/admin/problem-drafts/${draft.id}`, {
      packId: 'custom',
      problemId: draft.problemId,
      content: huge,
      updatedAt: draft.updatedAt,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toMatch(/statement is at most 64 KiB/);
    const builtin = await call('PUT', `/api/admin/problem-drafts/${draft.id}`, {
      packId: 'classics',
      problemId: draft.problemId,
      content: validContent(),
      updatedAt: draft.updatedAt,
    });
    expect(builtin.statusCode).toBe(400);
    expect(builtin.json().error.message).toMatch(/built-in pack.*such as custom/);
    const badSlug = await call('PUT', `/api/admin/problem-drafts/${draft.id}`, {
      packId: 'custom',
      problemId: 'Not A Slug',
      content: validContent(),
      updatedAt: draft.updatedAt,
    });
    expect(badSlug.statusCode).toBe(400);
    expect(badSlug.json().error.message).toMatch(/lowercase letters, digits and dashes/);
    const bigTest = { name: 'big', kind: 'hidden' as const, args: [Array.from({ length: 60_000 }, (_, i) => i)] };
    const tooBig = await call('PUT', `/api/admin/problem-drafts/${draft.id}`, {
      packId: 'custom',
      problemId: draft.problemId,
      content: { ...validContent(), tests: [bigTest] },
      updatedAt: draft.updatedAt,
    });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().error.message).toMatch(/a test is at most 256 KiB of JSON/);
    expect((await call('GET', `/api/admin/problem-drafts/${draft.id}`)).json().content).toEqual(draft.content);
    // A draft past the API's usual 1 MiB body is still a draft ([A81]: up to 8 MiB).
    const many = Array.from({ length: 12 }, (_, i) => ({
      ...bigTest,
      name: `big${i}`,
      args: [bigTest.args[0]?.slice(0, 40_000)],
    }));
    const large = await call('PUT', `/api/admin/problem-drafts/${draft.id}`, {
      packId: 'custom',
      problemId: draft.problemId,
      content: { ...validContent(), tests: many },
      updatedAt: draft.updatedAt,
    });
    expect(large.statusCode, large.body.slice(0, 300)).toBe(200);
    const notFound = await call('GET', '/api/admin/problem-drafts/00000000-0000-4000-8000-000000000000');
    expect(notFound.statusCode).toBe(404);
    expect((await call('GET', `/api/admin/problem-drafts/${draft.id}`)).json().content.tests).toHaveLength(12);
  });

  it('[A82] a stale write is refused with 409 and changes nothing', async () => {
    const draft = await newDraft();
    const first = await save(draft, { ...draft.content, title: 'First tab' });
    const stale = await call('PUT', `/api/admin/problem-drafts/${draft.id}`, {
      packId: draft.packId,
      problemId: draft.problemId,
      content: { ...draft.content, title: 'Second tab' },
      updatedAt: draft.updatedAt,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toMatch(/changed elsewhere.*reload it/);
    expect((await call('GET', `/api/admin/problem-drafts/${draft.id}`)).json().content.title).toBe('First tab');
    await save(first, { ...first.content, title: 'Again' });
  });

  it('[A84] compute expected fills expected values from the reference, and refuses naming the test it fails', async () => {
    const draft = await newDraft();
    const content = validContent();
    content.tests = content.tests.map(({ expected: _, ...test }) => test);
    const saved = await save(draft, content);
    const computed = await call('POST', `/api/admin/problem-drafts/${saved.id}/compute-expected`);
    expect(computed.statusCode, computed.body).toBe(200);
    expect(computed.json().filled).toBe(18);
    expect(computed.json().draft.content.tests.map((x: { expected: unknown }) => x.expected)).toEqual(
      validContent().tests.map((x) => x.expected),
    );
    const broken = computed.json().draft as ProblemDraft;
    const throwing = structuredClone(broken.content);
    throwing.solutions = [
      {
        name: 'reference',
        category: 'accepted',
        language: 'javascript',
        source: 'function solve(nums) { if (nums.length === 0) throw new Error("empty"); return 1; }',
      },
    ];
    const again = await save(broken, throwing);
    const refused = await call('POST', `/api/admin/problem-drafts/${again.id}/compute-expected`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toMatch(
      /reference solutions\/accepted\/reference failed on test s2: runtime_error/,
    );
    expect((await call('GET', `/api/admin/problem-drafts/${again.id}`)).json().updatedAt).toBe(again.updatedAt);
  });

  it('[A83] [A85] validation fails (no known-bad, a known-bad accepted, a slow reference) and publish is refused; then it passes and publishes a version an assessment can use', async () => {
    const before = await countVersions();
    let draft = await newDraft();
    const failing = validContent();
    failing.solutions = failing.solutions.filter((s) => s.category !== 'time_limit');
    const wrong = failing.solutions.find((s) => s.category === 'wrong_answer');
    if (wrong) wrong.source = 'function solve(nums) { return nums.reduce((a, b) => a + b, 0); }';
    const js = failing.solutions.find((s) => s.category === 'accepted' && s.language === 'javascript');
    // CPU, not wall time: a busy machine must not make it look fast ([P24]).
    if (js)
      js.source = `// @idiomatic\nfunction solve(nums) { let x = 0; if (nums.length > 300) for (let i = 0; i < 3e7; i++) x = (x + i) % 1000003; return nums.reduce((a, b) => a + b, 0) + (x < 0 ? 1 : 0); }`;
    draft = await save(draft, failing, 'sum-it-up');

    const validated = await call('POST', `/api/admin/problem-drafts/${draft.id}/validate`);
    expect(validated.statusCode, validated.body).toBe(200);
    const report = validated.json().validation;
    expect(report.ok).toBe(false);
    expect(report.stale).toBe(false);
    const messages = report.issues.map((i: { where: string; message: string }) => `${i.where}: ${i.message}`);
    expect(messages).toContainEqual(
      expect.stringMatching(/^solutions\/time_limit: needs at least one too-slow solution/),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(
        /^solutions\/wrong_answer\/first-only.js: expected wrong_answer on the hidden tests, got accepted/,
      ),
    );
    // Too slow for the rule: over a third of the CPU limit, or over the limit itself.
    expect(messages).toContainEqual(
      expect.stringMatching(
        /^(problem.yaml: accepted\/reference.js used \d+ ms of CPU on .*more than a third|solutions\/accepted\/reference.js: expected accepted, got time_limit_exceeded)/,
      ),
    );
    // The grid: every solution × every test it was judged on.
    const reference = report.solutions.find((s: { name: string }) => s.name === 'accepted/reference.ts');
    expect(Object.keys(reference.cells)).toHaveLength(18);
    expect(reference.cells.h1.verdict).toBe('accepted');

    const refused = await call('POST', `/api/admin/problem-drafts/${draft.id}/publish`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toMatch(/cannot be published while validation fails: .*solutions\/time_limit/);
    expect(await countVersions()).toBe(before);
    expect(await countAudit('problem.publish')).toBe(0);

    draft = await save(validated.json(), validContent(), 'sum-it-up');
    expect(draft.validation?.stale).toBe(true);
    const passed = (await call('POST', `/api/admin/problem-drafts/${draft.id}/validate`)).json();
    expect(passed.validation.issues).toEqual([]);
    expect(passed.validation.ok).toBe(true);
    const forever = passed.validation.solutions.find((s: { name: string }) => s.name === 'time_limit/forever.js');
    expect(forever.verdict).toBe('time_limit_exceeded');

    const published = await call('POST', `/api/admin/problem-drafts/${draft.id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    const { versionId, ref, created } = published.json();
    expect({ ref, created }).toEqual({ ref: 'custom/sum-it-up', created: true });
    expect(await countAudit('problem.publish')).toBe(1);
    const listed = (await call('GET', '/api/admin/problems')).json().problems;
    expect(listed).toContainEqual(
      expect.objectContaining({ id: versionId, ref: 'custom/sum-it-up', title: 'Sum It Up' }),
    );
    const assessment = await call('POST', '/api/admin/assessments', {
      title: 'Authored',
      durationMinutes: 30,
      tasks: [{ problemVersionId: versionId, points: 100 }],
    });
    expect(assessment.statusCode, assessment.body).toBe(201);

    // [A85] Publishing the same content again is the same version; new content is a new one, the old untouched.
    const same = (await call('POST', `/api/admin/problem-drafts/${draft.id}/publish`)).json();
    expect(same).toEqual({ versionId, ref, created: false });
    const [old] = await t.db.select().from(problemVersions).where(eq(problemVersions.id, versionId));
    const current = (await call('GET', `/api/admin/problem-drafts/${draft.id}`)).json() as ProblemDraft;
    const next = await save(current, { ...current.content, title: 'Sum It Up, again' });
    const second = (await call('POST', `/api/admin/problem-drafts/${next.id}/publish`)).json();
    expect(second.created).toBe(true);
    expect(second.versionId).not.toBe(versionId);
    const [unchanged] = await t.db.select().from(problemVersions).where(eq(problemVersions.id, versionId));
    expect(unchanged).toEqual(old);

    // [A80] A new version starts from the published one, solutions included.
    const copy = await call('POST', '/api/admin/problem-drafts', { fromVersionId: second.versionId });
    expect(copy.statusCode).toBe(201);
    expect(copy.json().content.solutions).toHaveLength(5);
    expect(copy.json().basedOnVersionId).toBe(second.versionId);
  }, 120_000);

  it('[A86] a second validation while one runs is refused with 409', async () => {
    const draft = await save(await newDraft(), validContent());
    // Either may reach the judge first; the other is refused while it runs (a run takes seconds).
    const both = await Promise.all([
      call('POST', `/api/admin/problem-drafts/${draft.id}/validate`),
      new Promise((r) => setTimeout(r, 50)).then(() => call('POST', `/api/admin/problem-drafts/${draft.id}/validate`)),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const refused = both.find((r) => r.statusCode === 409);
    expect(refused?.json().error.message).toMatch(/a validation is running on this server; try again in a few seconds/);
  }, 60_000);

  it('[A80] a new version of a built-in problem copies its tests and its folder solutions into the custom pack', async () => {
    const created = await call('POST', '/api/admin/problem-drafts', { fromVersionId: t.versionId });
    expect(created.statusCode, created.body).toBe(201);
    const draft = created.json() as ProblemDraft;
    expect(draft.problemId).toBe('sum-it');
    expect(draft.content.tests.length).toBeGreaterThan(0);
  });

  it('[A86] a generator runs in the sandbox and returns its tests; a broken or hostile one is refused with why', async () => {
    const draft = await newDraft();
    const url = `/api/admin/problem-drafts/${draft.id}/generate`;
    const made = await call('POST', url, {
      source: 'function generate() { return Array.from({ length: 20 }, (_, i) => ({ args: [[i, i + 1]] })); }',
    });
    expect(made.statusCode, made.body).toBe(200);
    expect(made.json().tests).toHaveLength(20);
    expect(made.json().tests[3]).toEqual({ args: [[3, 4]] });
    // The sandbox has no Node: the generator cannot reach the API's process.
    const hostile = await call('POST', url, { source: 'function generate() { return process.env; }' });
    expect(hostile.statusCode).toBe(422);
    expect(hostile.json().error.message).toMatch(/the generator failed: runtime_error.*process is not defined/);
    const forever = await call('POST', url, { source: 'function generate() { for (;;) {} }' });
    expect(forever.json().error.message).toMatch(/the generator failed: time_limit_exceeded/);
    const shapeless = await call('POST', url, { source: 'function generate() { return [{ input: 1 }]; }' });
    expect(shapeless.statusCode).toBe(422);
    expect(shapeless.json().error.message).toMatch(/test 0.args: .*Return an array of/);
    const missing = await call('POST', url, { source: 'const x = 1;' });
    expect(missing.json().error.message).toMatch(/generate is not defined/);
    expect((await call('GET', `/api/admin/problem-drafts/${draft.id}`)).json().updatedAt).toBe(draft.updatedAt);
  }, 60_000);

  it('[A80] deleting a draft removes it and is audited', async () => {
    const draft = await newDraft();
    expect((await call('DELETE', `/api/admin/problem-drafts/${draft.id}`)).statusCode).toBe(200);
    expect((await call('GET', `/api/admin/problem-drafts/${draft.id}`)).statusCode).toBe(404);
    expect(await countAudit('problem.draft.delete')).toBe(1);
  });
});
