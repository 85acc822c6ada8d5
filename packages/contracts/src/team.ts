import { z } from 'zod';

// The staff console's team, account, audit log and settings shapes (issue 11 §1, [A71]–[A74]).

/** The roles a member of staff can hold. */
export const STAFF_ROLES = ['admin', 'interviewer'] as const;
export const staffRoleSchema = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof staffRoleSchema>;

/** The shortest password a member of staff may set ([A71], [A72]). */
export const MIN_PASSWORD_LENGTH = 12;
/** The longest: argon2 would hash more, but nobody types it and it costs the server. */
export const MAX_PASSWORD_LENGTH = 200;
/** The most members `GET /api/admin/team` lists. */
export const TEAM_LIST_MAX = 1000;

const password = (what: string) =>
  z
    .string()
    .min(MIN_PASSWORD_LENGTH, `${what} must be at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(MAX_PASSWORD_LENGTH, `${what} must be at most ${MAX_PASSWORD_LENGTH} characters`);

/** One member of staff as the Team page shows them. */
export const teamMemberSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: staffRoleSchema,
  active: z.boolean(),
  createdAt: z.string(),
  deactivatedAt: z.string().nullable(),
  lastSignInAt: z.string().nullable(),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

/** `GET /api/admin/team`: active members first, then by name. */
export const teamListResponse = z.object({ members: z.array(teamMemberSchema) });
export type TeamListResponse = z.infer<typeof teamListResponse>;

/** `POST /api/admin/team`: without `password`, one is generated and answered once. */
export const addMemberBody = z.object({
  name: z.string().trim().min(1, 'the name is empty').max(200),
  email: z.email().max(254),
  role: staffRoleSchema,
  password: password('the password').optional(),
});
export type AddMemberBody = z.infer<typeof addMemberBody>;
export const addMemberResponse = z.object({
  member: teamMemberSchema,
  /** Only when the API generated the password: the one time it is shown. */
  generatedPassword: z.string().optional(),
});
export type AddMemberResponse = z.infer<typeof addMemberResponse>;

/** `PUT /api/admin/team/:id/role`. */
export const changeRoleBody = z.object({ role: staffRoleSchema });
export type ChangeRoleBody = z.infer<typeof changeRoleBody>;
/** The answer of every change to one member. */
export const teamMemberResponse = z.object({ member: teamMemberSchema });
export type TeamMemberResponse = z.infer<typeof teamMemberResponse>;

/** `POST /api/admin/team/:id/password`: a new password for a member; without one, one is generated. */
export const resetPasswordBody = z.object({ password: password('the password').optional() });
export type ResetPasswordBody = z.infer<typeof resetPasswordBody>;
/** The member, and the generated password when there is one: the one time it is shown. */
export const resetPasswordResponse = addMemberResponse;
export type ResetPasswordResponse = AddMemberResponse;

/** `POST /api/auth/password`. */
export const changePasswordBody = z.object({
  currentPassword: z.string().min(1, 'type your current password').max(MAX_PASSWORD_LENGTH),
  newPassword: password('the new password'),
});
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;
export const changePasswordResponse = z.object({
  ok: z.literal(true),
  /** How many of the account's other sessions were ended. */
  endedSessions: z.number().int(),
});
export type ChangePasswordResponse = z.infer<typeof changePasswordResponse>;

/** The most entries one page of the audit log holds. */
export const AUDIT_PAGE_MAX = 200;

/** `GET /api/admin/audit` ([A73]). `action` ending in `.` is a prefix (`team.`), else exact. */
export const auditQuery = z.object({
  actor: z.uuid().optional(),
  action: z
    .string()
    .max(100)
    .regex(/^[a-z_.]+$/, 'an action is lower-case words joined by dots, such as team.add or team.')
    .optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  cursor: z
    .string()
    .regex(/^\d{1,18}$/, 'the cursor is the `next` of the page before')
    .optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(50),
});
export type AuditQuery = z.input<typeof auditQuery>;

const auditActorSchema = z.object({ id: z.string(), name: z.string(), email: z.string() });
export type AuditActor = z.infer<typeof auditActorSchema>;

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  action: z.string(),
  target: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  /** Who did it; null for the system or an unknown email's failed sign-in. */
  actor: auditActorSchema.nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditResponse = z.object({
  entries: z.array(auditEntrySchema),
  /** The cursor of the next page, or null at the end. */
  next: z.string().nullable(),
  /** Everyone who may appear as an actor, for the filter. */
  actors: z.array(auditActorSchema),
  /** Every action the log holds, for the filter. */
  actions: z.array(z.string()),
});
export type AuditResponse = z.infer<typeof auditResponse>;

/** `GET /api/admin/settings` ([A74]): what the installation is, read-only. */
export const settingsResponse = z.object({
  publicUrl: z.string(),
  database: z.object({ kind: z.enum(['postgresql', 'pglite']), version: z.string() }),
  queue: z.object({ kind: z.enum(['bullmq', 'in-process']) }),
  judge: z.object({
    // [A130] Whether each language can be judged here; `reason` (when not) says what to install.
    languages: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        runner: z.string(),
        available: z.boolean(),
        reason: z.string().optional(),
      }),
    ),
  }),
  email: z.object({ configured: z.boolean() }),
});
export type SettingsResponse = z.infer<typeof settingsResponse>;
