import { PROCTOR_BATCH_EVENTS, type ProctorEventType } from '@assay/contracts';
import { api } from '../api/client.ts';

interface ProctorEvent {
  type: ProctorEventType;
  at: string;
  detail?: Record<string, unknown>;
}

export interface ProctoringOptions {
  /** Shown to the candidate when a signal is recorded: never a silent trap. */
  notify: (message: string) => void;
  /** The text selected in the code editor, so copies from it are known (Monaco keeps its own selection). */
  editorSelection: () => string;
}

const FLUSH_MS = 2000;

const NOTICES: Partial<Record<ProctorEventType, string>> = {
  tab_hidden: 'You left the assessment tab. This is recorded.',
  window_blur: 'The assessment window lost focus. This is recorded.',
  fullscreen_exit: 'You left fullscreen. This is recorded.',
};

/**
 * Records the signals the candidate was told about on the invitation page (tab hidden/visible, window
 * blur/focus, fullscreen exit/enter, paste with its length and origin, copy) with timestamps, and sends
 * them to the API in batches. Events that cannot be sent yet are kept and sent with the next batch.
 */
export function startProctoring(options: ProctoringOptions): () => void {
  const queue: ProctorEvent[] = [];
  let lastCopied = '';
  let sending = false;

  const record = (type: ProctorEventType, detail?: Record<string, unknown>, notice?: string) => {
    queue.push({ type, at: new Date().toISOString(), ...(detail ? { detail } : {}) });
    const message = notice ?? NOTICES[type];
    if (message) options.notify(message);
  };

  const flush = async (keepalive = false) => {
    if (sending || queue.length === 0) return;
    sending = true;
    const batch = queue.slice(0, PROCTOR_BATCH_EVENTS);
    try {
      if (keepalive) {
        // The page may be going away: let the browser finish the request without us.
        await fetch('/api/attempt/events', {
          method: 'POST',
          keepalive: true,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ events: batch }),
        });
      } else {
        await api('POST', '/api/attempt/events', { events: batch });
      }
      queue.splice(0, batch.length);
    } catch {
      // Kept for the next batch.
    } finally {
      sending = false;
    }
  };

  const insideEditor = (target: EventTarget | null) =>
    target instanceof Element && target.closest('.monaco-editor') !== null;

  const onVisibility = () => {
    if (document.visibilityState === 'hidden') {
      record('tab_hidden');
      void flush(true);
    } else record('tab_visible');
  };
  const onBlur = () => record('window_blur');
  const onFocus = () => record('window_focus');
  const onFullscreen = () => record(document.fullscreenElement ? 'fullscreen_enter' : 'fullscreen_exit');
  const onCopy = (event: ClipboardEvent) => {
    const text = insideEditor(event.target) ? options.editorSelection() : (window.getSelection()?.toString() ?? '');
    lastCopied = text;
    record('copy', { length: text.length, from: insideEditor(event.target) ? 'editor' : 'page' });
  };
  const onPaste = (event: ClipboardEvent) => {
    const text = event.clipboardData?.getData('text/plain') ?? '';
    const fromOutside = text !== lastCopied;
    record(
      'paste',
      { length: text.length, fromOutside, into: insideEditor(event.target) ? 'editor' : 'page' },
      fromOutside ? `Pasted ${text.length} characters from outside the assessment. This is recorded.` : undefined,
    );
  };

  const onUnload = () => void flush(true);
  // Capture phase for the clipboard: the editor handles those events itself and may stop them bubbling.
  const listeners: [EventTarget, string, (event: never) => void, boolean][] = [
    [document, 'visibilitychange', onVisibility, false],
    [window, 'blur', onBlur, false],
    [window, 'focus', onFocus, false],
    [document, 'fullscreenchange', onFullscreen, false],
    [document, 'copy', onCopy, true],
    [document, 'cut', onCopy, true],
    [document, 'paste', onPaste, true],
    [window, 'pagehide', onUnload, false],
  ];
  for (const [target, type, listener, capture] of listeners)
    target.addEventListener(type, listener as EventListener, capture);
  const interval = setInterval(() => void flush(), FLUSH_MS);

  return () => {
    for (const [target, type, listener, capture] of listeners) {
      target.removeEventListener(type, listener as EventListener, capture);
    }
    clearInterval(interval);
    void flush(true);
  };
}
