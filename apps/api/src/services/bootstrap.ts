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
  /** Set on the start that created the ML demo assessment ([A144]): ready to invite candidates to. */
  mlDemo?: { assessmentId: string; title: string; tasks: number };
  /** Set on the start that created the demo interview pad (issue 12); its links stay on the console's Pads page. */
  demoPad?: { padId: string; padLink: string; candidateLink: string };
}

export const DEMO_PROBLEMS = ['classics/number-of-islands', 'classics/task-scheduler', 'ml-fundamentals/roc-auc'];

/**
 * [A144] The ready-made ML screen: one task per topic of the ml-fundamentals pack (data manipulation,
 * evaluation metrics, classifiers, ensembles), easiest first, worth more as they get harder. The pack's
 * README gives a strong candidate 15 + 15 + 20 + 15 = 65 of the 70 minutes for the four.
 */
export const ML_DEMO = {
  title: 'ML fundamentals (70 min)',
  description:
    'Four tasks across the machine-learning syllabus: data preparation without leakage, an evaluation ' +
    'metric with ties, a classifier from its formulas, and one round of boosting. Real-valued answers are ' +
    'checked with the tolerance each statement gives.',
  tasks: [
    { ref: 'ml-fundamentals/impute-standardize', points: 100 },
    { ref: 'ml-fundamentals/average-precision', points: 100 },
    { ref: 'ml-fundamentals/naive-bayes-text', points: 150 },
    { ref: 'ml-fundamentals/adaboost-round', points: 150 },
  ],
} as const;
/** The demo interview pad's problem. */
export const DEMO_PAD_PROBLEM = 'classics/number-of-islands';

/**
 * First start: an admin, a demo assessment with one invitation ([A5]), the ML fundamentals assessment
 * ready to send ([A144]) and, given the link key, a demo interview pad on one of the demo's problems.
 * Later starts change nothing.
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
  // Both first-start assessments: 70 minutes, proctored, in the languages this server judges ([A133]).
  const demoAssessment = (title: string, description: string) => ({
    title,
    description,
    durationMinutes: 70,
    languages: [...(options.languages ?? LANGUAGES)],
    proctoring: { fullscreen: true, recordEvents: true },
    createdBy: adminId,
  });
  await db.transaction(async (tx) => {
    const [assessment] = await tx
      .insert(assessments)
      .values(
        demoAssessment(
          'Demo assessment',
          'Three tasks from the built-in library: a graph search, a scheduling formula and a ranking metric.',
        ),
      )
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
    const mlTasks = ML_DEMO.tasks.flatMap(({ ref, points }) => {
      const problemVersionId = options.versions.get(ref);
      return problemVersionId ? [{ problemVersionId, points }] : [];
    });
    if (mlTasks.length > 0) {
      const [ml] = await tx
        .insert(assessments)
        .values(demoAssessment(ML_DEMO.title, ML_DEMO.description))
        .returning({ id: assessments.id });
      if (!ml) throw new Error('the ML demo assessment was not created');
      await tx
        .insert(assessmentTasks)
        .values(mlTasks.map((task, position) => ({ assessmentId: ml.id, position, ...task })));
      result.mlDemo = { assessmentId: ml.id, title: ML_DEMO.title, tasks: mlTasks.length };
    }
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
