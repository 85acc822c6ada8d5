import { z } from 'zod';
import { languageId } from './languageId.ts';

/**
 * [A130] Whether this server can judge a language; when not, `reason` says what is missing and what to
 * install (Python needs bubblewrap and python3 with numpy).
 */
export const languageAvailabilitySchema = z.union([
  z.object({ available: z.literal(true) }),
  z.object({ available: z.literal(false), reason: z.string() }),
]);
export type LanguageAvailabilityView = z.infer<typeof languageAvailabilitySchema>;

/** [A130] Every language the judge knows, by id, with whether this server can judge it. */
export const languageAvailabilityMap = z.record(languageId, languageAvailabilitySchema);
export type LanguageAvailabilityMap = z.infer<typeof languageAvailabilityMap>;

/** `GET /api/health`: answers only when the database does. */
export const healthResponse = z.object({
  ok: z.literal(true),
  database: z.string(),
  queue: z.string(),
  serverTime: z.string(),
  /** [A130] Probed once when the server started. */
  languages: languageAvailabilityMap,
});
export type HealthResponse = z.infer<typeof healthResponse>;
