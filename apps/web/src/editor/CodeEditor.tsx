import type { LanguageId } from '@assay/contracts';
import { languageDefinition } from '@assay/judge/languages';
import { useEffect, useRef } from 'react';
import { monaco, TabFocus, typescript } from './monaco.ts';

export interface CodeEditorProps {
  /** One model per task and language, so each keeps its own undo history and scroll position. */
  modelKey: string;
  language: LanguageId;
  /** The text a model starts with the first time its key is shown. */
  initialValue: string;
  theme: 'light' | 'dark';
  readOnly: boolean;
  onChange: (modelKey: string, value: string) => void;
  onRun: () => void;
  onSubmit: () => void;
  onSave: () => void;
  /** Gives the page a way to read and replace the editor's text (reset to starter, proctoring). */
  onReady?: (handle: EditorHandle) => void;
  /** Whether Tab moves the focus out of the editor (toggled with Ctrl+M, ⌃⇧M on a Mac) or indents. */
  onTabMovesFocus?: (tabMovesFocus: boolean) => void;
}

export interface EditorHandle {
  selectedText(): string;
  replaceAll(text: string): void;
  /** Marks a compile error's line in the code on screen (cleared by the next edit), or clears it. */
  showError(error: { line: number; message: string } | null): void;
  focus(): void;
}

// The judge runs plain ECMAScript: no DOM, no Node. `console` is the one global the harness adds.
const JUDGE_GLOBALS = `declare const console: {
  log(...values: unknown[]): void; info(...values: unknown[]): void;
  warn(...values: unknown[]): void; error(...values: unknown[]): void; debug(...values: unknown[]): void;
};`;
for (const defaults of [typescript.typescriptDefaults, typescript.javascriptDefaults]) {
  defaults.setCompilerOptions({
    target: typescript.ScriptTarget.ES2020,
    lib: ['es2022'],
    strict: true,
    noEmit: true,
    allowNonTsExtensions: true,
  });
  defaults.addExtraLib(JUDGE_GLOBALS, 'file:///judge-globals.d.ts');
}

export default function CodeEditor(props: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const viewStates = useRef(new Map<string, monaco.editor.ICodeEditorViewState | null>());
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    if (!host.current) return;
    const instance = monaco.editor.create(host.current, {
      automaticLayout: true,
      fontSize: 14,
      fontFamily: "'JetBrains Mono', 'Fira Code', ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      tabSize: 2,
      padding: { top: 12 },
      renderLineHighlight: 'line',
      fixedOverflowWidgets: true,
    });
    editor.current = instance;
    instance.addAction({
      id: 'assay.run',
      label: 'Run sample tests',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Quote],
      run: () => latest.current.onRun(),
    });
    instance.addAction({
      id: 'assay.submit',
      label: 'Submit',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      run: () => latest.current.onSubmit(),
    });
    instance.addAction({
      id: 'assay.save',
      label: 'Save (automatic)',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS],
      run: () => latest.current.onSave(),
    });
    latest.current.onTabMovesFocus?.(TabFocus.getTabFocusMode());
    const tabFocus = TabFocus.onDidChangeTabFocus((mode) => latest.current.onTabMovesFocus?.(mode));
    const changes = instance.onDidChangeModelContent(() => {
      const model = instance.getModel();
      if (model) monaco.editor.setModelMarkers(model, 'assay', []);
      if (model) latest.current.onChange(String(model.uri.path.slice(1)), model.getValue());
    });
    latest.current.onReady?.({
      selectedText: () => {
        const selection = instance.getSelection();
        const model = instance.getModel();
        return selection && model ? model.getValueInRange(selection) : '';
      },
      replaceAll: (text) => {
        const model = instance.getModel();
        if (!model) return;
        // An edit, not setValue: the candidate can undo a reset.
        instance.pushUndoStop();
        instance.executeEdits('reset', [{ range: model.getFullModelRange(), text }]);
        instance.pushUndoStop();
      },
      focus: () => instance.focus(),
      showError: (error) => {
        const model = instance.getModel();
        if (!model) return;
        const line = error ? Math.min(Math.max(error.line, 1), model.getLineCount()) : 0;
        // The judge's column is not always on the same base, so the whole line is marked.
        monaco.editor.setModelMarkers(
          model,
          'assay',
          error
            ? [
                {
                  severity: monaco.MarkerSeverity.Error,
                  message: error.message,
                  startLineNumber: line,
                  startColumn: model.getLineFirstNonWhitespaceColumn(line) || 1,
                  endLineNumber: line,
                  endColumn: model.getLineMaxColumn(line),
                },
              ]
            : [],
        );
      },
    });
    return () => {
      changes.dispose();
      tabFocus.dispose();
      for (const model of monaco.editor.getModels()) model.dispose();
      instance.dispose();
      editor.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = editor.current;
    if (!instance) return;
    const uri = monaco.Uri.parse(`file:///${props.modelKey}`);
    const previous = instance.getModel();
    if (previous?.uri.toString() === uri.toString()) return;
    if (previous) viewStates.current.set(String(previous.uri.path.slice(1)), instance.saveViewState());
    const languageId = languageDefinition(props.language).monacoId;
    const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(props.initialValue, languageId, uri);
    instance.setModel(model);
    const state = viewStates.current.get(props.modelKey);
    if (state) instance.restoreViewState(state);
    // A read-only editor (a preview, a finished attempt) must not pull the page's scroll and focus to it.
    if (!props.readOnly) instance.focus();
  }, [props.modelKey, props.language, props.initialValue, props.readOnly]);

  useEffect(() => {
    editor.current?.updateOptions({ readOnly: props.readOnly });
  }, [props.readOnly]);

  useEffect(() => {
    monaco.editor.setTheme(props.theme === 'dark' ? 'vs-dark' : 'vs');
  }, [props.theme]);

  return <div ref={host} className="code-editor" />;
}
