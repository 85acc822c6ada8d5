import type { ConsoleRoute } from '../consoleRoutes.ts';
import { ProblemLibraryPage } from './ProblemLibraryPage.tsx';
import { ProblemPreviewPage } from './ProblemPreviewPage.tsx';

// The authoring helper's routes (`/admin/problems/drafts/…`) go before the library's: `:id` below is a
// version's uuid, and anything else there is a "not found" page.
export const problemRoutes: ConsoleRoute[] = [
  { path: '/admin/problems', title: 'Problems', render: () => <ProblemLibraryPage /> },
  {
    path: '/admin/problems/:id',
    title: 'Problem',
    render: (params) => <ProblemPreviewPage key={params.id} id={params.id ?? ''} />,
  },
];
