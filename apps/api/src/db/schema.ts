import type { DraftContent, DraftValidation } from '@assay/contracts';
import type { JudgeReport, Language, ProblemSpec } from '@assay/judge';
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const id = () => uuid('id').primaryKey().default(sql`gen_random_uuid()`);
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const users = pgTable('users', {
  id: id(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: text('role', { enum: ['admin', 'interviewer'] }).notNull(),
  passwordHash: text('password_hash').notNull(),
  createdAt: createdAt(),
  /** A deactivated member cannot sign in and holds no session ([A71]). */
  active: boolean('active').notNull().default(true),
  deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
  lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
});

/** Sessions for staff and candidates; only a hash of the cookie's token is stored. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    attemptId: uuid('attempt_id').references(() => attempts.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_expires_idx').on(t.expiresAt)],
);

/** An immutable version of a problem, identified by the hash of its content ([A4]). */
export const problemVersions = pgTable(
  'problem_versions',
  {
    id: id(),
    packId: text('pack_id').notNull(),
    problemId: text('problem_id').notNull(),
    contentHash: text('content_hash').notNull(),
    title: text('title').notNull(),
    difficulty: text('difficulty').notNull(),
    tags: jsonb('tags').$type<string[]>().notNull(),
    statement: text('statement').notNull(),
    starter: jsonb('starter').$type<Record<Language, string>>().notNull(),
    spec: jsonb('spec').$type<ProblemSpec>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('problem_versions_content_idx').on(t.packId, t.problemId, t.contentHash)],
);

export interface ProctoringSettings {
  /** Ask the candidate to stay in fullscreen and record when they leave it. */
  fullscreen: boolean;
  /** Record tab switches, focus changes, pastes and copies. */
  recordEvents: boolean;
}

export const assessments = pgTable('assessments', {
  id: id(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  durationMinutes: integer('duration_minutes').notNull().default(70),
  languages: jsonb('languages').$type<Language[]>().notNull(),
  proctoring: jsonb('proctoring').$type<ProctoringSettings>().notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
  /** Days a new invitation stays valid unless the inviter says otherwise; null: no expiry ([A90]). */
  invitationExpiryDays: integer('invitation_expiry_days').default(14),
  /** Archived assessments leave the default list and take no new invitations ([A88]). */
  archivedAt: timestamp('archived_at', { withTimezone: true }),
});

export const assessmentTasks = pgTable(
  'assessment_tasks',
  {
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    problemVersionId: uuid('problem_version_id')
      .notNull()
      .references(() => problemVersions.id),
    points: integer('points').notNull(),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.position] })],
);

export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    candidateName: text('candidate_name').notNull(),
    candidateEmail: text('candidate_email').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** null: the invitation does not expire ([A90]). */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    createdAt: createdAt(),
    /** The token sealed with the server's key (AES-256-GCM), so its link can be shown again ([A89]). */
    tokenSealed: text('token_sealed'),
    /** A revoked invitation's link opens nothing ([A91]). */
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    index('invitations_assessment_idx').on(t.assessmentId, t.createdAt, t.id),
    index('invitations_email_idx').on(t.assessmentId, sql`lower(${t.candidateEmail})`),
  ],
);

export const attempts = pgTable('attempts', {
  id: id(),
  invitationId: uuid('invitation_id')
    .notNull()
    .unique()
    .references(() => invitations.id, { onDelete: 'cascade' }),
  assessmentId: uuid('assessment_id')
    .notNull()
    .references(() => assessments.id, { onDelete: 'cascade' }),
  status: text('status', { enum: ['not_started', 'in_progress', 'finished'] })
    .notNull()
    .default('not_started'),
  startedAt: timestamp('started_at', { withTimezone: true }),
  deadline: timestamp('deadline', { withTimezone: true }),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  finishReason: text('finish_reason', { enum: ['candidate', 'deadline'] }),
  score: doublePrecision('score'),
  createdAt: createdAt(),
  /** Bytes of code the attempt's history holds, which decides how coarse its snapshots get ([A42]). */
  historyBytes: integer('history_bytes').notNull().default(0),
  /** Minutes given beyond the assessment's duration (accommodations, a reopened attempt), in total ([A91]). */
  extraMinutes: integer('extra_minutes').notNull().default(0),
});

/** The latest code of each task in each language. */
export const taskCode = pgTable(
  'task_code',
  {
    attemptId: uuid('attempt_id')
      .notNull()
      .references(() => attempts.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    language: text('language').$type<Language>().notNull(),
    code: text('code').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.attemptId, t.position, t.language] })],
);

/** Snapshots of the code for replay: the last save in each time window, per task and language ([A42]). */
export const codeHistory = pgTable(
  'code_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    attemptId: uuid('attempt_id')
      .notNull()
      .references(() => attempts.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    language: text('language').$type<Language>().notNull(),
    code: text('code').notNull(),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow(),
    /** The start of the time window this snapshot stands for; later saves in it replace it. */
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    /** The code's size in UTF-8 bytes. */
    bytes: integer('bytes').notNull(),
  },
  (t) => [
    index('code_history_attempt_idx').on(t.attemptId, t.position),
    uniqueIndex('code_history_window_idx').on(t.attemptId, t.position, t.language, t.windowStart),
    index('code_history_order_idx').on(t.attemptId, t.windowStart, t.id),
  ],
);

/** Runs (samples and custom input) and submissions (every test), judged through the queue. */
export const submissions = pgTable(
  'submissions',
  {
    id: id(),
    attemptId: uuid('attempt_id')
      .notNull()
      .references(() => attempts.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    language: text('language').$type<Language>().notNull(),
    code: text('code').notNull(),
    mode: text('mode', { enum: ['run', 'submit'] }).notNull(),
    customInputs: jsonb('custom_inputs').$type<unknown[][]>(),
    idempotencyKey: text('idempotency_key'),
    automatic: boolean('automatic').notNull().default(false),
    status: text('status', { enum: ['queued', 'running', 'done'] })
      .notNull()
      .default('queued'),
    verdict: text('verdict'),
    score: doublePrecision('score'),
    report: jsonb('report').$type<JudgeReport>(),
    createdAt: createdAt(),
    judgedAt: timestamp('judged_at', { withTimezone: true }),
    /** How often a judge claimed it ([A20]): a submission that keeps failing gets `internal_error`, not more tries. */
    tries: integer('tries').notNull().default(0),
    /** When a judge last claimed it; a `running` row claimed long ago is recovered by the reconciler ([A21]). */
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('submissions_idempotency_idx').on(t.attemptId, t.idempotencyKey),
    index('submissions_status_idx').on(t.status, t.createdAt),
    index('submissions_attempt_idx').on(t.attemptId, t.position),
  ],
);

export const proctorEvents = pgTable(
  'proctor_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    attemptId: uuid('attempt_id')
      .notNull()
      .references(() => attempts.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('proctor_events_attempt_idx').on(t.attemptId, t.at)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id').references(() => users.id),
    action: text('action').notNull(),
    target: text('target'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  // [A73] The audit page filters by actor or action, newest first, and by date.
  (t) => [
    index('audit_log_actor_idx').on(t.userId, t.id),
    index('audit_log_action_idx').on(t.action, t.id),
    index('audit_log_at_idx').on(t.at),
  ],
);

/**
 * The source hash of each problem pack as last imported, and the versions that import produced ([A26]):
 * a start whose packs are unchanged reads this instead of loading every pack again.
 */
export const packImports = pgTable('pack_imports', {
  packId: text('pack_id').primaryKey(),
  sourceHash: text('source_hash').notNull(),
  /** problem id → problem version id. */
  versions: jsonb('versions').$type<Record<string, string>>().notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Keys the server made for itself when no SECRET_KEY is configured ([A89]): the first instance's wins. */
export const serverSecrets = pgTable('server_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: createdAt(),
});

/** A reviewer's notes and decision on an attempt ([A97]); the latest review replaces the one before. */
export const attemptReviews = pgTable('attempt_reviews', {
  attemptId: uuid('attempt_id')
    .primaryKey()
    .references(() => attempts.id, { onDelete: 'cascade' }),
  decision: text('decision', { enum: ['advance', 'reject', 'undecided'] })
    .notNull()
    .default('undecided'),
  notes: text('notes').notNull().default(''),
  reviewedBy: uuid('reviewed_by').references(() => users.id),
  reviewedAt: timestamp('reviewed_at', { withTimezone: true }).notNull().defaultNow(),
});

const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  // node-postgres reads a Buffer, PGlite a Uint8Array.
  fromDriver: (value) => Buffer.from(value),
});

/** [A77] The archive a pack was last imported from in the console: it is what that pack exports. */
export const packArchives = pgTable('pack_archives', {
  packId: text('pack_id').primaryKey(),
  archive: bytea('archive').notNull(),
  importedBy: uuid('imported_by').references(() => users.id, { onDelete: 'set null' }),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A validation run as stored: `stale` is worked out on reading, from the hash of the content it ran on. */
export type StoredDraftValidation = Omit<DraftValidation, 'stale'> & { contentHash: string };

/**
 * [A80] A problem being authored in the browser: everything a problem folder holds, as data, until it
 * validates and is published as an immutable version ([A85]).
 */
export const problemDrafts = pgTable(
  'problem_drafts',
  {
    id: id(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    packId: text('pack_id').notNull().default('custom'),
    problemId: text('problem_id').notNull(),
    basedOnVersionId: uuid('based_on_version_id').references(() => problemVersions.id),
    content: jsonb('content').$type<DraftContent>().notNull(),
    /** The last validation run and the content hash it ran on ([A83]). */
    validation: jsonb('validation').$type<StoredDraftValidation>(),
    publishedVersionId: uuid('published_version_id').references(() => problemVersions.id),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('problem_drafts_updated_idx').on(t.updatedAt)],
);

/** [A85] The draft content a published version was made from, solutions included. */
export const problemVersionSources = pgTable('problem_version_sources', {
  versionId: uuid('version_id')
    .primaryKey()
    .references(() => problemVersions.id, { onDelete: 'cascade' }),
  content: jsonb('content').$type<DraftContent>().notNull(),
  createdAt: createdAt(),
});

// ---------------------------------------------------------------------------------------------------
// Live interview pads (issue 12, [A100]–[A129])

/** [A100] A live pad: one shared code document, the interviewers' notes, runs, and playback after it ends. */
export const pads = pgTable(
  'pads',
  {
    id: id(),
    title: text('title').notNull(),
    language: text('language').$type<Language>().notNull(),
    problemVersionId: uuid('problem_version_id').references(() => problemVersions.id),
    status: text('status', { enum: ['open', 'ended'] })
      .notNull()
      .default('open'),
    /** The candidate link's token: its hash to find the pad, sealed so staff can show the link again. */
    candidateTokenHash: text('candidate_token_hash').notNull().unique(),
    candidateTokenSealed: text('candidate_token_sealed').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedBy: uuid('ended_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('pads_created_idx').on(t.createdAt)],
);

/** [A100] Everyone who joined a pad: staff by their account, candidates by the cookie the join gave them. */
export const padParticipants = pgTable(
  'pad_participants',
  {
    id: id(),
    padId: uuid('pad_id')
      .notNull()
      .references(() => pads.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['interviewer', 'candidate'] }).notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    colour: text('colour').notNull(),
    /** A candidate's participant cookie, hashed; null for staff. */
    tokenHash: text('token_hash').unique(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
  },
  (t) => [
    index('pad_participants_pad_idx').on(t.padId),
    uniqueIndex('pad_participants_user_idx').on(t.padId, t.userId),
  ],
);

/**
 * [A103] Every Yjs update of a pad's documents as it arrived: who, when and how (edit, paste, resync,
 * starter). Never rewritten: playback replays it ([A108]).
 */
export const padUpdates = pgTable(
  'pad_updates',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    padId: uuid('pad_id')
      .notNull()
      .references(() => pads.id, { onDelete: 'cascade' }),
    /** PAD_DOC: 0 code, 1 notes. */
    doc: smallint('doc').notNull(),
    participantId: uuid('participant_id').references(() => padParticipants.id, { onDelete: 'set null' }),
    /** PAD_ORIGIN_NAMES. */
    origin: text('origin').notNull(),
    update: bytea('update').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('pad_updates_pad_idx').on(t.padId, t.doc, t.id)],
);

/** [A103] A document's compacted state: every update with id ≤ uptoId merged, so loading reads one row and the tail. */
export const padSnapshots = pgTable(
  'pad_snapshots',
  {
    padId: uuid('pad_id')
      .notNull()
      .references(() => pads.id, { onDelete: 'cascade' }),
    doc: smallint('doc').notNull(),
    state: bytea('state').notNull(),
    uptoId: bigint('upto_id', { mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.padId, t.doc] })],
);

/** [A108] What playback shows beside the edits: joins and leaves, pastes, tab switches, language changes, runs, the end. */
export const padEvents = pgTable(
  'pad_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    padId: uuid('pad_id')
      .notNull()
      .references(() => pads.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id').references(() => padParticipants.id, { onDelete: 'set null' }),
    kind: text('kind').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('pad_events_pad_idx').on(t.padId, t.id)],
);

/** [A107] A run of the pad's code through the judge queue; every participant sees it and it stays in the history. */
export const padRuns = pgTable(
  'pad_runs',
  {
    id: id(),
    padId: uuid('pad_id')
      .notNull()
      .references(() => pads.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id').references(() => padParticipants.id, { onDelete: 'set null' }),
    /** The participant's name when they ran it. */
    byName: text('by_name').notNull(),
    language: text('language').$type<Language>().notNull(),
    code: text('code').notNull(),
    customInputs: jsonb('custom_inputs').$type<unknown[][]>(),
    status: text('status', { enum: ['queued', 'running', 'done'] })
      .notNull()
      .default('queued'),
    report: jsonb('report').$type<JudgeReport>(),
    tries: integer('tries').notNull().default(0),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('pad_runs_pad_idx').on(t.padId, t.createdAt)],
);
