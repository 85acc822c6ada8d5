import { z } from 'zod';
import { PROCTOR_BATCH_EVENTS } from './limits.ts';

const at = z.iso.datetime();
const length = z.number().int().min(0).max(100_000_000);
const where = z.enum(['editor', 'page']);

/**
 * One proctoring event. Each type has its own detail, bounded; unknown detail keys are dropped, so an
 * event stores a few bytes whatever the client sends ([A41]).
 */
export const proctorEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('copy'),
    at,
    detail: z.object({ length, from: where }).partial().optional(),
  }),
  z.object({
    type: z.literal('paste'),
    at,
    detail: z.object({ length, fromOutside: z.boolean(), into: where }).partial().optional(),
  }),
  z.object({
    type: z.enum(['tab_hidden', 'tab_visible', 'window_blur', 'window_focus', 'fullscreen_exit', 'fullscreen_enter']),
    at,
    detail: z.object({}).optional(),
  }),
]);
export type ProctorEvent = z.infer<typeof proctorEventSchema>;
export type ProctorEventType = ProctorEvent['type'];

/** `POST /api/attempt/events`. */
export const proctorEventsBody = z.object({ events: z.array(proctorEventSchema).min(1).max(PROCTOR_BATCH_EVENTS) });
export type ProctorEventsBody = z.infer<typeof proctorEventsBody>;
export const proctorEventsResponse = z.object({ recorded: z.number(), dropped: z.number() });
export type ProctorEventsResponse = z.infer<typeof proctorEventsResponse>;
