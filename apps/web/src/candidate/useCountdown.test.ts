import { describe, expect, it } from 'vitest';
import { timerUrgency } from './TopBar.tsx';
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

describe('the timer’s colour', () => {
  it('[W18] turns amber at 10 minutes left and red at 5', () => {
    expect(timerUrgency(10 * 60_000 + 1000)).toBe('normal');
    expect(timerUrgency(10 * 60_000)).toBe('low');
    expect(timerUrgency(5 * 60_000 + 1000)).toBe('low');
    expect(timerUrgency(5 * 60_000)).toBe('critical');
    expect(timerUrgency(0)).toBe('critical');
  });
});
