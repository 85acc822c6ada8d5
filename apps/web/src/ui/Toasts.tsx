import { useCallback, useRef, useState } from 'react';

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'warning' | 'danger';
}

/** Short notices in a corner; each goes away by itself. */
export function useToasts() {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const push = useCallback((message: string, tone: Toast['tone'] = 'info', ms = 5000) => {
    const id = next.current++;
    setToasts((list) => [...list.filter((t) => t.message !== message), { id, message, tone }].slice(-3));
    setTimeout(() => setToasts((list) => list.filter((t) => t.id !== id)), ms);
  }, []);
  return { toasts, push };
}

export function Toasts({ toasts }: { toasts: Toast[] }) {
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.tone}`} data-testid="toast">
          {t.message}
        </div>
      ))}
    </div>
  );
}
