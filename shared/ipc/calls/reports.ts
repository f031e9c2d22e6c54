import { z } from 'zod';
import { idSchema } from '../../domain/common.js';
import { addendumCreateSchema, reportAccessInputSchema, reportCreateSchema, reportSchema, reportUpdateSchema } from '../../domain/report.js';
import { reportCategorySchema } from '../../domain/report-categories.js';
import { call } from '../define.js';

/** A report as a screen shows it: with the names behind the ids and what this user may do with it. */
export const reportViewSchema = reportSchema.extend({
  authorName: z.string(),
  signedOffByName: z.string().nullable(),
  lockedByName: z.string().nullable(),
  /** The author, with edit rights on the dossier (a lock or sign-off still refuses the save). */
  mayEdit: z.boolean(),
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

const reportIdInput = z.object({ reportId: idSchema }).strict();

export const reportCalls = {
  'reports.list': call(z.object({ clientId: idSchema, limit: z.number().int().min(1).max(500).default(200) }).strict(), z.object({ items: z.array(reportViewSchema) })),
  'reports.create': call(reportCreateSchema, reportViewSchema),
  'reports.update': call(z.object({ reportId: idSchema, patch: reportUpdateSchema }).strict(), reportViewSchema),
  'reports.signOff': call(reportIdInput, reportViewSchema),
  'reports.lock': call(reportIdInput, reportViewSchema),
  'reports.addAddendum': call(addendumCreateSchema, reportViewSchema),
  'reports.setAccess': call(reportAccessInputSchema, z.object({})),
  'reports.search': call(
    z.object({ query: z.string().trim().min(1).max(500), clientId: idSchema.optional() }).strict(),
    z.object({ items: z.array(reportSearchHitSchema) }),
  ),
};
