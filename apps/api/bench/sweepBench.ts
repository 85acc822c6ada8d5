// `pnpm bench sweep [attempts=300]`: a cohort whose deadline passed at the same moment, finished by the
// deadline sweep ([A28]), against the per-attempt path it replaced (issue 9 F3: 20–30 attempts/s),
// measured on the same database in the same run. PostgreSQL with DATABASE_URL, else PGlite.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scaffoldProblem } from '@assay/problems';
import { and, desc, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../src/db/openDatabase.ts';
import { rowsOf } from '../src/db/rowsOf.ts';
import { attempts, submissions, taskCode } from '../src/db/schema.ts';
import type { JudgeQueue } from '../src/queue/JudgeQueue.ts';
import { sweepDeadlines } from '../src/services/attemptDeadlines.ts';
import { bootstrap } from '../src/services/bootstrap.ts';
import { importProblems } from '../src/services/importProblems.ts';
import { testDatabase } from '../test/testDatabase.ts';

const COHORT = Number(process.argv[2] ?? 300);
const ROUNDS = 3;

/** Counts what would be judged; the queue is not what is measured. */
const queue: JudgeQueue & { enqueued: number } = {
  kind: 'in-process',
  enqueued: 0,
  async enqueue() {
    this.enqueued++;
  },
  async requeue() {},
  async close() {},
};

/** The sweep before [A28], kept verbatim in spirit: per attempt, finish, read, then insert per task. */
async function perAttemptSweep(db: Db, now: Date): Promise<number> {
  const due = await db
    .select()
    .from(attempts)
    .where(and(eq(attempts.status, 'in_progress'), lte(attempts.deadline, now)));
  for (const attempt of due) {
    const updated = await db
      .update(attempts)
      .set({ status: 'finished', finishedAt: attempt.deadline, finishReason: 'deadline' })
      .where(and(eq(attempts.id, attempt.id), eq(attempts.status, 'in_progress')))
      .returning();
    if (updated.length === 0) continue;
    const saved = await db
      .select()
      .from(taskCode)
      .where(eq(taskCode.attemptId, attempt.id))
      .orderBy(desc(taskCode.updatedAt));
    const lastSubmit = await db
      .selectDistinctOn([submissions.position], {
        position: submissions.position,
        at: submissions.createdAt,
        code: submissions.code,
        language: submissions.language,
      })
      .from(submissions)
      .where(and(eq(submissions.attemptId, attempt.id), eq(submissions.mode, 'submit')))
      .orderBy(submissions.position, desc(submissions.createdAt));
    const last = new Map(lastSubmit.map((s) => [s.position, s]));
    const seen = new Set<number>();
    for (const code of saved) {
      if (seen.has(code.position)) continue;
      seen.add(code.position);
      const before = last.get(code.position);
      if (before && (before.at >= code.updatedAt || before.code === code.code)) continue;
      const [created] = await db
        .insert(submissions)
        .values({
          attemptId: attempt.id,
          position: code.position,
          language: code.language,
          code: code.code,
          mode: 'submit',
          automatic: true,
          idempotencyKey: `final:${code.position}`,
        })
        .onConflictDoNothing()
        .returning({ id: submissions.id });
      if (created) await queue.enqueue(created.id, attempt.id);
    }
  }
  return due.length;
}

/** COHORT attempts of one assessment, in progress, deadline just passed, code saved in both tasks. */
async function cohort(db: Db, assessmentId: string, deadline: Date): Promise<void> {
  const tag = Math.random().toString(36).slice(2);
  await db.execute(sql`
    WITH inv AS (
      INSERT INTO invitations (assessment_id, candidate_name, candidate_email, token_hash, expires_at)
      SELECT ${assessmentId}, 'Candidate ' || i, 'c' || i || '@bench.test', ${tag} || '-' || i, now() + interval '7 days'
      FROM generate_series(1, ${COHORT}) i
      RETURNING id
    ), att AS (
      INSERT INTO attempts (invitation_id, assessment_id, status, started_at, deadline)
      SELECT id, ${assessmentId}, 'in_progress', ${deadline}::timestamptz - interval '70 minutes', ${deadline}::timestamptz FROM inv
      RETURNING id
    )
    INSERT INTO task_code (attempt_id, position, language, code)
    SELECT att.id, p, 'javascript', 'function solve(nums) { return ' || p || '; }' FROM att, generate_series(0, 1) p`);
}

async function timed(run: () => Promise<number>): Promise<{ finished: number; perSecond: number }> {
  const started = performance.now();
  const finished = await run();
  const seconds = (performance.now() - started) / 1000;
  return { finished, perSecond: finished / seconds };
}

const database = await testDatabase();
try {
  const pack = join(mkdtempSync(join(tmpdir(), 'assay-sweep-')), 'bench');
  scaffoldProblem(pack, 'sum-it');
  const { versions } = await importProblems(database.db, [pack]);
  await bootstrap(database.db, {
    adminEmail: 'bench@example.com',
    adminPassword: 'bench password 123',
    publicUrl: 'http://bench',
    versions,
  });
  const versionId = versions.get('bench/sum-it') as string;
  const assessment = await database.db.execute(sql`
    WITH a AS (
      INSERT INTO assessments (title, languages, proctoring)
      VALUES ('Sweep bench', '["javascript"]'::jsonb, '{"fullscreen":false,"recordEvents":false}'::jsonb) RETURNING id
    ), t AS (
      INSERT INTO assessment_tasks (assessment_id, position, problem_version_id, points)
      SELECT a.id, p, ${versionId}, 100 FROM a, generate_series(0, 1) p
    )
    SELECT id FROM a`);
  const assessmentId = rowsOf<{ id: string }>(assessment)[0]?.id as string;
  const before: number[] = [];
  const after: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which path goes first, so a warming cache favours neither.
    const paths = [
      ['per-attempt', before, (now: Date) => perAttemptSweep(database.db, now)],
      ['set-based', after, (now: Date) => sweepDeadlines({ db: database.db, queue, now: () => now })],
    ] as const;
    for (const [name, rates, sweep] of round % 2 === 0 ? paths : [...paths].reverse()) {
      const deadline = new Date(Date.now() - 1000);
      await cohort(database.db, assessmentId, deadline);
      const { finished, perSecond } = await timed(() => sweep(new Date()));
      if (finished !== COHORT) throw new Error(`${name} finished ${finished} of ${COHORT}`);
      rates.push(perSecond);
      process.stdout.write(`round ${round + 1} ${name.padEnd(11)} ${perSecond.toFixed(0).padStart(6)} attempts/s\n`);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  const slow = median(before);
  const fast = median(after);
  process.stdout.write(
    [
      '',
      `deadline sweep of ${COHORT} attempts × 2 tasks (${database.kind}), median of ${ROUNDS}:`,
      `  per-attempt (before [A28]) ${slow.toFixed(0)} attempts/s  (${(COHORT / slow).toFixed(2)} s for the cohort)`,
      `  set-based   ([A28])        ${fast.toFixed(0)} attempts/s  (${(COHORT / fast).toFixed(2)} s for the cohort)`,
      `  ratio                      ${(fast / slow).toFixed(1)}× faster`,
      `  automatic submissions      ${queue.enqueued} (2 per attempt expected: ${2 * COHORT * ROUNDS * 2})`,
      '',
    ].join('\n'),
  );
} finally {
  await database.close();
}
