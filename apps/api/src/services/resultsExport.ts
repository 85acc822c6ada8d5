import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/openDatabase.ts';
import { assessmentTasks, problemVersions } from '../db/schema.ts';
import { listAttempts } from './attemptReview.ts';
import { bestFractions, scoreTasks } from './scoring.ts';

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  // Quote everything, double inner quotes, and defuse spreadsheet formulas, also behind a TAB or CR ([A39]).
  return `"${(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text).replaceAll('"', '""')}"`;
}

/** An assessment's results as CSV, one line per attempt; `rows` counts the attempts. */
export async function resultsCsv(db: Db, assessmentId: string): Promise<{ csv: string; rows: number }> {
  const rows = await listAttempts(db, assessmentId);
  const tasks = await db
    .select({ position: assessmentTasks.position, points: assessmentTasks.points, title: problemVersions.title })
    .from(assessmentTasks)
    .innerJoin(problemVersions, eq(problemVersions.id, assessmentTasks.problemVersionId))
    .where(eq(assessmentTasks.assessmentId, assessmentId))
    .orderBy(asc(assessmentTasks.position));
  const header = [
    'candidate',
    'email',
    'status',
    'started_at',
    'finished_at',
    'finish_reason',
    'score',
    ...tasks.map((t) => `task ${t.position + 1}: ${t.title} (of ${t.points})`),
  ];
  const lines = [header.map(csvCell).join(',')];
  // [A8] The per-task breakdown explains the score.
  const best = await bestFractions(db, { assessmentId });
  for (const r of rows) {
    const earned = scoreTasks(tasks, (position) => best(r.id, position)).map((t) => t.earned);
    const cells = [
      r.candidateName,
      r.candidateEmail,
      r.status,
      r.startedAt,
      r.finishedAt,
      r.finishReason,
      r.score,
      ...earned,
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return { csv: `${lines.join('\r\n')}\r\n`, rows: rows.length };
}
