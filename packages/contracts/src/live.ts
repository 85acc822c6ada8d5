import { z } from 'zod';

// What the live WebSocket pushes ([A16] in apps/api/SPEC.md): the server's time, and each change of a
// submission's state as the judge announces it. The client only ever sends pings.

export const liveTimeMessage = z.object({ type: z.literal('time'), serverTime: z.string() });

export const liveSubmissionMessage = z.object({
  type: z.literal('submission'),
  submissionId: z.string(),
  position: z.number(),
  mode: z.enum(['run', 'submit']),
  status: z.enum(['queued', 'running', 'done']),
  verdict: z.string().optional(),
  score: z.number().optional(),
});

export const liveMessage = z.discriminatedUnion('type', [liveTimeMessage, liveSubmissionMessage]);
export type LiveMessage = z.infer<typeof liveMessage>;
export type LiveTimeMessage = z.infer<typeof liveTimeMessage>;
export type LiveSubmissionMessage = z.infer<typeof liveSubmissionMessage>;
