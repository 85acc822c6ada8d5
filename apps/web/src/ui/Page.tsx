import type { ReactNode } from 'react';

/** A page outside the workspace: a narrow column under the Assay mark. */
export function Page({ testId, children }: { testId?: string; children: ReactNode }) {
  return (
    <main className="page narrow" data-testid={testId}>
      <div className="page-brand">
        <span className="brand-mark">A</span> Assay
      </div>
      {children}
    </main>
  );
}
