import type { ConsoleRoute } from '../consoleRoutes.ts';
import { PadListPage } from './PadListPage.tsx';
import { PadPlaybackPage } from './playback/PadPlaybackPage.tsx';

export const padRoutes: ConsoleRoute[] = [
  {
    path: '/admin/pads',
    title: 'Pads',
    render: () => <PadListPage />,
  },
  // [W55] A pad's playback.
  {
    path: '/admin/pads/:id/playback',
    title: 'Pad playback',
    render: (params) => <PadPlaybackPage key={params.id} id={params.id as string} />,
  },
];
