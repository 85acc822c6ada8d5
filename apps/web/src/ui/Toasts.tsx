import { useCallback, useRef, useState } from 'react';

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'warning' | 'danger';
  /** Toasts of one group replace each other: at most one is on screen ([W18]). */
  group?: string;
  /** How many notices of its group this one stands for. */
  count: number;
}

export interface ToastOptions {
  tone?: Toast['tone'];
  ms?: number;
  group?: string;
}

/** At most this many toasts at once: older ones give way. */
const MAX_TOASTS = 3;

/**
 * The list after a new notice ([W18]): a notice of a group already on screen takes its place and counts
 * it (three proctoring notices in a row are one toast, "×3"); the same message again moves to the end.
 */
export function addToast(list: Toast[], toast: Omit<Toast, 'count'>): Toast[] {
  const same = list.find((t) => (toast.group !== undefined && t.group === toast.group) || t.message === toast.message);
  const count = same?.group !== undefined && same.group === toast.group ? same.count + 1 : 1;
  return [...list.filter((t) => t !== same), { ...toast, count }].slice(-MAX_TOASTS);
}

/** Short notices in a corner; each goes away by itself. */
export function useToasts() {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const push = useCallback((message: string, options: ToastOptions = {}) => {
    const { tone = 'info', ms = 5000, group } = options;
    const id = next.current++;
    setToasts((list) => addToast(list, { id, message, tone, ...(group ? { group } : {}) }));
    setTimeout(() => setToasts((list) => list.filter((t) => t.id !== id)), ms);
  }, []);
  return { toasts, push };
}

export function Toasts({ toasts }: { toasts: Toast[] }) {
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.tone}`} data-testid="toast" data-group={t.group}>
          {t.message}
          {t.count > 1 && (
            <span className="toast-count" title={`${t.count} notices`}>
              ×{t.count}
            </span>
          )}
        </div>
      ))}
    </div>
  );
}
