import { describe, expect, it } from 'vitest';
import { formatClock } from './useCountdown.ts';

describe('the timer', () => {
  it('[W5] shows hours only when there are any, and rounds a started second up', () => {
    expect(formatClock(70 * 60_000)).toBe('1:10:00');
    expect(formatClock(59 * 60_000 + 5_000)).toBe('59:05');
    expect(formatClock(61_000)).toBe('1:01');
    expect(formatClock(400)).toBe('0:01');
    expect(formatClock(0)).toBe('0:00');
  });
});
