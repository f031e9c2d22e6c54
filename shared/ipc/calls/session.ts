import { z } from 'zod';
import { call } from '../define.js';
import { noInput } from './app.js';

export const roleSchema = z.enum(['owner', 'admin', 'practitioner']);
export type Role = z.infer<typeof roleSchema>;

export const signedInUserSchema = z.object({
  id: z.string().uuid(),
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  organisationId: z.string().uuid(),
  organisationName: z.string(),
});
export type SignedInUser = z.infer<typeof signedInUserSchema>;

/** Where the device stands: never signed in here, signed in but locked, or open. */
export const sessionStatusSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('no-account'),
    /** The central service had this device's data wiped (revoked by an admin, or the agreement ended): say so. */
    wiped: z.object({ reason: z.enum(['device_revoked', 'account_ended']), wipedAt: z.string() }).optional(),
  }),
  z.object({ state: z.literal('locked'), email: z.string(), displayName: z.string() }),
  z.object({ state: z.literal('unlocked'), user: signedInUserSchema }),
]);
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

const password = z.string().min(1, 'Vul je wachtwoord in').max(1024);

const totpCode = z.string().regex(/^\d{6}$/, 'De code bestaat uit 6 cijfers');

export const signInInputSchema = z
  .object({
    email: z.string().trim().toLowerCase().email('Dit is geen geldig e-mailadres').max(254),
    password,
    totp: totpCode.optional(),
    /** Only when the answer asked for it: the password the store on this device still opens with. */
    previousPassword: password.optional(),
  })
  .strict();

/**
 * Setting up 2FA when the organisation requires it: the new secret for the authenticator app, as
 * text to type in and as the otpauth URI the renderer draws the QR code from. The session that may
 * set it up stays in the core; the service's own QR drawing (SVG from the network) is not passed on.
 */
export const twoFactorSetUpSchema = z.object({
  secret: z.string().regex(/^[A-Z2-7]{16,128}$/),
  otpauthUri: z.string().max(2048).startsWith('otpauth://totp/'),
});
export type TwoFactorSetUp = z.infer<typeof twoFactorSetUpSchema>;

/**
 * The answer to a sign-in: the new session status, or the service asks for the second step (the
 * code from the authenticator app; `invalid` when the code given was wrong or used already).
 */
export const signInResultSchema = z.discriminatedUnion('state', [
  ...sessionStatusSchema.options,
  z.object({ state: z.literal('two-factor'), reason: z.enum(['required', 'invalid']) }),
  z.object({ state: z.literal('two-factor-set-up'), setUp: twoFactorSetUpSchema }),
]);
export type SignInResult = z.infer<typeof signInResultSchema>;

/**
 * The code from the newly set-up app: `confirmed` with the recovery codes (shown once; the service
 * keeps only hashes), `invalid` (try again, the set-up stays), or `expired` (the set-up session
 * ended: sign in again).
 */
export const twoFactorConfirmResultSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('confirmed'), recoveryCodes: z.array(z.string().regex(/^[a-z2-7-]{10,40}$/)).min(1).max(20) }),
  z.object({ state: z.literal('invalid') }),
  z.object({ state: z.literal('expired') }),
]);
export type TwoFactorConfirmResult = z.infer<typeof twoFactorConfirmResultSchema>;

/** Before signing out: how many changes were not uploaded yet, so the UI can warn and offer a sync. */
export const signOutCheckSchema = z.object({ pendingChanges: z.number().int().nonnegative(), online: z.boolean() });

export const sessionCalls = {
  'session.status': call(noInput, sessionStatusSchema),
  'session.signIn': call(signInInputSchema, signInResultSchema),
  'session.confirmTwoFactor': call(z.object({ code: totpCode }).strict(), twoFactorConfirmResultSchema),
  'session.signOutCheck': call(noInput, signOutCheckSchema),
  'session.unlock': call(z.object({ password }).strict(), sessionStatusSchema),
  'session.lock': call(noInput, sessionStatusSchema),
};

export const sessionEvents = {
  'session.changed': sessionStatusSchema,
};
