import { describe, expect, it } from 'vitest';
import { BackgroundLoop } from './BackgroundLoop.ts';

describe('BackgroundLoop', () => {
  it('[A27] stop() waits for the run in progress, and no run starts after it', async () => {
    let finishRun: () => void = () => {};
    let runs = 0;
    const loop = new BackgroundLoop({
      name: 'test',
      everyMs: 1,
      run: () => {
        runs++;
        return new Promise<void>((resolve) => {
          finishRun = resolve;
        });
      },
      onError: () => {},
    }).start({ now: true });
    while (runs === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    let stopped = false;
    const stopping = loop.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false);
    finishRun();
    await stopping;
    expect(stopped).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(runs).toBe(1);
  });

  it('[A27] runs never overlap, and an error is reported without ending the loop', async () => {
    let active = 0;
    let most = 0;
    let runs = 0;
    const errors: unknown[] = [];
    const loop = new BackgroundLoop({
      name: 'test',
      everyMs: 1,
      run: async () => {
        runs++;
        active++;
        most = Math.max(most, active);
        await new Promise((resolve) => setTimeout(resolve, 5));
        active--;
        if (runs === 1) throw new Error('first run fails');
      },
      onError: (error) => errors.push(error),
    }).start();
    void loop.runOnce();
    while (runs < 4) await new Promise((resolve) => setTimeout(resolve, 2));
    await loop.stop();
    expect(most).toBe(1);
    expect(errors).toHaveLength(1);
  });
});
