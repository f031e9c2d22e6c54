import { z } from 'zod';
import { uuidSchema } from '../../api/common.js';
import { deletionRequestBodySchema, keepLongerBodySchema, removalCaseViewSchema, retentionAuditListSchema } from '../../api/retention.js';
import { legalExceptionReasons } from '../../retention/retention-audit.js';
import { call } from '../define.js';

/**
 * Retention and deletion for admins (SPEC §4, shared/retention): the organisation's removal cases
 * (destruction offers of dossiers closed twenty years ago, clients' deletion requests), recording
 * a request or a legal exception, approving destruction, carrying a request out. Online only: the
 * central service decides and removes; devices follow at their next sync.
 */

/** A case as the screen shows it: the service's view plus the dossier's name from this device, while it still exists. */
export const retentionCaseSchema = removalCaseViewSchema.extend({
  client: z.object({ name: z.string(), dossierNumber: z.string() }).nullable(),
});
export type RetentionCase = z.infer<typeof retentionCaseSchema>;

const caseAnswer = z.object({ case: retentionCaseSchema });
const caseId = z.object({ caseId: uuidSchema }).strict();

export const retentionCalls = {
  'retention.cases': call(z.object({}).strict(), z.object({ cases: z.array(retentionCaseSchema) })),
  /** The audit trail, newest first: who did what to which case, when. It names no client. */
  'retention.audit': call(z.object({}).strict(), retentionAuditListSchema),
  /** Art. 7:455 BW: recorded by whoever received it; carried out within a month. */
  'retention.recordDeletionRequest': call(deletionRequestBodySchema, caseAnswer),
  /** Art. 7:455 lid 2 BW: stops a deletion request (someone else's considerable interest, or a legal duty to keep). */
  'retention.recordLegalException': call(caseId.extend({ reason: z.enum(legalExceptionReasons) }).strict(), caseAnswer),
  /** Removes the dossier on the service now; every device removes its copy at its next sync. */
  'retention.carryOut': call(caseId, caseAnswer),
  /** The end of a twenty-year retention: the admin approves, and the dossier is destroyed. */
  'retention.approveDestruction': call(caseId, caseAnswer),
  /** Art. 7:454 lid 3 BW: kept longer, with a reason and a date; offered again after it. */
  'retention.keepLonger': call(caseId.extend(keepLongerBodySchema.shape).strict(), caseAnswer),
};
