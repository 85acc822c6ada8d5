import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILTIN_PACKS_DIR, loadPack, scaffoldProblem } from '@assay/problems';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { assessments, assessmentTasks, pads, padUpdates, problemVersions } from '../src/db/schema.ts';
import { bootstrap, DEMO_PAD_PROBLEM, DEMO_PROBLEMS, ML_DEMO } from '../src/services/bootstrap.ts';
import { importProblems } from '../src/services/importProblems.ts';
import { tokenKey, unsealToken } from '../src/services/invitationTokens.ts';
import { hashToken } from '../src/services/secrets.ts';
import { testDatabase } from './testDatabase.ts';

describe('[A5] first start', () => {
  let database: Awaited<ReturnType<typeof testDatabase>>;
  let versions: Map<string, string>;

  beforeAll(async () => {
    database = await testDatabase();
    const pack = join(mkdtempSync(join(tmpdir(), 'assay-boot-')), 'demo');
    scaffoldProblem(pack, 'sum-it');
    const imported = await importProblems(database.db, [pack]);
    const sumIt = imported.versions.get('demo/sum-it') as string;
    // The built-in library takes a while to import; the demo's problems stand in as one small problem.
    const mlRefs = ML_DEMO.tasks.map((task) => task.ref);
    versions = new Map([...DEMO_PROBLEMS, DEMO_PAD_PROBLEM, ...mlRefs].map((ref) => [ref, sumIt]));
  });
  afterAll(() => database.close());

  it('[A5] creates the admin, the demo assessment and a demo interview pad whose candidate link opens it; a second start creates nothing', async () => {
    const linkKey = await tokenKey(database.db, undefined);
    const options = { adminEmail: 'boot@example.com', publicUrl: 'http://assay.test', versions, linkKey };
    const first = await bootstrap(database.db, options);
    expect(first.admin.created).toBe(true);
    expect(first.admin.generatedPassword).toMatch(/\S{12,}/);
    expect(first.demo?.candidateLink).toMatch(/^http:\/\/assay\.test\/a\//);

    const demoPad = first.demoPad;
    if (!demoPad) throw new Error('no demo pad');
    expect(demoPad.padLink).toBe(`http://assay.test/pad/${demoPad.padId}`);
    const token = demoPad.candidateLink.replace('http://assay.test/pad/join/', '');
    const [pad] = await database.db.select().from(pads);
    expect(pad).toMatchObject({ id: demoPad.padId, status: 'open', problemVersionId: versions.get(DEMO_PAD_PROBLEM) });
    // The link's token is the pad's, and the console can show it again.
    expect(pad?.candidateTokenHash).toBe(hashToken(token));
    expect(unsealToken(linkKey, pad?.candidateTokenSealed ?? '')).toBe(token);
    // [A123] The demo pad opens with its problem's starter in its language: the first row of its history.
    const [version] = await database.db
      .select({ starter: problemVersions.starter })
      .from(problemVersions)
      .where(eq(problemVersions.id, versions.get(DEMO_PAD_PROBLEM) as string));
    const rows = await database.db.select().from(padUpdates).where(eq(padUpdates.padId, demoPad.padId));
    expect(rows.map((r) => [r.doc, r.origin, r.participantId, r.at.getTime()])).toEqual([
      [0, 'starter', null, pad?.createdAt.getTime()],
    ]);
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, new Uint8Array(rows[0]?.update as Buffer));
    expect(ydoc.getText('code').toString()).toBe(version?.starter[pad?.language ?? 'javascript']);

    // [A144] Beside it, the ML fundamentals assessment: four tasks with points, no invitation yet.
    const mlDemo = first.mlDemo;
    if (!mlDemo) throw new Error('no ML demo assessment');
    const [ml] = await database.db.select().from(assessments).where(eq(assessments.id, mlDemo.assessmentId));
    expect(ml).toMatchObject({ title: 'ML fundamentals (70 min)', durationMinutes: 70 });
    const tasks = await database.db
      .select({ position: assessmentTasks.position, points: assessmentTasks.points })
      .from(assessmentTasks)
      .where(eq(assessmentTasks.assessmentId, mlDemo.assessmentId));
    expect(tasks.sort((a, b) => a.position - b.position)).toEqual(
      ML_DEMO.tasks.map((task, position) => ({ position, points: task.points })),
    );

    const second = await bootstrap(database.db, options);
    expect(second).toEqual({ admin: { email: 'boot@example.com', created: false } });
    expect(await database.db.select().from(pads)).toHaveLength(1);
    expect(await database.db.select().from(assessments)).toHaveLength(2);
  });

  it('[A144] the ML assessment has one built-in ml-fundamentals problem from each of the four topics', () => {
    const pack = loadPack(join(BUILTIN_PACKS_DIR, 'ml-fundamentals'));
    const topics = ML_DEMO.tasks.map(({ ref }) => {
      const problem = pack.problems.find((p) => p.ref === ref);
      if (!problem) throw new Error(`${ref} is not in the ml-fundamentals pack`);
      return problem.file.tags[1];
    });
    expect(topics.sort()).toEqual(['classifiers', 'data manipulation', 'ensembles', 'evaluation metrics']);
  });

  it('[A133] the demo assessment offers the languages this server can judge: without Python, JavaScript and TypeScript', async () => {
    const fresh = await testDatabase();
    try {
      const pack = join(mkdtempSync(join(tmpdir(), 'assay-boot-')), 'demo');
      scaffoldProblem(pack, 'sum-it');
      const sumIt = (await importProblems(fresh.db, [pack])).versions.get('demo/sum-it') as string;
      await bootstrap(fresh.db, {
        adminEmail: 'boot@example.com',
        publicUrl: 'http://assay.test',
        versions: new Map(DEMO_PROBLEMS.map((ref) => [ref, sumIt])),
        languages: ['javascript', 'typescript'],
      });
      const [demo] = await fresh.db.select({ languages: assessments.languages }).from(assessments);
      expect(demo?.languages).toEqual(['javascript', 'typescript']);
    } finally {
      await fresh.close();
    }
  });
});
