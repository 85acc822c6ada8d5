import type { AssessmentDetail, AssessmentInput, LanguageId } from '@assay/contracts';
import { LANGUAGES } from '@assay/judge/languages';

// The builder's form as typed ([W31]): what it lacks, and what it sends. Pure, so it is tested alone.

/** A task being built: which problem version, for how many points (as typed). */
export interface DraftTask {
  key: string;
  problemVersionId: string;
  ref: string;
  title: string;
  difficulty: string;
  points: string;
}

let nextKey = 0;
export const taskKey = () => `task-${nextKey++}`;

/** Moves the item at `from` to `to`. */
export function moved<T>(list: T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= list.length || to >= list.length) return list;
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item as T);
  return out;
}

export interface Draft {
  title: string;
  description: string;
  durationMinutes: string;
  languages: LanguageId[];
  proctoring: { fullscreen: boolean; recordEvents: boolean };
  expires: boolean;
  expiryDays: string;
  tasks: DraftTask[];
}

export type Errors = Partial<Record<'title' | 'durationMinutes' | 'languages' | 'expiryDays' | 'tasks', string>>;

const wholeIn = (text: string, min: number, max: number) => {
  const n = Number(text);
  return /^\d+$/.test(text.trim()) && n >= min && n <= max;
};

/** What the form lacks, field by field, before anything is sent ([W31]). */
export function validateDraft(draft: Draft): Errors {
  const errors: Errors = {};
  if (!draft.title.trim()) errors.title = 'Give the assessment a title.';
  else if (draft.title.length > 200) errors.title = 'Keep the title under 200 characters.';
  if (!wholeIn(draft.durationMinutes, 1, 600)) errors.durationMinutes = 'Between 1 and 600 minutes.';
  if (draft.languages.length === 0) errors.languages = 'Allow at least one language.';
  if (draft.expires && !wholeIn(draft.expiryDays, 1, 365)) errors.expiryDays = 'Between 1 and 365 days.';
  if (draft.tasks.length === 0) errors.tasks = 'Add at least one task from the library.';
  else if (draft.tasks.some((t) => !wholeIn(t.points, 1, 1000))) errors.tasks = 'Each task is worth 1 to 1000 points.';
  return errors;
}

export function toInput(draft: Draft): AssessmentInput {
  return {
    title: draft.title.trim(),
    description: draft.description,
    durationMinutes: Number(draft.durationMinutes),
    languages: draft.languages,
    proctoring: draft.proctoring,
    invitationExpiryDays: draft.expires ? Number(draft.expiryDays) : null,
    tasks: draft.tasks.map((t) => ({ problemVersionId: t.problemVersionId, points: Number(t.points) })),
  };
}

export const EMPTY_DRAFT: Draft = {
  title: '',
  description: '',
  durationMinutes: '70',
  languages: [...LANGUAGES],
  proctoring: { fullscreen: true, recordEvents: true },
  expires: true,
  expiryDays: '14',
  tasks: [],
};

export function fromDetail(a: AssessmentDetail): Draft {
  return {
    title: a.title,
    description: a.description,
    durationMinutes: String(a.durationMinutes),
    languages: a.languages,
    proctoring: a.proctoring,
    expires: a.invitationExpiryDays !== null,
    expiryDays: String(a.invitationExpiryDays ?? 14),
    tasks: a.tasks.map((t) => ({ ...t, key: taskKey(), points: String(t.points) })),
  };
}
