import { z } from 'zod';

/** `GET /api/health`: answers only when the database does. */
export const healthResponse = z.object({
  ok: z.literal(true),
  database: z.string(),
  queue: z.string(),
  serverTime: z.string(),
});
export type HealthResponse = z.infer<typeof healthResponse>;
