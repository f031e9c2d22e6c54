import { z } from 'zod';
import { keepLongerReasons, legalExceptionReasons, retentionAuditEvents } from '../retention/retention-audit.js';
import { removalCaseStates } from '../retention/removal-case.js';
import { isoDateSchema } from '../subscription/dates.js';
import { isoDateTimeSchema } from '../domain/common.js';
import { uuidSchema } from './common.js';

/**
 * Retention and deletion for administrators (SPEC §4, shared/retention): the removal cases of
 * the organisation, a client's deletion request, a legal exception, and the decision on a
 * destruction offer. The audit trail behind them keeps no client data.
 */
export const removalCaseViewSchema = z.object({
  id: uuidSchema,
  kind: z.enum(['client_request', 'retention_ended']),
  state: z.enum(removalCaseStates),
  /** Null once the server removed the dossier: the case then names nobody. */
  clientId: uuidSchema.nullable(),
  openedOn: isoDateSchema,
  deadline: isoDateSchema.nullable(),
  reason: z.enum([...legalExceptionReasons, ...keepLongerReasons]).nullable(),
  keepUntil: isoDateSchema.nullable(),
  carriedOutOn: isoDateSchema.nullable(),
  pendingDevices: z.number().int().nonnegative(),
  overdue: z.boolean(),
  daysLeft: z.number().int().nullable(),
});
export type RemovalCaseView = z.infer<typeof removalCaseViewSchema>;

export const removalCaseListSchema = z.object({ cases: z.array(removalCaseViewSchema) });
export const removalCaseResponseSchema = z.object({ case: removalCaseViewSchema });

export const deletionRequestBodySchema = z.object({ clientId: uuidSchema, receivedOn: isoDateSchema }).strict();
export const legalExceptionBodySchema = z.object({ reason: z.enum(legalExceptionReasons) }).strict();
export const keepLongerBodySchema = z.object({ reason: z.enum(keepLongerReasons), until: isoDateSchema }).strict();

/**
 * One line of the audit trail as an administrator sees it: what happened to which case (the
 * receipt the client got), when, and who did it (a colleague's name, or the service itself) and on
 * which laptop for a device's purge. Like the trail itself it names no client.
 */
export const retentionAuditViewSchema = z.object({
  at: isoDateTimeSchema,
  event: z.enum(retentionAuditEvents),
  caseId: uuidSchema,
  /** Null when the service acted (its daily job, or a device confirming its purge). */
  actorName: z.string().nullable(),
  /** The laptop that purged its copy (removal.purged_on_device), by the name it was registered with. */
  deviceName: z.string().nullable(),
  reason: z.enum([...legalExceptionReasons, ...keepLongerReasons]).nullable(),
  until: isoDateSchema.nullable(),
  removedRecords: z.number().int().nonnegative().nullable(),
});
export type RetentionAuditView = z.infer<typeof retentionAuditViewSchema>;
/** The newest entries first, at most `retentionAuditPageSize`; `more` says older ones exist. */
export const retentionAuditListSchema = z.object({ entries: z.array(retentionAuditViewSchema), more: z.boolean() });
export const retentionAuditPageSize = 200;
