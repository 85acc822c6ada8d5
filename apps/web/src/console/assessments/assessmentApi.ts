import type {
  AssessmentDetail,
  AssessmentInput,
  AssessmentListResponse,
  AssessmentPreview,
  CreateInvitationsResponse,
  CsvCheckResponse,
  InvitationActionResponse,
  InvitationListResponse,
  InvitationStatus,
} from '@assay/contracts';
import { api } from '../../api/client.ts';

// The console's calls for assessments and invitations ([A87]-[A93]), typed by the contracts.

const base = (id: string) => `/api/admin/assessments/${encodeURIComponent(id)}`;
const invitation = (id: string) => `/api/admin/invitations/${encodeURIComponent(id)}`;

/** A problem of the library as the picker uses it (the list may carry more; only these are relied on). */
export interface LibraryProblem {
  id: string;
  ref: string;
  title: string;
  difficulty: string;
  tags: string[];
}

export const assessmentApi = {
  list: (archived: 'exclude' | 'include' | 'only') =>
    api<AssessmentListResponse>('GET', `/api/admin/assessments?archived=${archived}`),
  get: (id: string) => api<AssessmentDetail>('GET', base(id)),
  create: (input: AssessmentInput) => api<{ id: string }>('POST', '/api/admin/assessments', input),
  update: (id: string, input: AssessmentInput) => api<AssessmentDetail>('PUT', base(id), input),
  duplicate: (id: string) => api<{ id: string }>('POST', `${base(id)}/duplicate`),
  setArchived: (id: string, archived: boolean) =>
    api<AssessmentDetail>('POST', `${base(id)}/${archived ? 'archive' : 'unarchive'}`),
  remove: (id: string) => api<void>('DELETE', base(id)),
  preview: (id: string) => api<AssessmentPreview>('GET', `${base(id)}/preview`),
  problems: () => api<{ problems: LibraryProblem[] }>('GET', '/api/admin/problems'),

  invitations: (id: string, query: { q?: string; status?: InvitationStatus | ''; cursor?: string | null }) => {
    const params = new URLSearchParams({ limit: '100' });
    if (query.q) params.set('q', query.q);
    if (query.status) params.set('status', query.status);
    if (query.cursor) params.set('cursor', query.cursor);
    return api<InvitationListResponse>('GET', `${base(id)}/invitations?${params}`);
  },
  invite: (id: string, candidates: { name: string; email: string }[], expiresInDays?: number | null) =>
    api<CreateInvitationsResponse>('POST', `${base(id)}/invitations`, {
      candidates,
      ...(expiresInDays === undefined ? {} : { expiresInDays }),
    }),
  checkCsv: (id: string, csv: string) => api<CsvCheckResponse>('POST', `${base(id)}/invitations/csv`, { csv }),
  revoke: (id: string) => api<InvitationActionResponse>('POST', `${invitation(id)}/revoke`),
  extend: (id: string, minutes: number, reason: string) =>
    api<InvitationActionResponse>('POST', `${invitation(id)}/extend`, { minutes, reason }),
  reopen: (id: string, minutes: number, reason: string) =>
    api<InvitationActionResponse>('POST', `${invitation(id)}/reopen`, { minutes, reason }),
  setExpiry: (id: string, expiresAt: string | null) =>
    api<InvitationActionResponse>('PUT', `${invitation(id)}/expiry`, { expiresAt }),
  remind: (id: string) => api<{ sent: boolean; message: string }>('POST', `${invitation(id)}/remind`),
};
