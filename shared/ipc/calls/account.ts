import { z } from 'zod';
import { newPasswordSchema } from '../../api/common.js';
import { call } from '../define.js';
import { noInput } from './app.js';

/**
 * "Mijn account" (SPEC §4): the signed-in user's own password and recovery codes. Both go through
 * the central service (the password is shared by the service and this device's offline unlock),
 * so every call needs a connection; the passwords and the code are never kept or logged.
 */
export const changePasswordInputSchema = z
  .object({
    currentPassword: z.string().min(1, 'Vul je huidige wachtwoord in').max(1024),
    /** The service's own rule (at least 12 characters), so the form says it before the network does. */
    newPassword: newPasswordSchema,
  })
  .strict()
  .refine((input) => input.currentPassword !== input.newPassword, { message: 'Kies een ander wachtwoord dan je huidige', path: ['newPassword'] });

export const accountTwoFactorSchema = z.object({ enabled: z.boolean() });

/** New recovery codes: `renewed` with the codes (shown once; the old ones stop working), or `invalid` (wrong or used code). */
export const renewRecoveryCodesResultSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('renewed'), recoveryCodes: z.array(z.string().regex(/^[a-z2-7-]{10,40}$/)).min(1).max(20) }),
  z.object({ state: z.literal('invalid') }),
]);
export type RenewRecoveryCodesResult = z.infer<typeof renewRecoveryCodesResultSchema>;

export const accountCalls = {
  'account.changePassword': call(changePasswordInputSchema, z.object({ changed: z.literal(true) })),
  'account.twoFactor': call(noInput, accountTwoFactorSchema),
  'account.renewRecoveryCodes': call(z.object({ code: z.string().regex(/^\d{6}$/, 'De code bestaat uit 6 cijfers') }).strict(), renewRecoveryCodesResultSchema),
};
