import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from '../domain/common.js';
import { isoDateSchema } from '../subscription/dates.js';

/**
 * The audit trail of deletion requests and destruction (SPEC §4, art. 7:454/7:455 BW). It must
 * prove what was done, when and by whom, and keep NO client data: it outlives the dossier it is
 * about. So an entry names the case (a random id handed to the client as a receipt), never the
 * client id, name, BSN or dossier number; reasons are codes, never free text. The schema is
 * strict: an entry with any other field is refused.
 */
export const retentionAuditEvents = [
  'deletion.requested',
  'deletion.exception_recorded',
  'destruction.offered',
  'destruction.approved',
  'destruction.kept_longer',
  'removal.carried_out_on_server',
  'removal.purged_on_device',
  'removal.completed',
] as const;
export type RetentionAuditEvent = (typeof retentionAuditEvents)[number];

/** Art. 7:455 lid 2 BW: when a client's request is not carried out. */
export const legalExceptionReasons = [
  /** "aanmerkelijk belang voor een ander dan de patiënt" */
  'belang_van_een_ander',
  /** keeping is required by or under a law */
  'wettelijke_bewaarplicht',
] as const;
export type LegalExceptionReason = (typeof legalExceptionReasons)[number];

/** Art. 7:454 lid 3 BW: longer "als redelijkerwijs uit de zorg van een goed hulpverlener voortvloeit". */
export const keepLongerReasons = ['zorg_goed_hulpverlener', 'wettelijke_bewaarplicht', 'lopende_klacht_of_procedure'] as const;
export type KeepLongerReason = (typeof keepLongerReasons)[number];

export const retentionAuditEntrySchema = z
  .object({
    at: isoDateTimeSchema,
    organisationId: idSchema,
    event: z.enum(retentionAuditEvents),
    /** The deletion request or destruction review: never the client. */
    caseId: idSchema,
    /** Null when the system acted (the server's purge job). */
    actorUserId: idSchema.nullable(),
    deviceId: z.string().min(1).max(64).nullable().default(null),
    reason: z.enum([...legalExceptionReasons, ...keepLongerReasons]).nullable().default(null),
    until: isoDateSchema.nullable().default(null),
    /** How many records were removed (a number says nothing about the person). */
    removedRecords: z.number().int().nonnegative().nullable().default(null),
  })
  .strict();
export type RetentionAuditEntry = z.infer<typeof retentionAuditEntrySchema>;
export type RetentionAuditInput = z.input<typeof retentionAuditEntrySchema>;

/** Builds (and checks) an entry; throws on any field that could carry client data. */
export function retentionAuditEntry(input: RetentionAuditInput): RetentionAuditEntry {
  return retentionAuditEntrySchema.parse(input);
}
