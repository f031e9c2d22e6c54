import { z } from 'zod';

/**
 * Every failure that crosses the IPC boundary carries one of these codes. The renderer translates
 * the code (i18n key `errors.<code>`); `message` is an English sentence for logs and developers.
 */
export const ipcErrorCodes = [
  'invalid_request',
  'unknown_method',
  'invalid_input',
  'not_signed_in',
  'locked',
  'forbidden',
  'not_found',
  'conflict',
  'record_locked',
  'licence_blocked',
  'licence_expired',
  'wrong_password',
  'too_many_attempts',
  'offline',
  'server_unreachable',
  'server_error',
  'storage_full',
  'too_large',
  'tampered',
  'cancelled',
  'internal',
] as const;

export const ipcErrorCodeSchema = z.enum(ipcErrorCodes);

/**
 * Why the central service turned a person away (code `forbidden`), where "no access" alone leaves
 * a nurse stuck: each has its own text saying what to do next (i18n key `errors.refusal.<reason>`).
 */
export const accessRefusals = ['two_factor_enrolment_required', 'ip_not_allowed', 'account_paused', 'device_revoked', 'organisation_ended'] as const;
export type AccessRefusal = (typeof accessRefusals)[number];
export type IpcErrorCode = z.infer<typeof ipcErrorCodeSchema>;

export const ipcIssueSchema = z.object({ path: z.string(), message: z.string() });
export type IpcIssue = z.infer<typeof ipcIssueSchema>;

export const ipcErrorSchema = z.object({
  code: ipcErrorCodeSchema,
  message: z.string(),
  /** Field-level problems, for forms: which field, what was wrong. */
  issues: z.array(ipcIssueSchema).optional(),
  /** Seconds to wait before trying again (rate limits, unlock back-off). */
  retryAfterSeconds: z.number().nonnegative().optional(),
  /** With `forbidden` from the central service: which rule refused. */
  refusal: z.enum(accessRefusals).optional(),
});
export type IpcError = z.infer<typeof ipcErrorSchema>;

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });
export const fail = (error: IpcError): IpcResult<never> => ({ ok: false, error });

/** Turns zod issues into flat path/message pairs a form can show next to its fields. */
export function issuesFromZod(error: z.ZodError): IpcIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}
