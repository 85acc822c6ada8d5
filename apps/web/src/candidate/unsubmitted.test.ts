import { describe, expect, it } from 'vitest';
import { hasUnsubmittedChanges } from './unsubmitted.ts';

const base = { code: 'a', language: 'javascript' as const, submitted: undefined, hasSubmission: false };

describe('unsubmitted changes', () => {
  it('[W16] a task counts when its code differs from what this browser last submitted', () => {
    const submitted = { language: 'javascript' as const, code: 'a' };
    expect(hasUnsubmittedChanges({ ...base, submitted, edited: true, saved: true })).toBe(false);
    expect(hasUnsubmittedChanges({ ...base, code: 'b', submitted, edited: true, saved: true })).toBe(true);
    expect(hasUnsubmittedChanges({ ...base, language: 'typescript', submitted, edited: false, saved: true })).toBe(
      true,
    );
  });

  it('[W16] without a record: edited since a submission, or saved code never submitted', () => {
    expect(hasUnsubmittedChanges({ ...base, hasSubmission: true, edited: false, saved: true })).toBe(false);
    expect(hasUnsubmittedChanges({ ...base, hasSubmission: true, edited: true, saved: true })).toBe(true);
    expect(hasUnsubmittedChanges({ ...base, edited: false, saved: true })).toBe(true);
    expect(hasUnsubmittedChanges({ ...base, edited: false, saved: false })).toBe(false);
  });
});
