import { useCallback, useRef, useState } from 'react';

/** A pane size in pixels, remembered in this browser. */
export function useStoredSize(key: string, initial: number, min: number, max: number) {
  const clamp = useCallback((n: number) => Math.round(Math.min(max, Math.max(min, n))), [min, max]);
  const [size, setSize] = useState(() => {
    const stored = Number(localStorage.getItem(key));
    return stored > 0 ? clamp(stored) : initial;
  });
  const resize = useCallback(
    (next: number) => {
      const clamped = clamp(next);
      setSize(clamped);
      localStorage.setItem(key, String(clamped));
    },
    [key, clamp],
  );
  return [size, resize] as const;
}

/**
 * A drag handle between two panes. Reports the pointer's travel since the drag began, so the parent
 * sets `start + delta` and clamps; the keyboard moves it in 16 px steps.
 */
export function Splitter(props: {
  axis: 'x' | 'y';
  label: string;
  size: number;
  onResize: (size: number) => void;
  /** The pane being sized is after the handle (below or right of it): dragging towards it shrinks it. */
  sizesPaneAfter?: boolean;
}) {
  const drag = useRef<{ origin: number; start: number } | null>(null);
  const coordinate = (e: React.PointerEvent) => (props.axis === 'x' ? e.clientX : e.clientY);
  const sign = props.sizesPaneAfter ? -1 : 1;
  const step = (direction: number) => props.onResize(props.size + sign * direction * 16);
  return (
    // biome-ignore lint/a11y/useSemanticElements: an <hr> cannot take focus and pointer drags
    <div
      className={`splitter splitter-${props.axis}`}
      role="separator"
      aria-orientation={props.axis === 'x' ? 'vertical' : 'horizontal'}
      aria-label={props.label}
      aria-valuenow={props.size}
      tabIndex={0}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        drag.current = { origin: coordinate(e), start: props.size };
      }}
      onPointerMove={(e) => {
        if (drag.current) props.onResize(drag.current.start + sign * (coordinate(e) - drag.current.origin));
      }}
      onPointerUp={() => {
        drag.current = null;
      }}
      onKeyDown={(e) => {
        const forward = props.axis === 'x' ? 'ArrowRight' : 'ArrowDown';
        const back = props.axis === 'x' ? 'ArrowLeft' : 'ArrowUp';
        if (e.key === forward) step(1);
        if (e.key === back) step(-1);
      }}
    />
  );
}
