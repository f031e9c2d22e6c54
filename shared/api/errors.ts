import { z } from 'zod';
import { signedWipeOrderSchema } from '../licence/wipe-order.js';

/**
 * Every non-2xx answer of the central service has this body. `error` is a stable code the app
 * translates; `message` is an English sentence for logs and developers; `issues` lists what was
 * wrong with a request field by field.
 */
export const apiErrorCodes = [
  'invalid_request',
  'body_too_large',
  'unsupported_media_type',
  'not_found',
  'method_not_allowed',
  'not_signed_in',
  'session_expired',
  'invalid_credentials',
  'two_factor_required',
  'invalid_two_factor_code',
  'two_factor_enrolment_required',
  'too_many_attempts',
  'ip_not_allowed',
  'account_paused',
  'device_revoked',
  'forbidden',
  'conflict',
  'invite_invalid',
  'organisation_ended',
  'invalid_signature',
  'unavailable',
  'internal',
] as const;
export const apiErrorCodeSchema = z.enum(apiErrorCodes);
export type ApiErrorCode = z.infer<typeof apiErrorCodeSchema>;

export const apiIssueSchema = z.object({ path: z.string(), message: z.string() });
export type ApiIssue = z.infer<typeof apiIssueSchema>;

export const apiErrorSchema = z.object({
  error: apiErrorCodeSchema,
  message: z.string(),
  issues: z.array(apiIssueSchema).optional(),
  /** With too_many_attempts: when to try again. */
  retryAfterSeconds: z.number().int().positive().optional(),
  /** With two_factor_enrolment_required: a session that may only enrol 2FA. */
  enrolmentToken: z.string().optional(),
  /** With device_revoked, to the revoked device's own (ended) session: the signed order to wipe. */
  wipeOrder: signedWipeOrderSchema.optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
