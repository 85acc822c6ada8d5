import type { LanguageId } from '@assay/contracts';
import { languageDefinition } from '@assay/judge/languages';
import { useEffect, useRef } from 'react';
import { monaco } from '../../editor/monaco.ts';
import { useDocumentTheme } from '../../ui/useDocumentTheme.ts';

/** [W36] Two versions of a task's code side by side, read-only (Monaco's diff editor). */
export default function CodeDiff(props: { original: string; modified: string; language: LanguageId }) {
  const host = useRef<HTMLDivElement>(null);
  const models = useRef<{ original: monaco.editor.ITextModel; modified: monaco.editor.ITextModel } | null>(null);
  const theme = useDocumentTheme();

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new language is new models, made with the texts of the moment.
  useEffect(() => {
    if (!host.current) return;
    const id = languageDefinition(props.language).monacoId;
    const pair = {
      original: monaco.editor.createModel(props.original, id),
      modified: monaco.editor.createModel(props.modified, id),
    };
    const diff = monaco.editor.createDiffEditor(host.current, {
      readOnly: true,
      originalEditable: false,
      automaticLayout: true,
      renderSideBySide: true,
      fontSize: 13,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
    });
    diff.setModel(pair);
    models.current = pair;
    return () => {
      diff.dispose();
      pair.original.dispose();
      pair.modified.dispose();
      models.current = null;
    };
  }, [props.language]);

  useEffect(() => {
    const pair = models.current;
    if (!pair) return;
    if (pair.original.getValue() !== props.original) pair.original.setValue(props.original);
    if (pair.modified.getValue() !== props.modified) pair.modified.setValue(props.modified);
  }, [props.original, props.modified]);

  useEffect(() => {
    monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs');
  }, [theme]);

  return <div ref={host} className="review-editor review-diff" data-testid="submission-diff" />;
}
