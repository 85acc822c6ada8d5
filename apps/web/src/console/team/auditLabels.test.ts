import { describe, expect, it } from 'vitest';
import { actionLabel, actionTone } from './auditLabels.ts';

describe('audit action labels', () => {
  it('[W22] known actions read as sentences, unknown ones as words, never as codes', () => {
    expect(actionLabel('team.deactivate')).toBe('Deactivated a member');
    expect(actionLabel('auth.sign_in_failed')).toBe('Sign-in failed');
    expect(actionLabel('problem.publish_version')).toBe('Problem publish version');
  });

  it('[W22] refusals and removals stand out from routine entries', () => {
    expect(actionTone('auth.sign_in_refused')).toBe('bad');
    expect(actionTone('team.deactivate')).toBe('bad');
    expect(actionTone('team.role')).toBe('warn');
    expect(actionTone('attempt.view')).toBe('neutral');
  });
});
