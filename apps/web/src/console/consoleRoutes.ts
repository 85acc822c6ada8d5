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

/** The pages under `/admin/<name>`. */
function section(name: string): RegExp {
  return new RegExp(`^/admin/${name}(/|\\?|$)`);
}

/** The console's sections, in the navigation's order, and which pages light each one up. */
export const NAV_SECTIONS: { label: string; href: string; roles?: StaffUser['role'][]; pages: RegExp }[] = [
  { label: 'Problems', href: '/admin/problems', pages: section('problems') },
  // An assessment's results and an attempt's review belong to Results, not to the assessment.
  { label: 'Assessments', href: '/admin/assessments', pages: /^\/admin\/assessments(?!\/[^/?]+\/results)(\/|\?|$)/ },
  {
    label: 'Results',
    href: '/admin/results',
    pages: /^\/admin\/(results|attempts|assessments\/[^/?]+\/results)(\/|\?|$)/,
  },
  { label: 'Pads', href: '/admin/pads', pages: section('pads') },
  { label: 'Team', href: '/admin/team', roles: ['admin'], pages: section('team') },
  { label: 'Audit log', href: '/admin/audit', roles: ['admin'], pages: section('audit') },
  { label: 'Settings', href: '/admin/settings', pages: section('settings') },
];

/** Every page, each area's list in its own file so areas grow without touching each other. */
export const CONSOLE_ROUTES: ConsoleRoute[] = [
  ...problemRoutes,
  ...assessmentRoutes,
  ...resultRoutes,
  ...padRoutes,
  ...teamRoutes,
];
