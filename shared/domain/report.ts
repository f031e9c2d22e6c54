import { z } from 'zod';
import { idSchema, isoDateTimeSchema, syncMetaSchema } from './common.js';
import { reportCategorySchema } from './report-categories.js';

export const reportKinds = ['rapportage', 'dagrapportage'] as const;
export const reportKindSchema = z.enum(reportKinds, { error: 'Kies rapportage of dagrapportage' });
export type ReportKind = z.infer<typeof reportKindSchema>;

/**
 * dossier: everyone with read access to the dossier reads it.
 * restricted: only the author and the users named in the report's own access list.
 */
export const reportVisibilitySchema = z.enum(['dossier', 'restricted'], { error: 'Kies wie deze rapportage mag zien' });
export type ReportVisibility = z.infer<typeof reportVisibilitySchema>;

/** 100k characters is pages of text; anything longer is a paste accident, not a note. */
export const reportBodySchema = z
  .string()
  .trim()
  .min(1, 'De rapportage is leeg')
  .max(100_000, 'Een rapportage mag hoogstens 100.000 tekens zijn');

export const reportCreateSchema = z
  .object({
    id: idSchema.optional(),
    clientId: idSchema,
    kind: reportKindSchema.default('rapportage'),
    occurredAt: isoDateTimeSchema,
    category: reportCategorySchema,
    body: reportBodySchema,
    visibility: reportVisibilitySchema.default('dossier'),
  })
  .strict();
export type ReportCreate = z.input<typeof reportCreateSchema>;

export const reportUpdateSchema = z
  .object({
    occurredAt: isoDateTimeSchema,
    category: reportCategorySchema,
    body: reportBodySchema,
    visibility: reportVisibilitySchema,
  })
  .partial()
  .strict();
export type ReportUpdate = z.input<typeof reportUpdateSchema>;

export const addendumCreateSchema = z
  .object({ id: idSchema.optional(), reportId: idSchema, occurredAt: isoDateTimeSchema.optional(), body: reportBodySchema })
  .strict();
export type AddendumCreate = z.input<typeof addendumCreateSchema>;

/** Per-report rights for a user other than the author (who may always read; edits until signed or locked). */
export const reportAccessInputSchema = z
  .object({ reportId: idSchema, userId: idSchema, canRead: z.boolean(), canEdit: z.boolean() })
  .strict()
  .refine((v) => v.canRead || !v.canEdit, { message: 'Wie mag bewerken, moet ook mogen lezen', path: ['canRead'] });
export type ReportAccessInput = z.input<typeof reportAccessInputSchema>;

/** A colleague's current rights on one report. */
export const reportAccessGrantSchema = z.object({ userId: idSchema, canRead: z.boolean(), canEdit: z.boolean() });
export type ReportAccessGrant = z.infer<typeof reportAccessGrantSchema>;

export const reportSchema = syncMetaSchema.extend({
  clientId: idSchema,
  kind: reportKindSchema,
  occurredAt: z.string(),
  authorId: idSchema,
  category: reportCategorySchema,
  body: z.string(),
  visibility: reportVisibilitySchema,
  /** Set for an addendum: the (usually locked) report it corrects or adds to. */
  addendumOf: idSchema.nullable(),
  signedOffBy: idSchema.nullable(),
  signedOffAt: z.string().nullable(),
  /** "Permanent vastzetten": once set, the report never changes again. */
  lockedBy: idSchema.nullable(),
  lockedAt: z.string().nullable(),
});
export type Report = z.infer<typeof reportSchema>;
