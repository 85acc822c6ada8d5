import { LANGUAGES, type Language } from '@assay/judge';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/openDatabase.ts';
import { assessments, assessmentTasks, attempts, invitations, pads, users } from '../db/schema.ts';
import { sealToken } from './invitationTokens.ts';
import { seedPadStarter } from './padStarter.ts';
import { generatePassword, hashPassword, hashToken, newToken } from './secrets.ts';

export interface BootstrapOptions {
  adminEmail: string;
  /** Used for a new admin; without it a password is generated and returned once. */
  adminPassword?: string;
  publicUrl: string;
  /** `pack/problem` → problem version id, from importProblems. */
  versions: Map<string, string>;
  /** The key candidate links are sealed with (`tokenKey`); with it the first start also opens a demo pad. */
  linkKey?: Buffer;
  /** [A133] The languages the demo assessment offers: those this server can judge. Default: every language. */
  languages?: readonly Language[];
}

export interface BootstrapResult {
  admin: { email: string; created: boolean; generatedPassword?: string };
  /** Set on the start that created the demo assessment: the only time its link can be shown. */
  demo?: { assessmentId: string; candidateLink: string };
  /** Set on the start that created the demo interview pad (issue 12); its links stay on the console's Pads page. */
  demoPad?: { padId: string; padLink: string; candidateLink: string };
}

export const DEMO_PROBLEMS = ['classics/number-of-islands', 'classics/task-scheduler', 'ml-fundamentals/roc-auc'];
/** The demo interview pad's problem. */
export const DEMO_PAD_PROBLEM = 'classics/number-of-islands';

/**
 * First start: an admin, a demo assessment with one invitation ([A5]) and, given the link key, a demo
 * interview pad on one of its problems. Later starts change nothing.
 */
export async function bootstrap(db: Db, options: BootstrapOptions): Promise<BootstrapResult> {
  const result: BootstrapResult = { admin: { email: options.adminEmail, created: false } };
  const [existingAdmin] = await db.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).limit(1);
  let adminId = existingAdmin?.id;
  if (!adminId) {
    const password = options.adminPassword ?? generatePassword();
    const [created] = await db
      .insert(users)
      .values({
        email: options.adminEmail,
        name: 'Administrator',
        role: 'admin',
        passwordHash: await hashPassword(password),
      })
      .returning({ id: users.id });
    adminId = created?.id;
    result.admin = {
      email: options.adminEmail,
      created: true,
      ...(options.adminPassword ? {} : { generatedPassword: password }),
    };
  }
  const [anyAssessment] = await db.select({ id: assessments.id }).from(assessments).limit(1);
  if (anyAssessment) return result;

  const tasks = DEMO_PROBLEMS.map((ref) => options.versions.get(ref)).filter((v): v is string => v !== undefined);
  if (tasks.length === 0) return result;
  const token = newToken();
  await db.transaction(async (tx) => {
    const [assessment] = await tx
      .insert(assessments)
      .values({
        title: 'Demo assessment',
        description:
          'Three tasks from the built-in library: a graph search, a scheduling formula and a ranking metric.',
        durationMinutes: 70,
        languages: [...(options.languages ?? LANGUAGES)],
        proctoring: { fullscreen: true, recordEvents: true },
        createdBy: adminId,
      })
      .returning({ id: assessments.id });
    if (!assessment) throw new Error('the demo assessment was not created');
    await tx.insert(assessmentTasks).values(
      tasks.map((problemVersionId, position) => ({
        assessmentId: assessment.id,
        position,
        problemVersionId,
        points: 100,
      })),
    );
    const [invitation] = await tx
      .insert(invitations)
      .values({
        assessmentId: assessment.id,
        candidateName: 'Demo Candidate',
        candidateEmail: 'candidate@example.com',
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + 30 * 24 * 3600 * 1000),
      })
      .returning({ id: invitations.id });
    if (!invitation) throw new Error('the demo invitation was not created');
    await tx.insert(attempts).values({ invitationId: invitation.id, assessmentId: assessment.id });
    result.demo = { assessmentId: assessment.id, candidateLink: `${options.publicUrl}/a/${token}` };
    const padProblem = options.versions.get(DEMO_PAD_PROBLEM);
    if (!options.linkKey || !padProblem) return;
    const padToken = newToken();
    const [pad] = await tx
      .insert(pads)
      .values({
        title: 'Demo interview: Number of Islands',
        language: 'javascript',
        problemVersionId: padProblem,
        candidateTokenHash: hashToken(padToken),
        candidateTokenSealed: sealToken(options.linkKey, padToken),
        createdBy: adminId,
      })
      .returning();
    if (!pad) throw new Error('the demo pad was not created');
    await seedPadStarter(tx, pad);
    result.demoPad = {
      padId: pad.id,
      padLink: `${options.publicUrl}/pad/${pad.id}`,
      candidateLink: `${options.publicUrl}/pad/join/${padToken}`,
    };
  });
  return result;
}
