import type { ConsoleRoute } from '../consoleRoutes.ts';
import { AssessmentResultsPage } from './AssessmentResultsPage.tsx';
import { AttemptReviewPage } from './AttemptReviewPage.tsx';
import { ResultsOverviewPage } from './ResultsOverviewPage.tsx';

export const resultRoutes: ConsoleRoute[] = [
  { path: '/admin/results', title: 'Results', render: () => <ResultsOverviewPage /> },
  {
    path: '/admin/assessments/:id/results',
    title: 'Assessment results',
    render: (params) => <AssessmentResultsPage key={params.id} id={params.id as string} />,
  },
  {
    path: '/admin/attempts/:id',
    title: 'Attempt review',
    render: (params) => <AttemptReviewPage key={params.id} id={params.id as string} />,
  },
];
