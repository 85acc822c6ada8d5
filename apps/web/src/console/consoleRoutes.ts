import type { StaffUser } from '@assay/contracts';
import type { ReactNode } from 'react';
import { assessmentRoutes } from './assessments/assessmentRoutes.tsx';
import { padRoutes } from './pads/padRoutes.tsx';
import { problemRoutes } from './problems/problemRoutes.tsx';
import { resultRoutes } from './results/resultRoutes.tsx';
import { teamRoutes } from './team/teamRoutes.tsx';

/** One page of the console. */
export interface ConsoleRoute {
  /** `/admin/assessments/:id`; more specific patterns first within an area. */
  path: string;
  /** The browser tab's title. */
  title: string;
  /** Who may open it; every member of staff when unset. Others get a "not allowed" page. */
  roles?: StaffUser['role'][];
  render(params: Record<string, string>): ReactNode;
}

/** The console's sections, in the navigation's order. */
export const NAV_SECTIONS: { label: string; href: string; roles?: StaffUser['role'][] }[] = [
  { label: 'Problems', href: '/admin/problems' },
  { label: 'Assessments', href: '/admin/assessments' },
  { label: 'Results', href: '/admin/results' },
  { label: 'Pads', href: '/admin/pads' },
  { label: 'Team', href: '/admin/team', roles: ['admin'] },
  { label: 'Audit log', href: '/admin/audit', roles: ['admin'] },
  { label: 'Settings', href: '/admin/settings' },
];

/** Every page, each area's list in its own file so areas grow without touching each other. */
export const CONSOLE_ROUTES: ConsoleRoute[] = [
  ...problemRoutes,
  ...assessmentRoutes,
  ...resultRoutes,
  ...padRoutes,
  ...teamRoutes,
];
