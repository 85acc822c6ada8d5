import { describe, expect, it } from 'vitest';
import { taskProgress } from './TaskSidebar.tsx';

describe('task status', () => {
  it('[W6] follows the best submission, then whether the code was touched', () => {
    expect(taskProgress(null, false)).toBe('not_started');
    expect(taskProgress(null, true)).toBe('in_progress');
    expect(taskProgress(0, true)).toBe('submitted');
    expect(taskProgress(0.47, true)).toBe('partial');
    expect(taskProgress(1, false)).toBe('solved');
  });
});
