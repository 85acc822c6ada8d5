import type { ConsoleRoute } from '../consoleRoutes.ts';
import { authoringRoutes } from './authoring/authoringRoutes.tsx';
import { ProblemLibraryPage } from './ProblemLibraryPage.tsx';
import { ProblemPreviewPage } from './ProblemPreviewPage.tsx';

// Authoring (`/admin/problems/drafts/…`) goes before the library: `:id` below is a version's uuid, and
// anything else there is a "not found" page.
export const problemRoutes: ConsoleRoute[] = [
  ...authoringRoutes,
  { path: '/admin/problems', title: 'Problems', render: () => <ProblemLibraryPage /> },
  {
    path: '/admin/problems/:id',
    title: 'Problem',
    render: (params) => <ProblemPreviewPage key={params.id} id={params.id ?? ''} />,
  },
];
