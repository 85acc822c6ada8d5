import { CLOSE_CODES } from '@assay/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type LiveStatus, openLiveChannel } from './liveChannel.ts';

/** A WebSocket the test opens and closes by hand. */
class FakeSocket {
  static opened: FakeSocket[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.opened.push(this);
  }
  close() {}
}

beforeEach(() => {
  FakeSocket.opened = [];
  vi.useFakeTimers();
  vi.stubGlobal('WebSocket', FakeSocket);
  vi.stubGlobal('location', { protocol: 'http:', host: 'assay.test' });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the live channel', () => {
  it('[W19] reconnects after a lost connection, with jittered backoff', () => {
    const statuses: LiveStatus[] = [];
    const stop = openLiveChannel(
      () => {},
      (s) => statuses.push(s),
      () => 0,
    );
    FakeSocket.opened[0]?.onopen?.();
    FakeSocket.opened[0]?.onclose?.({ code: 1006 });
    expect(statuses).toEqual([{ state: 'open' }, { state: 'reconnecting' }]);
    // Half of the first 500 ms step with the lowest jitter.
    vi.advanceTimersByTime(249);
    expect(FakeSocket.opened).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.opened).toHaveLength(2);
    expect(FakeSocket.opened[1]?.url).toBe('ws://assay.test/api/attempt/live');
    // A frame the server found too big is not a reason to give up.
    FakeSocket.opened[1]?.onclose?.({ code: CLOSE_CODES.MESSAGE_TOO_BIG });
    vi.advanceTimersByTime(1000);
    expect(FakeSocket.opened).toHaveLength(3);
    stop();
  });

  it('[W19] stops reconnecting when the session has too many sockets, and says why', () => {
    const statuses: LiveStatus[] = [];
    openLiveChannel(
      () => {},
      (s) => statuses.push(s),
    );
    FakeSocket.opened[0]?.onclose?.({ code: CLOSE_CODES.TOO_MANY_SOCKETS });
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.opened).toHaveLength(1);
    expect(statuses).toEqual([{ state: 'stopped', reason: expect.stringContaining('open in too many tabs') }]);
  });
});
