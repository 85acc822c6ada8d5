import { PageHeader } from './PageHeader.tsx';

/** A section whose page is still being built. */
export function Placeholder({ title }: { title: string }) {
  return (
    <>
      <PageHeader title={title} />
      <div className="empty-state">
        <p className="muted">Nothing here yet.</p>
      </div>
    </>
  );
}
