import { z } from 'zod';
import { taskSchema } from './attempt.ts';
import { languageId } from './languageId.ts';
import { LANGUAGE_IDS } from './languages.ts';

// The console's assessments and invitations ([A87]-[A93] in apps/api/SPEC.md): the builder, the
// invitation list and its actions, the CSV check and the preview.

/** Most candidates one request invites, and most rows a CSV may hold ([A90]). */
export const MAX_INVITATIONS_PER_REQUEST = 10_000;
/** Most bytes (UTF-8) a CSV of candidates may hold ([A90]). */
export const MAX_CSV_BYTES = 2 * 1024 * 1024;
/** Most tasks one assessment holds. */
export const MAX_TASKS = 20;

const proctoring = z.object({ fullscreen: z.boolean(), recordEvents: z.boolean() });

export const assessmentIdParams = z.object({ id: z.uuid() });
export const invitationIdParams = z.object({ id: z.uuid() });

/** What the builder sends to create an assessment or replace one's settings ([A87], [A88]). */
export const assessmentInput = z.object({
  title: z.string().trim().min(1, 'give the assessment a title').max(200),
  description: z.string().max(20_000).default(''),
  durationMinutes: z.number().int().min(1).max(600).default(70),
  languages: z
    .array(languageId)
    .min(1, 'allow at least one language')
    .max(20)
    .default(() => [...LANGUAGE_IDS]),
  proctoring: proctoring.default({ fullscreen: true, recordEvents: true }),
  /** Days a new invitation stays valid; null: invitations do not expire unless one is given. */
  invitationExpiryDays: z.number().int().min(1).max(365).nullable().default(14),
  tasks: z
    .array(z.object({ problemVersionId: z.uuid(), points: z.number().int().min(1).max(1000).default(100) }))
    .min(1, 'pick at least one task')
    .max(MAX_TASKS),
});
/** What the builder sends (defaults may be left out). */
export type AssessmentInput = z.input<typeof assessmentInput>;
/** An assessment's settings as the API reads them, defaults filled in. */
export type AssessmentSettings = z.output<typeof assessmentInput>;

export const assessmentCreated = z.object({ id: z.string() });

export const assessmentListQuery = z.object({
  /** `exclude` (the default): active ones only; `include`: all; `only`: archived ones only. */
  archived: z.enum(['exclude', 'include', 'only']).default('exclude'),
});

/** How many invitations of an assessment are at each stage. */
const invitationCounts = z.object({
  invited: z.number(),
  started: z.number(),
  finished: z.number(),
});

export const assessmentListItem = z.object({
  id: z.string(),
  title: z.string(),
  durationMinutes: z.number(),
  taskCount: z.number(),
  counts: invitationCounts,
  archived: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type AssessmentListItem = z.infer<typeof assessmentListItem>;
export const assessmentListResponse = z.object({ assessments: z.array(assessmentListItem) });
export type AssessmentListResponse = z.infer<typeof assessmentListResponse>;

export const assessmentTaskView = z.object({
  position: z.number(),
  problemVersionId: z.string(),
  ref: z.string(),
  title: z.string(),
  difficulty: z.string(),
  points: z.number(),
});
export type AssessmentTaskView = z.infer<typeof assessmentTaskView>;

export const assessmentDetail = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  durationMinutes: z.number(),
  languages: z.array(languageId),
  proctoring,
  invitationExpiryDays: z.number().nullable(),
  tasks: z.array(assessmentTaskView),
  archived: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  counts: invitationCounts,
  /** Some attempt has started: tasks, duration, languages and proctoring can no longer change ([A88]). */
  locked: z.boolean(),
  /** Whether invitations are emailed (SMTP is configured) or only shown as links ([A92]). */
  emailEnabled: z.boolean(),
});
export type AssessmentDetail = z.infer<typeof assessmentDetail>;

export const INVITATION_STATUSES = ['invited', 'started', 'finished', 'expired', 'revoked'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export const invitationView = z.object({
  id: z.string(),
  attemptId: z.string(),
  name: z.string(),
  email: z.string(),
  status: z.enum(INVITATION_STATUSES),
  createdAt: z.string(),
  /** null: the invitation does not expire. */
  expiresAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  deadline: z.string().nullable(),
  finishedAt: z.string().nullable(),
  score: z.number().nullable(),
  extraMinutes: z.number(),
  /** The link to send again; null for invitations made before links were kept ([A89]), or for interviewers. */
  link: z.string().nullable(),
});
export type InvitationView = z.infer<typeof invitationView>;

export const invitationListQuery = z.object({
  q: z.string().max(200).optional(),
  status: z.enum(INVITATION_STATUSES).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const invitationListResponse = z.object({
  invitations: z.array(invitationView),
  /** Continues the list; null at its end. */
  next: z.string().nullable(),
  /** How many invitations match the search and status, over every page. */
  total: z.number(),
});
export type InvitationListResponse = z.infer<typeof invitationListResponse>;

const candidate = z.object({
  name: z.string().min(1, 'give a name').max(200),
  email: z.email({ message: 'give an email address such as ada@example.com' }).max(254),
});

export const createInvitationsBody = z.object({
  candidates: z.array(candidate).min(1).max(MAX_INVITATIONS_PER_REQUEST),
  /** Days until the links expire; null: never; absent: the assessment's default. */
  expiresInDays: z.number().int().min(1).max(365).nullable().optional(),
});
export type CreateInvitationsBody = z.infer<typeof createInvitationsBody>;

export const createdInvitation = z.object({
  id: z.string(),
  attemptId: z.string(),
  name: z.string(),
  email: z.string(),
  link: z.string(),
  expiresAt: z.string().nullable(),
});
export const createInvitationsResponse = z.object({
  invitations: z.array(createdInvitation),
  /** Whether the invitations were emailed ([A92]); when false, share the links yourself. */
  emailed: z.boolean(),
  /** Addresses the mail server refused or could not be reached for: their invitations exist all the same. */
  emailFailures: z.array(z.object({ email: z.string(), message: z.string() })),
});
export type CreateInvitationsResponse = z.infer<typeof createInvitationsResponse>;

export const csvCheckBody = z.object({ csv: z.string().max(MAX_CSV_BYTES) });
export const csvRowError = z.object({
  /** The row's line number in the file, the header being row 1. */
  row: z.number(),
  message: z.string(),
});
export const csvCheckResponse = z.object({
  /** Every data row, in order, as read. */
  rows: z.array(z.object({ row: z.number(), name: z.string(), email: z.string() })),
  errors: z.array(csvRowError),
});
export type CsvCheckResponse = z.infer<typeof csvCheckResponse>;

export const setExpiryBody = z.object({ expiresAt: z.iso.datetime({ offset: true }).nullable() });

export const extendTimeBody = z.object({
  minutes: z.number().int().min(1).max(600),
  reason: z.string().trim().min(1, 'say why (an accommodation, a technical problem, …)').max(500),
});

export const reopenBody = z.object({
  minutes: z.number().int().min(1).max(600),
  reason: z.string().trim().min(1, 'say why the attempt is reopened').max(500),
});

export const invitationActionResponse = z.object({ invitation: invitationView });
export type InvitationActionResponse = z.infer<typeof invitationActionResponse>;

export const reminderResponse = z.object({ sent: z.boolean(), message: z.string() });

/** What the preview shows: the candidate's view before the start, and every task as it will open ([A93]). */
export const assessmentPreview = z.object({
  title: z.string(),
  description: z.string(),
  durationMinutes: z.number(),
  languages: z.array(languageId),
  proctoring,
  tasks: z.array(
    taskSchema.pick({
      position: true,
      title: true,
      difficulty: true,
      points: true,
      statement: true,
      signature: true,
      starter: true,
      samples: true,
      limits: true,
    }),
  ),
});
export type AssessmentPreview = z.infer<typeof assessmentPreview>;
