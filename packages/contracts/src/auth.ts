import { z } from 'zod';

/** A signed-in member of staff. */
export const staffUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['admin', 'interviewer']),
});
export type StaffUser = z.infer<typeof staffUserSchema>;

/** `POST /api/auth/login`. */
export const loginBody = z.object({ email: z.email(), password: z.string().min(1) });
export type LoginBody = z.infer<typeof loginBody>;
/** `POST /api/auth/login` and `GET /api/auth/me`. */
export const staffUserResponse = z.object({ user: staffUserSchema });
export type StaffUserResponse = z.infer<typeof staffUserResponse>;
/** `POST /api/auth/logout`. */
export const logoutResponse = z.object({ ok: z.literal(true) });
