// Monaco modules the app uses beyond its public API; the package ships them without declarations.
declare module 'monaco-editor/editor/browser/config/tabFocus.js' {
  /** Whether Tab moves the focus (true) or indents (false, the default); Ctrl+M / ⌃⇧M toggles it. */
  export const TabFocus: {
    getTabFocusMode(): boolean;
    setTabFocusMode(tabFocusMode: boolean): void;
    onDidChangeTabFocus(listener: (tabFocusMode: boolean) => void): { dispose(): void };
  };
}
