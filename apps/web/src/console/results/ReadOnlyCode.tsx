import type { LanguageId } from '@assay/contracts';
import { languageDefinition } from '@assay/judge/languages';
import { useEffect, useRef } from 'react';
import { monaco } from '../../editor/monaco.ts';
import { useDocumentTheme } from '../../ui/useDocumentTheme.ts';

const OPTIONS = {
  readOnly: true,
  automaticLayout: true,
  fontSize: 13,
  fontFamily: "'JetBrains Mono', 'Fira Code', ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  renderLineHighlight: 'none',
  padding: { top: 10 },
  tabSize: 2,
} as const;

/** [W36] Code as it is (final) or was (playback), read-only; its own model, replaced in place as the value changes. */
export default function ReadOnlyCode(props: { value: string; language: LanguageId; testId?: string }) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const theme = useDocumentTheme();

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new language is a new model, made with the value of the moment.
  useEffect(() => {
    if (!host.current) return;
    const model = monaco.editor.createModel(props.value, languageDefinition(props.language).monacoId);
    const instance = monaco.editor.create(host.current, { ...OPTIONS, model });
    editor.current = instance;
    return () => {
      instance.dispose();
      model.dispose();
      editor.current = null;
    };
  }, [props.language]);

  useEffect(() => {
    const model = editor.current?.getModel();
    if (model && model.getValue() !== props.value) model.setValue(props.value);
  }, [props.value]);

  useEffect(() => {
    monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs');
  }, [theme]);

  return <div ref={host} className="review-editor" data-testid={props.testId} />;
}
