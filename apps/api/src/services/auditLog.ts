import { type AuditEntry, type AuditResponse, TEAM_LIST_MAX } from '@assay/contracts';
import { and, asc, desc, eq, gte, like, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../db/openDatabase.ts';
import { auditLog, users } from '../db/schema.ts';
import { BadInput } from '../errors.ts';

/** Filters of the audit log page ([A73]); dates are instants, `to` excluded. */
export interface AuditFilter {
  actor?: string | undefined;
  /** Exact (`team.add`), or a prefix when it ends with a dot (`team.`). */
  action?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** The id of the last entry of the page before. */
  cursor?: string | undefined;
  limit: number;
}

/** The most distinct actions offered to the filter: the API writes a few dozen kinds, never more. */
const ACTIONS_MAX = 200;

/** The audit log newest first (by id: the order entries were written), one page, actors resolved. */
export async function readAuditLog(db: Db, filter: AuditFilter): Promise<AuditResponse> {
  if (filter.from && filter.to && filter.from >= filter.to)
    throw new BadInput('the date range is empty: `from` must be before `to`');
  const where: SQL[] = [];
  if (filter.actor) where.push(eq(auditLog.userId, filter.actor));
  if (filter.action)
    where.push(
      // The query schema allows only [a-z_.], so the pattern holds no wildcard but the ones added here;
      // `_` is a LIKE wildcard, hence escaped.
      filter.action.endsWith('.')
        ? like(auditLog.action, `${filter.action.replaceAll('_', '\\_')}%`)
        : eq(auditLog.action, filter.action),
    );
  if (filter.from) where.push(gte(auditLog.at, filter.from));
  if (filter.to) where.push(lt(auditLog.at, filter.to));
  if (filter.cursor) where.push(lt(auditLog.id, Number(filter.cursor)));

  const rows = await db
    .select({ entry: auditLog, actor: { id: users.id, name: users.name, email: users.email } })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(filter.limit + 1);
  const page = rows.slice(0, filter.limit);
  const entries: AuditEntry[] = page.map(({ entry, actor }) => ({
    id: String(entry.id),
    at: entry.at.toISOString(),
    action: entry.action,
    target: entry.target,
    detail: entry.detail,
    actor: actor?.id ? actor : null,
  }));

  const [actors, actions] = await Promise.all([
    db
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .orderBy(asc(users.name), asc(users.email))
      .limit(TEAM_LIST_MAX),
    db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.action)).limit(ACTIONS_MAX),
  ]);
  return {
    entries,
    next: rows.length > filter.limit ? (entries.at(-1)?.id ?? null) : null,
    actors,
    actions: actions.map((a) => a.action),
  };
}
