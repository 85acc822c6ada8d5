import type { PadConnection } from '@assay/collab';
import { type LanguageId, PAD_ORIGIN, type PadParticipant } from '@assay/contracts';
import { languageDefinition } from '@assay/judge/languages';
import { useEffect, useRef } from 'react';
import { MonacoBinding } from 'y-monaco';
import type * as Y from 'yjs';
import { monaco } from '../editor/monaco.ts';
import { CURSOR_LABEL_MS, cursorCss, cursorLabelShown, type PadAwarenessState } from './padLogic.ts';

export interface PadEditorProps {
  connection: PadConnection;
  /** The code document's shared text with cursors, or the interviewer's notes (no cursors, no paste events). */
  doc: 'code' | 'notes';
  /** Whose each awareness client id is (the `participants` event), to name remote cursors. */
  owners?: ReadonlyMap<number, PadParticipant>;
  /** The pad's language (the code editor's mode); notes are Markdown shown as plain text. */
  language?: LanguageId;
  readOnly: boolean;
  theme: 'light' | 'dark';
  /** Called on every keystroke and cursor move: the participant is active ([W47]). */
  onInput?: () => void;
  label: string;
  testId: string;
}

/**
 * A Monaco editor bound to one of the pad's Y.Texts with y-monaco ([W46]). For the code: remote cursors
 * and selections in each participant's colour with their name (one <style> per awareness client, named
 * by the server's `participants` event), and pastes labelled for playback ([W50]): the edit carries origin
 * PASTE, and a `paste` event says how long it was and whether it came from outside this pad's editor.
 */
/** The languages whose Monaco support marks errors (its TypeScript worker), by the owner of those markers. */
const CHECKED_LANGUAGES = ['javascript', 'typescript'] as const;

export default function PadEditor(props: PadEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const { connection, doc, owners } = props;

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const ytext: Y.Text = doc === 'code' ? connection.code.getText('code') : connection.notes.getText('notes');
    const model = monaco.editor.createModel(
      '',
      doc === 'code' ? languageDefinition(latest.current.language ?? 'javascript').monacoId : 'plaintext',
    );
    const editor = monaco.editor.create(element, {
      model,
      automaticLayout: true,
      fontSize: 14,
      fontFamily: "'JetBrains Mono', 'Fira Code', ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      tabSize: 2,
      padding: { top: 16 },
      renderLineHighlight: 'line',
      fixedOverflowWidgets: true,
      readOnly: latest.current.readOnly,
      wordWrap: doc === 'notes' ? 'on' : 'off',
      lineNumbers: doc === 'notes' ? 'off' : 'on',
      ...(doc === 'notes' ? { placeholder: 'Write your notes here (Markdown). Only staff see them.' } : {}),
      ariaLabel: latest.current.label,
    });
    editorRef.current = editor;
    const binding = new MonacoBinding(ytext, model, new Set([editor]), doc === 'code' ? connection.awareness : null);
    const disposables: monaco.IDisposable[] = [
      editor.onDidChangeModelContent(() => latest.current.onInput?.()),
      editor.onDidChangeCursorSelection(() => latest.current.onInput?.()),
      // [W65] Monaco's JavaScript and TypeScript checks run late (debounced, in a worker): one that
      // finishes after a switch to Python would leave its squiggles all over the Python code.
      // Cleared after this event is delivered: a change made while Monaco delivers one is never heard by
      // its squiggle painter, so the marks would stay on screen with no marker behind them.
      monaco.editor.onDidChangeMarkers((uris) => {
        if (!uris.some((uri) => uri.toString() === model.uri.toString())) return;
        setTimeout(() => {
          if (model.isDisposed()) return;
          for (const owner of CHECKED_LANGUAGES) {
            if (model.getLanguageId() === owner) continue;
            if (monaco.editor.getModelMarkers({ owner, resource: model.uri }).length > 0)
              monaco.editor.setModelMarkers(model, owner, []);
          }
        }, 0);
      }),
    ];

    let cleanup = () => {};
    if (doc === 'code') {
      // Text copied or cut from this editor: a paste of exactly that is not "from outside" ([W50]).
      let copied = '';
      const onCopy = () => {
        const selection = editor.getSelection();
        if (selection) copied = model.getValueInRange(selection);
      };
      let resetTimer: ReturnType<typeof setTimeout> | undefined;
      // Capture phase: before Monaco's own handler applies the paste, so its Yjs update carries PASTE.
      const onPaste = (event: ClipboardEvent) => {
        if (latest.current.readOnly) return;
        const text = event.clipboardData?.getData('text/plain') ?? '';
        connection.origin = PAD_ORIGIN.PASTE;
        // Monaco applies the paste after this event (it may read the clipboard asynchronously), then
        // fires onDidPaste, which puts EDIT back; the timer is for a paste Monaco ends up not applying.
        clearTimeout(resetTimer);
        resetTimer = setTimeout(() => {
          connection.origin = PAD_ORIGIN.EDIT;
        }, 1000);
        connection.sendEvent({ type: 'paste', chars: text.length, fromOutside: text !== copied });
      };
      element.addEventListener('copy', onCopy, true);
      element.addEventListener('cut', onCopy, true);
      element.addEventListener('paste', onPaste, true);
      disposables.push(
        editor.onDidPaste(() => {
          clearTimeout(resetTimer);
          connection.origin = PAD_ORIGIN.EDIT;
        }),
      );
      cleanup = () => {
        clearTimeout(resetTimer);
        element.removeEventListener('copy', onCopy, true);
        element.removeEventListener('cut', onCopy, true);
        element.removeEventListener('paste', onPaste, true);
      };
    }

    return () => {
      cleanup();
      for (const d of disposables) d.dispose();
      binding.destroy();
      editor.dispose();
      model.dispose();
      editorRef.current = null;
    };
  }, [connection, doc]);

  // Remote cursors' colours and names ([W46]): one rule set per awareness client, rebuilt on change. A
  // name shows for CURSOR_LABEL_MS after its caret moved, and while the mouse is over the caret.
  useEffect(() => {
    if (doc !== 'code') return;
    const style = document.createElement('style');
    style.dataset.padCursors = '';
    document.head.append(style);
    const selections = new Map<number, string>();
    const movedAt = new Map<number, number>();
    let hovered: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const render = () => {
      clearTimeout(timer);
      const now = Date.now();
      const rules: string[] = [];
      let next = Number.POSITIVE_INFINITY;
      for (const [clientId, state] of connection.awareness.getStates() as Map<number, PadAwarenessState>) {
        const owner = owners?.get(clientId);
        if (clientId === connection.code.clientID || !owner) continue;
        const selection = JSON.stringify(state.selection ?? null);
        if (selections.get(clientId) !== selection) {
          selections.set(clientId, selection);
          movedAt.set(clientId, now);
        }
        const moved = movedAt.get(clientId);
        const shown = cursorLabelShown(moved, now, hovered === clientId);
        if (shown && moved !== undefined) next = Math.min(next, moved + CURSOR_LABEL_MS);
        rules.push(cursorCss(clientId, owner, shown));
      }
      style.textContent = rules.join('\n');
      if (next < Number.POSITIVE_INFINITY) timer = setTimeout(render, Math.max(0, next - now) + 20);
    };
    // The caret takes no pointer events (clicks must reach the text), so hovering is a hit test.
    const caretUnder = (x: number, y: number): number | undefined => {
      for (const head of host.current?.querySelectorAll<HTMLElement>('.yRemoteSelectionHead') ?? []) {
        const box = head.getBoundingClientRect();
        if (x < box.left - 6 || x > box.right + 6 || y < box.top - 14 || y > box.bottom) continue;
        const id = /yRemoteSelectionHead-(\d+)/.exec(head.className)?.[1];
        if (id) return Number(id);
      }
      return undefined;
    };
    const onMouseMove = (event: MouseEvent) => {
      const under = caretUnder(event.clientX, event.clientY);
      if (under === hovered) return;
      hovered = under;
      render();
    };
    const onMouseLeave = () => {
      if (hovered === undefined) return;
      hovered = undefined;
      render();
    };
    const element = host.current;
    element?.addEventListener('mousemove', onMouseMove);
    element?.addEventListener('mouseleave', onMouseLeave);
    connection.awareness.on('change', render);
    render();
    return () => {
      clearTimeout(timer);
      element?.removeEventListener('mousemove', onMouseMove);
      element?.removeEventListener('mouseleave', onMouseLeave);
      connection.awareness.off('change', render);
      style.remove();
    };
  }, [connection, doc, owners]);

  useEffect(() => {
    editorRef.current?.updateOptions({ readOnly: props.readOnly });
  }, [props.readOnly]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (model && doc === 'code' && props.language)
      monaco.editor.setModelLanguage(model, languageDefinition(props.language).monacoId);
  }, [props.language, doc]);

  useEffect(() => {
    monaco.editor.setTheme(props.theme === 'dark' ? 'vs-dark' : 'vs');
  }, [props.theme]);

  return <div ref={host} className="code-editor" data-testid={props.testId} data-doc={doc} />;
}
