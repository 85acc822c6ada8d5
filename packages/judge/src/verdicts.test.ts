import { describe, expect, it } from 'vitest';
import { summarizeVerdicts, VERDICT_PRIORITY } from './verdicts.ts';

describe('summarizeVerdicts', () => {
  it('[J20] picks the highest-priority verdict present', () => {
    expect(summarizeVerdicts(['accepted', 'wrong_answer', 'accepted'])).toBe('wrong_answer');
    expect(summarizeVerdicts(['wrong_answer', 'time_limit_exceeded', 'runtime_error'])).toBe('time_limit_exceeded');
    expect(summarizeVerdicts(['memory_limit_exceeded', 'time_limit_exceeded'])).toBe('time_limit_exceeded');
    expect(summarizeVerdicts(['output_limit_exceeded', 'runtime_error'])).toBe('output_limit_exceeded');
    expect(summarizeVerdicts(['accepted', 'internal_error', 'compile_error'])).toBe('internal_error');
  });

  it('[J20] each verdict outranks every verdict after it in the list', () => {
    for (let i = 0; i < VERDICT_PRIORITY.length; i++) {
      for (let j = i + 1; j < VERDICT_PRIORITY.length; j++) {
        const higher = VERDICT_PRIORITY[i];
        const lower = VERDICT_PRIORITY[j];
        if (higher === undefined || lower === undefined) throw new Error('unreachable');
        expect(summarizeVerdicts([lower, higher])).toBe(higher);
      }
    }
  });

  it('[J20] an empty set of tests is accepted', () => {
    expect(summarizeVerdicts([])).toBe('accepted');
  });
});
