import type { ConsoleRoute } from '../consoleRoutes.ts';
import { Placeholder } from '../ui/Placeholder.tsx';

export const assessmentRoutes: ConsoleRoute[] = [
  { path: '/admin/assessments', title: 'Assessments', render: () => <Placeholder title="Assessments" /> },
];
