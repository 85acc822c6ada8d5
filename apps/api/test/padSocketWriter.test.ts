import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { type PadStore, type PadUpdateRow, PadWriter } from '../src/pads/padStore.ts';

// [A103] The one writer of pad updates: at once when idle, batched while a write is in flight, in
// order, retried on failure, and a row's promise resolves only after its INSERT.

class FakeStore implements PadStore {
  readonly batches: string[][] = [];
  failures = 0;
  private gate: (() => void) | undefined;
  private gated: Promise<void> | undefined;

  hold(): void {
    this.gated = new Promise((resolve) => {
      this.gate = resolve;
    });
  }

  open(): void {
    this.gate?.();
    this.gated = undefined;
  }

  async load(_padId: string, _doc: 0 | 1, _ydoc: Y.Doc): Promise<void> {}
  async compact(): Promise<void> {}

  async append(rows: readonly PadUpdateRow[]): Promise<void> {
    if (this.gated) await this.gated;
    if (this.failures > 0) {
      this.failures--;
      throw new Error('database down');
    }
    this.batches.push(rows.map((r) => r.padId));
  }
}

const row = (padId: string): PadUpdateRow => ({
  padId,
  doc: 0,
  participantId: null,
  origin: 'edit',
  update: new Uint8Array([0, 0]),
  at: new Date(),
});

describe('the pad update writer', () => {
  it('[A103] writes a row at once when idle and batches the rows that arrive during a write, in order', async () => {
    const store = new FakeStore();
    const writer = new PadWriter(store);
    store.hold();
    const first = writer.append(row('p1'));
    // Arriving while the first INSERT is in flight: one INSERT for all of them, after it.
    const rest = ['p2', 'p1', 'p3'].map((pad) => writer.append(row(pad)));
    await new Promise((r) => setTimeout(r, 20));
    expect(store.batches).toEqual([]);
    store.open();
    await Promise.all([first, ...rest]);
    expect(store.batches).toEqual([['p1'], ['p2', 'p1', 'p3']]);
  });

  it('[A103] a failed write is retried with backoff and nothing resolves before it commits', async () => {
    const store = new FakeStore();
    store.failures = 3;
    const errors: number[] = [];
    const writer = new PadWriter(store, { retryMs: 10, onError: (_e, attempt) => errors.push(attempt) });
    const done = writer.append(row('p'));
    let resolved = false;
    void done.then(() => {
      resolved = true;
    });
    await new Promise((r) => setTimeout(r, 15));
    expect(resolved).toBe(false);
    await done;
    expect(errors).toEqual([1, 2, 3]);
    expect(store.batches).toEqual([['p']]);
    await writer.close();
  });
});
