import type { ConsoleRoute } from '../../consoleRoutes.ts';
import { DraftEditorPage, NewDraftPage } from './DraftEditorPage.tsx';
import { DraftListPage } from './DraftListPage.tsx';

/** Problem authoring ([W26]–[W29]); listed before the library's `/admin/problems/:id`. */
export const authoringRoutes: ConsoleRoute[] = [
  { path: '/admin/problems/drafts', title: 'Drafts', render: () => <DraftListPage /> },
  { path: '/admin/problems/drafts/new', title: 'New problem', roles: ['admin'], render: () => <NewDraftPage /> },
  {
    path: '/admin/problems/drafts/:id',
    title: 'Edit problem',
    render: (params) => <DraftEditorPage id={params.id as string} />,
  },
];
