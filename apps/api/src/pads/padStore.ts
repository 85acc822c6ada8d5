import type { PadDoc, PadOriginName } from '@assay/contracts';
import { and, asc, eq, gt, lt, max, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Db } from '../db/openDatabase.ts';
import { padSnapshots, padUpdates } from '../db/schema.ts';

/** One Yjs update as it is appended to `pad_updates` ([A103]). */
export interface PadUpdateRow {
  padId: string;
  doc: PadDoc;
  participantId: string | null;
  origin: PadOriginName;
  update: Uint8Array;
  at: Date;
}

/**
 * Where a pad's documents live ([A103]), in three hooks: `load` applies a document's stored state to a
 * fresh Y.Doc, `append` commits rows (resolving only once they are durable), `compact` folds old rows
 * into the document's snapshot. The update log itself is never rewritten: playback replays it ([A108]).
 */
export interface PadStore {
  load(padId: string, doc: PadDoc, ydoc: Y.Doc): Promise<void>;
  append(rows: readonly PadUpdateRow[]): Promise<void>;
  compact(padId: string, doc: PadDoc, olderThan: Date): Promise<void>;
}

/**
 * Rows newer than this are left out of a compaction: an update another instance inserted with a lower
 * id may commit a moment after a higher one is visible, and a snapshot's `upto_id` must never pass it.
 */
export const COMPACT_MIN_AGE_MS = 10_000;

/** The PostgreSQL (or PGlite) store, over drizzle. */
export class PgPadStore implements PadStore {
  constructor(private readonly db: Db) {}

  async load(padId: string, doc: PadDoc, ydoc: Y.Doc): Promise<void> {
    const [snapshot] = await this.db
      .select()
      .from(padSnapshots)
      .where(and(eq(padSnapshots.padId, padId), eq(padSnapshots.doc, doc)));
    const uptoId = snapshot?.uptoId ?? 0;
    const rows = await this.db
      .select({ update: padUpdates.update })
      .from(padUpdates)
      .where(and(eq(padUpdates.padId, padId), eq(padUpdates.doc, doc), gt(padUpdates.id, uptoId)))
      .orderBy(asc(padUpdates.id));
    const updates = [
      ...(snapshot ? [new Uint8Array(snapshot.state)] : []),
      ...rows.map((r) => new Uint8Array(r.update)),
    ];
    if (updates.length > 0) Y.applyUpdate(ydoc, Y.mergeUpdates(updates));
  }

  async append(rows: readonly PadUpdateRow[]): Promise<void> {
    if (rows.length === 0) return;
    // One multi-row INSERT: one round trip, and all of the batch or none of it.
    await this.db.insert(padUpdates).values(
      rows.map((row) => ({
        padId: row.padId,
        doc: row.doc,
        participantId: row.participantId,
        origin: row.origin,
        update: Buffer.from(row.update),
        at: row.at,
      })),
    );
  }

  async compact(padId: string, doc: PadDoc, olderThan: Date): Promise<void> {
    const [snapshot] = await this.db
      .select()
      .from(padSnapshots)
      .where(and(eq(padSnapshots.padId, padId), eq(padSnapshots.doc, doc)));
    const fromId = snapshot?.uptoId ?? 0;
    const [bound] = await this.db
      .select({ upto: max(padUpdates.id) })
      .from(padUpdates)
      .where(
        and(
          eq(padUpdates.padId, padId),
          eq(padUpdates.doc, doc),
          gt(padUpdates.id, fromId),
          lt(padUpdates.at, olderThan),
        ),
      );
    const upto = bound?.upto === null || bound?.upto === undefined ? undefined : Number(bound.upto);
    if (upto === undefined) return;
    const rows = await this.db
      .select({ update: padUpdates.update })
      .from(padUpdates)
      .where(
        and(
          eq(padUpdates.padId, padId),
          eq(padUpdates.doc, doc),
          gt(padUpdates.id, fromId),
          sql`${padUpdates.id} <= ${upto}`,
        ),
      )
      .orderBy(asc(padUpdates.id));
    const state = Y.mergeUpdates([
      ...(snapshot ? [new Uint8Array(snapshot.state)] : []),
      ...rows.map((r) => new Uint8Array(r.update)),
    ]);
    const values = { padId, doc, state: Buffer.from(state), uptoId: upto, updatedAt: new Date() };
    // Two instances compacting at once: the one that got further wins, neither goes back.
    await this.db
      .insert(padSnapshots)
      .values(values)
      .onConflictDoUpdate({
        target: [padSnapshots.padId, padSnapshots.doc],
        set: { state: values.state, uptoId: upto, updatedAt: values.updatedAt },
        setWhere: sql`${padSnapshots.uptoId} < ${upto}`,
      });
  }
}

interface Queued {
  row: PadUpdateRow;
  resolve: () => void;
  reject: (error: Error) => void;
}

export interface PadWriterOptions {
  /** Rows per INSERT at most. */
  batchRows?: number;
  /** First retry after a failed write; doubles up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
  onError?: (error: unknown, attempt: number) => void;
}

/**
 * The one writer of every pad's updates in this process ([A103]). A row is written at once when the
 * writer is idle; rows arriving while a write is in flight wait for it and go together in the next
 * multi-row INSERT, so under normal load a row is durable well within 250 ms of arriving. A failed
 * write is retried with backoff, in order, and a row's promise resolves only once its INSERT committed:
 * the socket acknowledges nothing that is not stored.
 */
export class PadWriter {
  private queue: Queued[] = [];
  private writing: Promise<void> | undefined;
  private closed = false;
  private readonly options: Required<Omit<PadWriterOptions, 'onError'>> & Pick<PadWriterOptions, 'onError'>;

  constructor(
    private readonly store: PadStore,
    options: PadWriterOptions = {},
  ) {
    this.options = { batchRows: 500, retryMs: 50, maxRetryMs: 2000, ...options };
  }

  /** Queues a row; resolves once it is committed. */
  append(row: PadUpdateRow): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the pad writer is closed'));
    const done = new Promise<void>((resolve, reject) => this.queue.push({ row, resolve, reject }));
    if (!this.writing) this.writing = this.drain();
    return done;
  }

  /** Rows queued or being written. */
  get backlog(): number {
    return this.queue.length;
  }

  /** Resolves once every row queued so far is written (or given up at close). */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.slice(0, this.options.batchRows);
        let delay = this.options.retryMs;
        for (let attempt = 1; ; attempt++) {
          try {
            await this.store.append(batch.map((q) => q.row));
            break;
          } catch (error) {
            this.options.onError?.(error, attempt);
            if (this.closed) {
              for (const q of this.queue) q.reject(new Error('the pad writer closed before the row was stored'));
              this.queue = [];
              return;
            }
            await new Promise((r) => setTimeout(r, delay));
            delay = Math.min(delay * 2, this.options.maxRetryMs);
          }
        }
        this.queue.splice(0, batch.length);
        for (const q of batch) q.resolve();
      }
    } finally {
      this.writing = undefined;
    }
  }

  /** Refuses new rows and writes what is queued (one try per batch: a database that is down loses the unacknowledged). */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }
}
