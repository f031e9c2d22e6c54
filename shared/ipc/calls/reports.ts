import { z } from 'zod';
import { idSchema } from '../../domain/common.js';
import { addendumCreateSchema, reportAccessGrantSchema, reportAccessInputSchema, reportCreateSchema, reportSchema, reportUpdateSchema } from '../../domain/report.js';
import { reportCategorySchema } from '../../domain/report-categories.js';
import { call } from '../define.js';

/** A report as a screen shows it: with the names behind the ids and what this user may do with it. */
export const reportViewSchema = reportSchema.extend({
  authorName: z.string(),
  signedOffByName: z.string().nullable(),
  lockedByName: z.string().nullable(),
  /** The author, with edit rights on the dossier, of a report neither locked nor signed off (the store decides again on every save). */
  mayEdit: z.boolean(),
  /** The author or someone with sign-off rights: may see and change who else may read or edit it. */
  mayManageAccess: z.boolean(),
});
export type ReportView = z.infer<typeof reportViewSchema>;

export const reportSearchHitSchema = z.object({
  reportId: idSchema,
  clientId: idSchema,
  clientName: z.string(),
  occurredAt: z.string(),
  category: reportCategorySchema,
  authorName: z.string(),
  snippet: z.string(),
});
export type ReportSearchHitView = z.infer<typeof reportSearchHitSchema>;

/** A colleague's current rights on one report, with their name. */
export const reportAccessViewSchema = reportAccessGrantSchema.extend({ displayName: z.string() });
export type ReportAccessView = z.infer<typeof reportAccessViewSchema>;

const reportIdInput = z.object({ reportId: idSchema }).strict();

export const reportCalls = {
  'reports.list': call(z.object({ clientId: idSchema, limit: z.number().int().min(1).max(500).default(200) }).strict(), z.object({ items: z.array(reportViewSchema) })),
  'reports.create': call(reportCreateSchema, reportViewSchema),
  'reports.update': call(z.object({ reportId: idSchema, patch: reportUpdateSchema }).strict(), reportViewSchema),
  'reports.signOff': call(reportIdInput, reportViewSchema),
  'reports.lock': call(reportIdInput, reportViewSchema),
  'reports.addAddendum': call(addendumCreateSchema, reportViewSchema),
  /** Grants, changes or (canRead and canEdit false) withdraws one colleague's rights. */
  'reports.setAccess': call(reportAccessInputSchema, z.object({})),
  'reports.accessList': call(reportIdInput, z.object({ items: z.array(reportAccessViewSchema) })),
  'reports.search': call(
    z.object({ query: z.string().trim().min(1).max(500), clientId: idSchema.optional() }).strict(),
    z.object({ items: z.array(reportSearchHitSchema) }),
  ),
};
