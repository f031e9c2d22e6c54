import { z } from 'zod';

export const uuidSchema = z.string().uuid();
/** ISO 8601 UTC instant as the service writes it (Date#toISOString). */
export const instantSchema = z.string().datetime({ offset: false });
export const emailSchema = z.string().trim().toLowerCase().email('not a valid e-mail address').max(254);
/** Passwords: at least 12 characters (NIST SP 800-63B asks ≥ 8; we are stricter for health data). */
export const newPasswordSchema = z.string().min(12, 'a password has at least 12 characters').max(1024);
export const passwordSchema = z.string().min(1, 'enter your password').max(1024);
export const totpCodeSchema = z.string().regex(/^\d{6}$/, 'the code has 6 digits');
/** Recovery codes as shown to the user: xxxxx-xxxxx-xxxxx (base32); spaces and case ignored. */
export const recoveryCodeSchema = z
  .string()
  .transform((code) => code.replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-Z2-7]{15}$/, 'a recovery code has 15 letters and digits'));

export const roleSchema = z.enum(['owner', 'admin', 'practitioner']);
export type Role = z.infer<typeof roleSchema>;
export const userStatusSchema = z.enum(['invited', 'active', 'paused', 'removed']);
export type UserStatus = z.infer<typeof userStatusSchema>;

export const okSchema = z.object({ ok: z.literal(true) });
export const noBodySchema = z.object({}).strict();
export const idParamsSchema = z.object({ id: uuidSchema }).strict();
