import type { AssessmentResults, ResultAggregates, ResultRow, ResultsOverview } from '@assay/contracts';
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/openDatabase.ts';
import { rowsOf } from '../db/rowsOf.ts';
import {
  assessments,
  assessmentTasks,
  attemptReviews,
  attempts,
  codeHistory,
  invitations,
  problemVersions,
  proctorEvents,
  submissions,
} from '../db/schema.ts';
import { NotFound } from '../errors.ts';
import { bestFractions, scoreTasks } from './scoring.ts';

/**
 * [A95] A gap between two of an attempt's activities (its start, a history snapshot, a run or a
 * submission) counts towards the task of the later one, up to this long: a longer silence was not all
 * spent on that task.
 */
export const IDLE_GAP_MS = 10 * 60_000;
/** The most buckets the activity chart gets, however long attempts ran. */
const MAX_ACTIVITY_BUCKETS = 200;

/** Proctoring events that count as flags ([A94]). */
const FLAG_TYPES = ['tab_hidden', 'window_blur', 'fullscreen_exit'];

async function perAttemptCounts(db: Db, assessmentId: string) {
  const [subs, flags, reviews, times] = await Promise.all([
    db.execute(sql`
      SELECT s.attempt_id AS id, count(*)::int AS n FROM ${submissions} s
      JOIN ${attempts} a ON a.id = s.attempt_id
      WHERE a.assessment_id = ${assessmentId} AND s.mode = 'submit' GROUP BY s.attempt_id`),
    db.execute(sql`
      SELECT e.attempt_id AS id, count(*)::int AS n FROM ${proctorEvents} e
      JOIN ${attempts} a ON a.id = e.attempt_id
      WHERE a.assessment_id = ${assessmentId}
        AND (e.type IN (${sql.join(
          FLAG_TYPES.map((t) => sql`${t}`),
          sql`, `,
        )}) OR (e.type = 'paste' AND e.detail->>'fromOutside' = 'true'))
      GROUP BY e.attempt_id`),
    db
      .select({ id: attemptReviews.attemptId, decision: attemptReviews.decision })
      .from(attemptReviews)
      .innerJoin(attempts, eq(attempts.id, attemptReviews.attemptId))
      .where(eq(attempts.assessmentId, assessmentId)),
    // [A95] Active time per task: each gap between consecutive activities, capped, goes to the later one's task.
    db.execute(sql`
      WITH acts AS (
        SELECT a.id AS attempt_id, -1 AS position, a.started_at AS at FROM ${attempts} a
          WHERE a.assessment_id = ${assessmentId} AND a.started_at IS NOT NULL
        UNION ALL
        SELECT h.attempt_id, h.position, h.saved_at FROM ${codeHistory} h
          JOIN ${attempts} a ON a.id = h.attempt_id WHERE a.assessment_id = ${assessmentId}
        UNION ALL
        SELECT s.attempt_id, s.position, s.created_at FROM ${submissions} s
          JOIN ${attempts} a ON a.id = s.attempt_id WHERE a.assessment_id = ${assessmentId}
      ), gaps AS (
        SELECT attempt_id, position,
          extract(epoch FROM at - lag(at) OVER (PARTITION BY attempt_id ORDER BY at, position)) * 1000 AS ms
        FROM acts
      )
      SELECT attempt_id AS id, position, round(sum(least(coalesce(ms, 0), ${IDLE_GAP_MS})))::float8 AS ms
      FROM gaps WHERE position >= 0 GROUP BY attempt_id, position`),
  ]);
  const count = (result: unknown) => new Map(rowsOf<{ id: string; n: number }>(result).map((r) => [r.id, Number(r.n)]));
  const taskMs = new Map<string, Map<number, number>>();
  for (const r of rowsOf<{ id: string; position: number; ms: number }>(times)) {
    const of = taskMs.get(r.id) ?? new Map<number, number>();
    of.set(Number(r.position), Number(r.ms));
    taskMs.set(r.id, of);
  }
  return {
    submissions: count(subs),
    flags: count(flags),
    decisions: new Map(reviews.map((r) => [r.id, r.decision])),
    taskMs: (attemptId: string, position: number) => taskMs.get(attemptId)?.get(position) ?? 0,
  };
}

async function activity(db: Db, assessmentId: string, durationMinutes: number): Promise<ResultAggregates['activity']> {
  const bucketMinutes = Math.max(1, Math.ceil(durationMinutes / 20));
  const result = await db.execute(sql`
    SELECT floor(extract(epoch FROM s.created_at - a.started_at) / ${bucketMinutes * 60})::int AS bucket,
      s.mode, count(*)::int AS n
    FROM ${submissions} s JOIN ${attempts} a ON a.id = s.attempt_id
    WHERE a.assessment_id = ${assessmentId} AND a.started_at IS NOT NULL
    GROUP BY 1, 2`);
  const rows = rowsOf<{ bucket: number; mode: 'run' | 'submit'; n: number }>(result);
  // Extra time can run past the duration: the chart grows to the last bucket used, within a bound.
  const last = Math.max(Math.ceil(durationMinutes / bucketMinutes) - 1, ...rows.map((r) => Number(r.bucket)));
  const size = Math.min(last + 1, MAX_ACTIVITY_BUCKETS);
  const runs = new Array<number>(size).fill(0);
  const subs = new Array<number>(size).fill(0);
  for (const r of rows) {
    const i = Math.min(Math.max(Number(r.bucket), 0), size - 1);
    (r.mode === 'run' ? runs : subs)[i] = ((r.mode === 'run' ? runs : subs)[i] ?? 0) + Number(r.n);
  }
  return { bucketMinutes, runs, submissions: subs };
}

const median = (values: number[]) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** [A96] The charts' numbers from the rows; each defined for 0 attempts (zeros and nulls, never NaN). */
export function aggregateResults(
  tasks: { position: number; points: number }[],
  rows: ResultRow[],
  passed: (row: ResultRow, index: number) => boolean,
  activityCounts: ResultAggregates['activity'],
): ResultAggregates {
  const finished = rows.filter((r) => r.status === 'finished');
  const maxScore = tasks.reduce((sum, t) => sum + t.points, 0);
  const scoreBuckets = new Array<number>(10).fill(0);
  for (const r of finished) {
    const share = maxScore > 0 ? (r.score ?? 0) / maxScore : 0;
    const bucket = Math.min(9, Math.max(0, Math.floor(share * 10 + 1e-9)));
    scoreBuckets[bucket] = (scoreBuckets[bucket] ?? 0) + 1;
  }
  return {
    started: rows.filter((r) => r.status !== 'not_started').length,
    finished: finished.length,
    maxScore,
    scoreBuckets,
    tasks: tasks.map((t, i) => {
      const worked = finished.map((r) => r.taskMs[i] ?? 0).filter((ms) => ms > 0);
      return {
        position: t.position,
        attempted: finished.filter((r) => (r.earned[i] ?? 0) > 0 || r.submissions > 0).length,
        passRate: finished.length ? finished.filter((r) => passed(r, i)).length / finished.length : 0,
        meanPoints: finished.length ? finished.reduce((sum, r) => sum + (r.earned[i] ?? 0), 0) / finished.length : 0,
        medianMs: median(worked),
        meanMs: worked.length ? worked.reduce((a, b) => a + b, 0) / worked.length : null,
      };
    }),
    activity: activityCounts,
  };
}

/**
 * [A94] An assessment's results: one compact row per attempt, in invitation order (a bulk invitation's
 * by name), and the charts' numbers.
 */
export async function assessmentResults(db: Db, assessmentId: string, now: Date): Promise<AssessmentResults> {
  const [assessment] = await db
    .select({ id: assessments.id, title: assessments.title, durationMinutes: assessments.durationMinutes })
    .from(assessments)
    .where(eq(assessments.id, assessmentId));
  if (!assessment) throw new NotFound('the assessment');
  const [tasks, list, best, counts, activityCounts] = await Promise.all([
    db
      .select({ position: assessmentTasks.position, points: assessmentTasks.points, title: problemVersions.title })
      .from(assessmentTasks)
      .innerJoin(problemVersions, eq(problemVersions.id, assessmentTasks.problemVersionId))
      .where(eq(assessmentTasks.assessmentId, assessmentId))
      .orderBy(asc(assessmentTasks.position)),
    db
      .select({
        id: attempts.id,
        name: invitations.candidateName,
        email: invitations.candidateEmail,
        status: attempts.status,
        startedAt: attempts.startedAt,
        finishedAt: attempts.finishedAt,
        finishReason: attempts.finishReason,
        score: attempts.score,
      })
      .from(attempts)
      .innerJoin(invitations, eq(invitations.id, attempts.invitationId))
      .where(eq(attempts.assessmentId, assessmentId))
      .orderBy(asc(invitations.createdAt), asc(invitations.candidateName), asc(attempts.id)),
    bestFractions(db, { assessmentId }),
    perAttemptCounts(db, assessmentId),
    activity(db, assessmentId, assessment.durationMinutes),
  ]);
  const rows: ResultRow[] = list.map((a) => {
    const end = a.finishedAt ?? (a.startedAt ? now : null);
    return {
      id: a.id,
      name: a.name,
      email: a.email,
      status: a.status,
      startedAt: a.startedAt?.toISOString() ?? null,
      finishedAt: a.finishedAt?.toISOString() ?? null,
      finishReason: a.finishReason ?? null,
      score: a.score,
      earned: scoreTasks(tasks, (position) => best(a.id, position)).map((t) => t.earned),
      taskMs: tasks.map((t) => counts.taskMs(a.id, t.position)),
      timeMs: a.startedAt && end ? Math.max(0, end.getTime() - a.startedAt.getTime()) : null,
      flags: counts.flags.get(a.id) ?? 0,
      submissions: counts.submissions.get(a.id) ?? 0,
      decision: counts.decisions.get(a.id) ?? 'undecided',
    };
  });
  const passed = (row: ResultRow, i: number) => best(row.id, tasks[i]?.position ?? -1) >= 1 - 1e-9;
  return { assessment, tasks, rows, aggregates: aggregateResults(tasks, rows, passed, activityCounts) };
}

const RECENT = 20;
const SEARCHED = 50;

/** `%`, `_` and `\` match themselves in a search. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** [A94] Every assessment with its counts, and the latest attempts (or a candidate's, when searched). */
export async function resultsOverview(db: Db, q: string | undefined): Promise<ResultsOverview> {
  const summary = await db.execute(sql`
    SELECT s.id, s.title, s.created_at,
      (SELECT count(*)::int FROM ${attempts} a WHERE a.assessment_id = s.id) AS invited,
      (SELECT count(*)::int FROM ${attempts} a WHERE a.assessment_id = s.id AND a.status <> 'not_started') AS started,
      (SELECT count(*)::int FROM ${attempts} a WHERE a.assessment_id = s.id AND a.status = 'finished') AS finished,
      (SELECT count(*)::int FROM ${attempts} a LEFT JOIN ${attemptReviews} r ON r.attempt_id = a.id
        WHERE a.assessment_id = s.id AND a.status = 'finished' AND coalesce(r.decision, 'undecided') = 'undecided') AS undecided
    FROM ${assessments} s ORDER BY s.created_at DESC, s.id LIMIT 500`);
  const search = q
    ? sql`AND (i.candidate_name ILIKE ${likePattern(q)} OR i.candidate_email ILIKE ${likePattern(q)})`
    : sql``;
  const recent = await db.execute(sql`
    SELECT a.id, a.assessment_id, s.title, i.candidate_name, i.candidate_email, a.status, a.score,
      coalesce(a.finished_at, a.started_at, i.created_at) AS at, coalesce(r.decision, 'undecided') AS decision,
      (SELECT coalesce(sum(t.points), 0)::int FROM ${assessmentTasks} t WHERE t.assessment_id = a.assessment_id) AS max_score
    FROM ${attempts} a
    JOIN ${invitations} i ON i.id = a.invitation_id
    JOIN ${assessments} s ON s.id = a.assessment_id
    LEFT JOIN ${attemptReviews} r ON r.attempt_id = a.id
    WHERE ${q ? sql`TRUE` : sql`a.status <> 'not_started'`} ${search}
    ORDER BY at DESC, a.id LIMIT ${q ? SEARCHED : RECENT}`);
  const iso = (value: unknown) => new Date(value as string).toISOString();
  return {
    assessments: rowsOf<{
      id: string;
      title: string;
      created_at: string;
      invited: number;
      started: number;
      finished: number;
      undecided: number;
    }>(summary).map((r) => ({
      id: r.id,
      title: r.title,
      createdAt: iso(r.created_at),
      invited: Number(r.invited),
      started: Number(r.started),
      finished: Number(r.finished),
      undecided: Number(r.undecided),
    })),
    recent: rowsOf<{
      id: string;
      assessment_id: string;
      title: string;
      candidate_name: string;
      candidate_email: string;
      status: ResultRow['status'];
      score: number | null;
      at: string;
      decision: ResultRow['decision'];
      max_score: number;
    }>(recent).map((r) => ({
      id: r.id,
      assessmentId: r.assessment_id,
      assessmentTitle: r.title,
      name: r.candidate_name,
      email: r.candidate_email,
      status: r.status,
      score: r.score === null ? null : Number(r.score),
      maxScore: Number(r.max_score),
      at: iso(r.at),
      decision: r.decision,
    })),
  };
}
