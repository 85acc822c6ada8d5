import type { ConsoleRoute } from '../consoleRoutes.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { PadPlaybackPage } from './playback/PadPlaybackPage.tsx';

export const padRoutes: ConsoleRoute[] = [
  {
    path: '/admin/pads',
    title: 'Pads',
    render: () => (
      <>
        <PageHeader title="Pads" subtitle="Live interview pads: co-editing, shared runs, private notes and playback." />
        <div className="empty-state" data-testid="pads-coming">
          <h2>Live pads are not available yet</h2>
          <p className="muted">
            This section will list your interview pads. Until then, use assessments to evaluate candidates.
          </p>
        </div>
      </>
    ),
  },
  // [W55] A pad's playback (helper D).
  {
    path: '/admin/pads/:id/playback',
    title: 'Pad playback',
    render: (params) => <PadPlaybackPage key={params.id} id={params.id as string} />,
  },
];
