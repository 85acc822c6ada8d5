import { type AddMemberBody, type StaffRole, TEAM_LIST_MAX, type TeamMember } from '@assay/contracts';
import { and, asc, desc, eq, or } from 'drizzle-orm';
import type { Db } from '../db/openDatabase.ts';
import { sessions, users } from '../db/schema.ts';
import { BadInput, EmailTaken, LastAdmin, NotFound, SelfDeactivation } from '../errors.ts';
import { recordAudit } from './audit.ts';
import { generatePassword, hashPassword } from './secrets.ts';

// The team of staff ([A71]): who may sign in to the console, with which role. Every change is audited
// in the transaction that makes it, so the log never misses one nor records one that did not happen.

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type UserRow = typeof users.$inferSelect;

export function memberView(user: UserRow): TeamMember {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    active: user.active,
    createdAt: user.createdAt.toISOString(),
    deactivatedAt: user.deactivatedAt?.toISOString() ?? null,
    lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
  };
}

/** Active members first, then by name; at most TEAM_LIST_MAX. */
export async function listMembers(db: Db): Promise<TeamMember[]> {
  const rows = await db
    .select()
    .from(users)
    .orderBy(desc(users.active), asc(users.name), asc(users.email))
    .limit(TEAM_LIST_MAX);
  return rows.map(memberView);
}

/** Adds a member; without a password one is generated and answered, the only time it is seen. */
export async function addMember(
  db: Db,
  actorId: string,
  body: AddMemberBody,
): Promise<{ member: TeamMember; generatedPassword?: string }> {
  const email = body.email.toLowerCase();
  const generatedPassword = body.password === undefined ? generatePassword() : undefined;
  const passwordHash = await hashPassword(body.password ?? (generatedPassword as string));
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({ email, name: body.name, role: body.role, passwordHash })
      .onConflictDoNothing({ target: users.email })
      .returning();
    if (!created) throw new EmailTaken(email);
    await recordAudit(tx, {
      userId: actorId,
      action: 'team.add',
      target: created.id,
      detail: { email, name: body.name, role: body.role, password: generatedPassword ? 'generated' : 'typed' },
    });
    return { member: memberView(created), ...(generatedPassword ? { generatedPassword } : {}) };
  });
}

/**
 * Locks the member and every active admin, so two admins demoting or deactivating each other at once
 * cannot leave the team without one. One statement in id order: two such transactions take their
 * locks in the same order and wait for each other instead of deadlocking.
 */
async function lockForChange(tx: Tx, memberId: string): Promise<{ member: UserRow; otherActiveAdmins: number }> {
  const rows = await tx
    .select()
    .from(users)
    .where(or(eq(users.id, memberId), and(eq(users.role, 'admin'), eq(users.active, true))))
    .orderBy(asc(users.id))
    .for('update');
  const member = rows.find((row) => row.id === memberId);
  if (!member) throw new NotFound('the member of staff');
  return {
    member,
    otherActiveAdmins: rows.filter((row) => row.id !== memberId && row.role === 'admin' && row.active).length,
  };
}

const leavesNoAdmin = (member: UserRow, otherActiveAdmins: number) =>
  member.role === 'admin' && member.active && otherActiveAdmins === 0;

export async function changeRole(db: Db, actorId: string, memberId: string, role: StaffRole): Promise<TeamMember> {
  return db.transaction(async (tx) => {
    const { member, otherActiveAdmins } = await lockForChange(tx, memberId);
    if (member.role === role) return memberView(member);
    if (role !== 'admin' && leavesNoAdmin(member, otherActiveAdmins)) throw new LastAdmin(member.email);
    const [changed] = await tx.update(users).set({ role }).where(eq(users.id, memberId)).returning();
    await recordAudit(tx, {
      userId: actorId,
      action: 'team.role',
      target: memberId,
      detail: { email: member.email, from: member.role, to: role },
    });
    return memberView(changed as UserRow);
  });
}

/**
 * Deactivates a member and deletes every session they hold in the same transaction: staff sessions are
 * read on every request, so their next request is a 401 ([A71]). Reactivating lets them sign in again.
 */
export async function setActive(
  db: Db,
  actorId: string,
  memberId: string,
  active: boolean,
  now: Date,
): Promise<TeamMember> {
  if (!active && memberId === actorId) throw new SelfDeactivation();
  return db.transaction(async (tx) => {
    const { member, otherActiveAdmins } = await lockForChange(tx, memberId);
    if (member.active === active) return memberView(member);
    if (!active && leavesNoAdmin(member, otherActiveAdmins)) throw new LastAdmin(member.email);
    const [changed] = await tx
      .update(users)
      .set({ active, deactivatedAt: active ? null : now })
      .where(eq(users.id, memberId))
      .returning();
    const ended = active
      ? []
      : await tx.delete(sessions).where(eq(sessions.userId, memberId)).returning({ tokenHash: sessions.tokenHash });
    await recordAudit(tx, {
      userId: actorId,
      action: active ? 'team.reactivate' : 'team.deactivate',
      target: memberId,
      detail: { email: member.email, ...(active ? {} : { endedSessions: ended.length }) },
    });
    return memberView(changed as UserRow);
  });
}

/**
 * Sets a new password for a member who lost theirs ([A71]): typed by the admin, or generated and
 * answered once. Every session of the member ends, as after a deactivation. An admin's own password
 * is changed with the current one ([A72]), never here.
 */
export async function resetPassword(
  db: Db,
  actorId: string,
  memberId: string,
  password: string | undefined,
): Promise<{ member: TeamMember; generatedPassword?: string }> {
  if (memberId === actorId)
    throw new BadInput('to change your own password, use Settings: it asks for your current password');
  const generatedPassword = password === undefined ? generatePassword() : undefined;
  const passwordHash = await hashPassword(password ?? (generatedPassword as string));
  return db.transaction(async (tx) => {
    const [changed] = await tx.update(users).set({ passwordHash }).where(eq(users.id, memberId)).returning();
    if (!changed) throw new NotFound('the member of staff');
    const ended = await tx
      .delete(sessions)
      .where(eq(sessions.userId, memberId))
      .returning({ tokenHash: sessions.tokenHash });
    await recordAudit(tx, {
      userId: actorId,
      action: 'team.password_reset',
      target: memberId,
      detail: {
        email: changed.email,
        password: generatedPassword ? 'generated' : 'typed',
        endedSessions: ended.length,
      },
    });
    return { member: memberView(changed), ...(generatedPassword ? { generatedPassword } : {}) };
  });
}
