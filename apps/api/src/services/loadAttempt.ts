import { eq } from 'drizzle-orm';
import type { Db } from '../db/openDatabase.ts';
import { attempts } from '../db/schema.ts';
import { NotFound } from '../errors.ts';
import type { JudgeQueue } from '../queue/JudgeQueue.ts';

export interface AttemptDeps {
  db: Db;
  queue: JudgeQueue;
  now: () => Date;
}

export type AttemptRow = typeof attempts.$inferSelect;

export async function loadAttempt(db: Db, attemptId: string): Promise<AttemptRow> {
  const [attempt] = await db.select().from(attempts).where(eq(attempts.id, attemptId));
  if (!attempt) throw new NotFound('the attempt');
  return attempt;
}
