import type { CreatePadBody, PadListResponse, PadSummary } from '@assay/contracts';
import { api } from '../../api/client.ts';
import type { LibraryProblem } from '../assessments/assessmentApi.ts';

// The console's calls for live pads ([A105]), typed by the contracts.

export const padApi = {
  list: () => api<PadListResponse>('GET', '/api/pads'),
  create: (body: CreatePadBody) => api<PadSummary>('POST', '/api/pads', body),
  problems: () => api<{ problems: LibraryProblem[] }>('GET', '/api/admin/problems'),
};
