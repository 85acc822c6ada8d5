import type { ConsoleRoute } from '../consoleRoutes.ts';
import { Placeholder } from '../ui/Placeholder.tsx';

export const problemRoutes: ConsoleRoute[] = [
  { path: '/admin/problems', title: 'Problems', render: () => <Placeholder title="Problems" /> },
];
