import type { ConsoleRoute } from '../consoleRoutes.ts';
import { Placeholder } from '../ui/Placeholder.tsx';
import { authoringRoutes } from './authoring/authoringRoutes.tsx';

export const problemRoutes: ConsoleRoute[] = [
  ...authoringRoutes,
  { path: '/admin/problems', title: 'Problems', render: () => <Placeholder title="Problems" /> },
];
