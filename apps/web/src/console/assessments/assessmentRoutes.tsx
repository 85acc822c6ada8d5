import type { ConsoleRoute } from '../consoleRoutes.ts';
import { AssessmentBuilderPage } from './AssessmentBuilderPage.tsx';
import { AssessmentDetailPage } from './AssessmentDetailPage.tsx';
import { AssessmentListPage } from './AssessmentListPage.tsx';
import { AssessmentPreviewPage } from './AssessmentPreviewPage.tsx';

// `/admin/assessments/:id/results` belongs to the results area (resultRoutes.tsx).
export const assessmentRoutes: ConsoleRoute[] = [
  { path: '/admin/assessments', title: 'Assessments', render: () => <AssessmentListPage /> },
  {
    path: '/admin/assessments/new',
    title: 'New assessment',
    roles: ['admin'],
    render: () => <AssessmentBuilderPage />,
  },
  {
    path: '/admin/assessments/:id/edit',
    title: 'Edit assessment',
    roles: ['admin'],
    render: (params) => <AssessmentBuilderPage id={params.id as string} />,
  },
  {
    path: '/admin/assessments/:id/preview',
    title: 'Preview',
    render: (params) => <AssessmentPreviewPage id={params.id as string} />,
  },
  {
    path: '/admin/assessments/:id',
    title: 'Assessment',
    render: (params) => <AssessmentDetailPage key={params.id} id={params.id as string} />,
  },
];
