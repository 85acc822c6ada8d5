import { z } from 'zod';

/** One attempt in the admin's lists and at the head of its review. */
export const attemptSummary = z.object({
  id: z.string(),
  candidateName: z.string(),
  candidateEmail: z.string(),
  status: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  finishReason: z.string().nullable(),
  score: z.number().nullable(),
});
