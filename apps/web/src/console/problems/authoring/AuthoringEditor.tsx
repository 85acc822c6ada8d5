import 'monaco-editor/languages/definitions/markdown/register.js';
import type { LanguageId } from '@assay/contracts';
import { languageDefinition } from '@assay/judge/languages';
import { useContext, useEffect, useRef } from 'react';
import { monaco } from '../../../editor/monaco.ts';
import { useDocumentTheme } from '../../../ui/useDocumentTheme.ts';
import { ReadOnlyEditors } from './readOnlyEditors.ts';

export interface AuthoringEditorProps {
  /** One model per key (a solution, the statement), so each keeps its own undo history. */
  modelKey: string;
  language: 'markdown' | LanguageId;
  value: string;
  onChange(value: string): void;
  /** The editor's accessible name. */
  label: string;
}

const models = new Map<string, monaco.editor.ITextModel>();

/** Monaco for authoring: the statement in Markdown, solutions in any judged language, checkers in JavaScript. */
export default function AuthoringEditor(props: AuthoringEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const theme = useDocumentTheme();
  const readOnly = useContext(ReadOnlyEditors);

  useEffect(() => {
    if (!host.current) return;
    const instance = monaco.editor.create(host.current, {
      automaticLayout: true,
      fontSize: 13,
      fontFamily: "'JetBrains Mono', 'Fira Code', ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      tabSize: 2,
      padding: { top: 10 },
      wordWrap: 'on',
      fixedOverflowWidgets: true,
      ariaLabel: latest.current.label,
    });
    editor.current = instance;
    const sub = instance.onDidChangeModelContent(() => {
      const value = instance.getValue();
      if (value !== latest.current.value) latest.current.onChange(value);
    });
    return () => {
      sub.dispose();
      instance.dispose();
      editor.current = null;
    };
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the model follows its key and language; its text follows value below
  useEffect(() => {
    const key = `${props.modelKey}:${props.language}`;
    let model = models.get(key);
    if (!model || model.isDisposed()) {
      model = monaco.editor.createModel(
        props.value,
        props.language === 'markdown' ? 'markdown' : languageDefinition(props.language).monacoId,
      );
      models.set(key, model);
    }
    editor.current?.setModel(model);
  }, [props.modelKey, props.language]);

  useEffect(() => {
    const model = editor.current?.getModel();
    // A change from outside (compute expected, a reload) replaces the text; typing never gets here.
    if (model && model.getValue() !== props.value) model.setValue(props.value);
  }, [props.value]);

  useEffect(() => {
    monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs');
  }, [theme]);

  useEffect(() => {
    editor.current?.updateOptions({ readOnly });
  }, [readOnly]);

  return <div className="authoring-editor" ref={host} data-testid={`editor-${props.modelKey}`} />;
}
