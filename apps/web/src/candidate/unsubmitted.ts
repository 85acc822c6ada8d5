import type { LanguageId } from '@assay/contracts';

/** What this browser last submitted for a task (kept across reloads), to tell whether the code changed since. */
export interface SubmittedCode {
  language: LanguageId;
  code: string;
}

const key = (attemptId: string, position: number) => `assay.submitted.${attemptId}.${position}`;

export function rememberSubmitted(attemptId: string, position: number, submitted: SubmittedCode): void {
  try {
    localStorage.setItem(key(attemptId, position), JSON.stringify(submitted));
  } catch {
    // Storage full or disabled: the Finish dialog falls back to "edited since the page opened".
  }
}

export function recallSubmitted(attemptId: string, position: number): SubmittedCode | undefined {
  try {
    const raw = localStorage.getItem(key(attemptId, position));
    return raw ? (JSON.parse(raw) as SubmittedCode) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether finishing now would submit this task's code for the candidate ([W16]): the server submits the
 * last saved code of every task whose code changed after its last submission ([A14]).
 */
export function hasUnsubmittedChanges(task: {
  /** The code in the editor, in the task's current language. */
  code: string;
  language: LanguageId;
  /** What this browser last submitted, when it knows. */
  submitted: SubmittedCode | undefined;
  /** The task has a submission (perhaps from another browser). */
  hasSubmission: boolean;
  /** Edited since this page opened. */
  edited: boolean;
  /** The server holds saved code for the task. */
  saved: boolean;
}): boolean {
  if (task.submitted) return task.submitted.code !== task.code || task.submitted.language !== task.language;
  if (task.hasSubmission) return task.edited;
  return task.edited || task.saved;
}
