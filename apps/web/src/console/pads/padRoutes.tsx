import type { ConsoleRoute } from '../consoleRoutes.ts';
import { PadListPage } from './PadListPage.tsx';

export const padRoutes: ConsoleRoute[] = [
  {
    path: '/admin/pads',
    title: 'Pads',
    render: () => <PadListPage />,
  },
];
