import type { ConsoleRoute } from '../consoleRoutes.ts';
import { Placeholder } from '../ui/Placeholder.tsx';

export const teamRoutes: ConsoleRoute[] = [
  { path: '/admin/team', title: 'Team', render: () => <Placeholder title="Team" /> },
  { path: '/admin/audit', title: 'Audit log', roles: ['admin'], render: () => <Placeholder title="Audit log" /> },
  { path: '/admin/settings', title: 'Settings', render: () => <Placeholder title="Settings" /> },
];
