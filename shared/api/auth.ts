import { z } from 'zod';
import { leasePublicKeySchema, signedLeaseSchema } from '../licence/lease.js';
import { emailSchema, instantSchema, newPasswordSchema, passwordSchema, recoveryCodeSchema, roleSchema, totpCodeSchema, uuidSchema } from './common.js';

/** The device signing in: made by the app at install (UUIDv7), named by the user or the OS. */
export const deviceInfoSchema = z
  .object({
    id: uuidSchema,
    name: z.string().trim().min(1).max(100),
    platform: z.enum(['windows', 'macos', 'linux', 'other']),
    appVersion: z.string().max(40).optional(),
  })
  .strict();
export type DeviceInfo = z.infer<typeof deviceInfoSchema>;

export const signInRequestSchema = z
  .object({
    email: emailSchema,
    password: passwordSchema,
    /** A TOTP code or a recovery code, when the account has 2FA. */
    totp: totpCodeSchema.optional(),
    recoveryCode: recoveryCodeSchema.optional(),
    device: deviceInfoSchema,
  })
  .strict()
  .refine((body) => !(body.totp && body.recoveryCode), { message: 'send a code or a recovery code, not both', path: ['recoveryCode'] });
export type SignInRequest = z.input<typeof signInRequestSchema>;

export const sessionTokenSchema = z.object({
  /** Bearer token for the Authorization header. Shown once; the service keeps only its hash. */
  token: z.string(),
  id: uuidSchema,
  expiresAt: instantSchema,
});

export const organisationSummarySchema = z.object({
  id: uuidSchema,
  name: z.string(),
  requireTwoFactor: z.boolean(),
  autoLockMinutes: z.number().int(),
});

export const currentUserSchema = z.object({
  id: uuidSchema,
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  twoFactorEnabled: z.boolean(),
});

export const signInResponseSchema = z.object({
  session: sessionTokenSchema,
  user: currentUserSchema,
  organisation: organisationSummarySchema,
  deviceId: uuidSchema,
  lease: signedLeaseSchema,
  /** The keys leases are signed with, so the device can verify offline from now on. */
  leaseKeys: z.array(leasePublicKeySchema),
  /** Recovery codes left; the app nudges the user to make new ones when few remain. */
  recoveryCodesLeft: z.number().int().min(0),
});
export type SignInResponse = z.infer<typeof signInResponseSchema>;

export const acceptInviteRequestSchema = z
  .object({
    token: z.string().min(20).max(200),
    password: newPasswordSchema,
    displayName: z.string().trim().min(1).max(100).optional(),
  })
  .strict();

export const acceptInviteResponseSchema = z.object({ email: z.string(), organisationName: z.string() });
