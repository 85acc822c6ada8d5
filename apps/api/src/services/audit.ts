import type { Db } from '../db/openDatabase.ts';
import { auditLog } from '../db/schema.ts';

/** One entry of the audit log ([A39]): who (a staff id, or null when unknown) did what to which target. */
export interface AuditEntry {
  userId: string | null | undefined;
  action: string;
  target: string;
  detail?: Record<string, unknown>;
}

export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insert(auditLog)
    .values({ userId: entry.userId ?? null, action: entry.action, target: entry.target, detail: entry.detail ?? {} });
}
