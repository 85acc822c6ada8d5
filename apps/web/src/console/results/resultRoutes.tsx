import type { ConsoleRoute } from '../consoleRoutes.ts';
import { Placeholder } from '../ui/Placeholder.tsx';

export const resultRoutes: ConsoleRoute[] = [
  { path: '/admin/results', title: 'Results', render: () => <Placeholder title="Results" /> },
];
