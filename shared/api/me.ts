import { z } from 'zod';
import { signedLeaseSchema } from '../licence/lease.js';
import { currentUserSchema, organisationSummarySchema } from './auth.js';
import { instantSchema, newPasswordSchema, passwordSchema, totpCodeSchema, uuidSchema } from './common.js';

export const meResponseSchema = z.object({
  user: currentUserSchema,
  organisation: organisationSummarySchema,
  session: z.object({ id: uuidSchema, expiresAt: instantSchema, scope: z.enum(['full', 'two-factor-enrolment']) }),
});

export const twoFactorEnrolResponseSchema = z.object({
  /** Base32 secret for typing in by hand when scanning fails. */
  secret: z.string(),
  otpauthUri: z.string(),
  /** The same URI as an SVG QR code, for the enrolment screen. */
  qrSvg: z.string(),
});

export const twoFactorConfirmRequestSchema = z.object({ code: totpCodeSchema }).strict();
export const recoveryCodesResponseSchema = z.object({
  /** Shown once; the service keeps only keyed hashes. */
  recoveryCodes: z.array(z.string()),
});

export const twoFactorDisableRequestSchema = z.object({ password: passwordSchema, code: totpCodeSchema }).strict();
export const regenerateRecoveryCodesRequestSchema = z.object({ code: totpCodeSchema }).strict();

export const changePasswordRequestSchema = z
  .object({ currentPassword: passwordSchema, newPassword: newPasswordSchema })
  .strict()
  .refine((body) => body.currentPassword !== body.newPassword, { message: 'choose a new password', path: ['newPassword'] });

export const sessionSummarySchema = z.object({
  id: uuidSchema,
  deviceId: uuidSchema.nullable(),
  createdAt: instantSchema,
  lastUsedAt: instantSchema,
  expiresAt: instantSchema,
  current: z.boolean(),
});
export const sessionListResponseSchema = z.object({ sessions: z.array(sessionSummarySchema) });

export const leaseResponseSchema = z.object({ lease: signedLeaseSchema });
