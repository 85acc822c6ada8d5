// How audit actions read on the Audit log page ([W22]): people read "Deactivated a member", not
// `team.deactivate`. An action written by an area that is not listed here still reads as words.

const LABELS: Record<string, string> = {
  'auth.sign_in': 'Signed in',
  'auth.sign_in_failed': 'Sign-in failed',
  'auth.sign_in_refused': 'Sign-in refused',
  'auth.password_change': 'Changed their password',
  'team.add': 'Added a member',
  'team.role': 'Changed a role',
  'team.deactivate': 'Deactivated a member',
  'team.reactivate': 'Reactivated a member',
  'team.password_reset': 'Reset a password',
  'assessment.create': 'Created an assessment',
  'invitations.create': 'Invited candidates',
  'results.export': 'Exported results',
  'attempt.view': 'Viewed an attempt',
};

/** Groups offered first in the action filter: a prefix ending in a dot matches every action under it. */
export const ACTION_GROUPS: { value: string; label: string }[] = [
  { value: 'team.', label: 'All team changes' },
  { value: 'auth.', label: 'All sign-ins and passwords' },
];

/** `team.deactivate` → "Deactivated a member"; an unknown `problem.publish` → "Problem publish". */
export function actionLabel(action: string): string {
  const known = LABELS[action];
  if (known) return known;
  const words = action.replaceAll(/[._]/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The tone of an action's badge: refusals and removals stand out. */
export function actionTone(action: string): 'ok' | 'bad' | 'warn' | 'neutral' {
  if (action.endsWith('_failed') || action.endsWith('_refused') || action.endsWith('.deactivate')) return 'bad';
  if (action.startsWith('team.') || action === 'auth.password_change') return 'warn';
  if (action === 'auth.sign_in') return 'ok';
  return 'neutral';
}
