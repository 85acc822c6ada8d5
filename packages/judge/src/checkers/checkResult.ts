/** What a checker says of one answer. `message` explains a rejection for sample tests. */
export type CheckResult = { ok: true } | { ok: false; message: string };

export const OK: CheckResult = { ok: true };

export function reject(message: string): CheckResult {
  return { ok: false, message };
}
