import type { ConsoleRoute } from '../consoleRoutes.ts';
import { AuditPage } from './AuditPage.tsx';
import { SettingsPage } from './SettingsPage.tsx';
import { TeamPage } from './TeamPage.tsx';

export const teamRoutes: ConsoleRoute[] = [
  { path: '/admin/team', title: 'Team', roles: ['admin'], render: () => <TeamPage /> },
  { path: '/admin/audit', title: 'Audit log', roles: ['admin'], render: () => <AuditPage /> },
  { path: '/admin/settings', title: 'Settings', render: () => <SettingsPage /> },
];
