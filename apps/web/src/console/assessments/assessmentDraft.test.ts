import { describe, expect, it } from 'vitest';
import { type DraftTask, EMPTY_DRAFT, moved, toInput, validateDraft } from './assessmentDraft.ts';

const task = (title: string, points = '100'): DraftTask => ({
  key: title,
  problemVersionId: `00000000-0000-4000-8000-00000000000${title.length}`,
  ref: `pack/${title}`,
  title,
  difficulty: 'easy',
  points,
});

describe('the assessment builder form', () => {
  it('[W31] moves a task to another place, keeping every other in order', () => {
    const tasks = ['a', 'b', 'c', 'd'];
    expect(moved(tasks, 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(moved(tasks, 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moved(tasks, 1, 1)).toBe(tasks);
    expect(moved(tasks, 0, 9)).toBe(tasks);
  });

  it('[W31] says what each field lacks before anything is sent', () => {
    expect(validateDraft(EMPTY_DRAFT)).toEqual({
      title: 'Give the assessment a title.',
      tasks: 'Add at least one task from the library.',
    });
    const errors = validateDraft({
      ...EMPTY_DRAFT,
      title: 'Screen',
      durationMinutes: '0',
      languages: [],
      expiryDays: '400',
      tasks: [task('sum', '1001')],
    });
    expect(errors).toEqual({
      durationMinutes: 'Between 1 and 600 minutes.',
      languages: 'Allow at least one language.',
      expiryDays: 'Between 1 and 365 days.',
      tasks: 'Each task is worth 1 to 1000 points.',
    });
    expect(
      validateDraft({ ...EMPTY_DRAFT, title: 'Screen', expires: false, expiryDays: 'x', tasks: [task('a')] }),
    ).toEqual({});
  });

  it('[W31] sends the tasks in their order, and no expiry when invitations do not expire', () => {
    const input = toInput({ ...EMPTY_DRAFT, title: ' Screen ', expires: false, tasks: [task('bb', '50'), task('a')] });
    expect(input).toMatchObject({ title: 'Screen', durationMinutes: 70, invitationExpiryDays: null });
    expect(input.tasks).toEqual([
      { problemVersionId: task('bb').problemVersionId, points: 50 },
      { problemVersionId: task('a').problemVersionId, points: 100 },
    ]);
  });
});
