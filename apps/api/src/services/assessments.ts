import type { LanguageId } from '@assay/contracts';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/openDatabase.ts';
import { assessments, assessmentTasks, attempts, invitations, problemVersions } from '../db/schema.ts';
import { BadInput, NotFound } from '../errors.ts';
import { hashToken, newToken } from './secrets.ts';

export interface AssessmentInput {
  title: string;
  description: string;
  durationMinutes: number;
  languages: LanguageId[];
  proctoring: { fullscreen: boolean; recordEvents: boolean };
  tasks: { problemVersionId: string; points: number }[];
}

/** Every imported problem version, newest first within each problem. */
export async function listProblemVersions(db: Db) {
  const rows = await db
    .select({
      id: problemVersions.id,
      packId: problemVersions.packId,
      problemId: problemVersions.problemId,
      title: problemVersions.title,
      difficulty: problemVersions.difficulty,
      tags: problemVersions.tags,
      createdAt: problemVersions.createdAt,
    })
    .from(problemVersions)
    .orderBy(asc(problemVersions.packId), asc(problemVersions.problemId), desc(problemVersions.createdAt));
  return rows.map((r) => ({
    id: r.id,
    ref: `${r.packId}/${r.problemId}`,
    title: r.title,
    difficulty: r.difficulty,
    tags: r.tags,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** Creates an assessment with its tasks in one transaction; returns its id. */
export async function createAssessment(db: Db, input: AssessmentInput, createdBy: string | null): Promise<string> {
  const ids = [...new Set(input.tasks.map((t) => t.problemVersionId))];
  const found = await db
    .select({ id: problemVersions.id })
    .from(problemVersions)
    .where(inArray(problemVersions.id, ids));
  const missing = ids.filter((id) => !found.some((f) => f.id === id));
  if (missing.length > 0)
    throw new BadInput(`no problem version ${missing.join(', ')}: list them with GET /api/admin/problems`);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(assessments)
      .values({
        title: input.title,
        description: input.description,
        durationMinutes: input.durationMinutes,
        languages: input.languages,
        proctoring: input.proctoring,
        createdBy,
      })
      .returning({ id: assessments.id });
    if (!created) throw new Error('the assessment was not created');
    await tx.insert(assessmentTasks).values(
      input.tasks.map((t, position) => ({
        assessmentId: created.id,
        position,
        problemVersionId: t.problemVersionId,
        points: t.points,
      })),
    );
    return created.id;
  });
}

export async function listAssessments(db: Db) {
  const rows = await db.select().from(assessments).orderBy(desc(assessments.createdAt));
  return rows.map((a) => ({
    id: a.id,
    title: a.title,
    durationMinutes: a.durationMinutes,
    createdAt: a.createdAt.toISOString(),
  }));
}

/**
 * Invites candidates to an assessment: one invitation and one attempt each, in one transaction.
 * Tokens exist only in the returned links; the database keeps their hashes. Returns the stored
 * assessment id with the invitations.
 */
export async function inviteCandidates(
  db: Db,
  options: {
    assessmentId: string;
    candidates: { name: string; email: string }[];
    expiresAt: Date;
    publicUrl: string;
  },
) {
  const [assessment] = await db
    .select({ id: assessments.id })
    .from(assessments)
    .where(eq(assessments.id, options.assessmentId));
  if (!assessment) throw new NotFound('the assessment');
  const { expiresAt } = options;
  const created = await db.transaction(async (tx) => {
    const out = [];
    for (const candidate of options.candidates) {
      const token = newToken();
      const [invitation] = await tx
        .insert(invitations)
        .values({
          assessmentId: assessment.id,
          candidateName: candidate.name,
          candidateEmail: candidate.email,
          tokenHash: hashToken(token),
          expiresAt,
        })
        .returning({ id: invitations.id });
      if (!invitation) throw new Error('the invitation was not created');
      const [attempt] = await tx
        .insert(attempts)
        .values({ invitationId: invitation.id, assessmentId: assessment.id })
        .returning({ id: attempts.id });
      out.push({
        attemptId: attempt?.id ?? '',
        name: candidate.name,
        email: candidate.email,
        link: `${options.publicUrl}/a/${token}`,
        expiresAt: expiresAt.toISOString(),
      });
    }
    return out;
  });
  return { assessmentId: assessment.id, invitations: created };
}
