import { z } from 'zod';

/** Ids are UUIDv7 made on the device (time-ordered, so B-tree inserts stay local). */
export const idSchema = z.string().uuid('Dit is geen geldige id');
export type Id = z.infer<typeof idSchema>;

/** Calendar date "2024-03-01" (no time zone: a date in Europe/Amsterdam as the user means it). */
export const isoDateSchema = z.iso.date({ error: 'Vul een datum in als JJJJ-MM-DD' });

/** An instant with offset, ISO 8601, e.g. "2024-03-01T09:30:00.000Z". */
export const isoDateTimeSchema = z.iso.datetime({ offset: true, error: 'Vul een tijdstip in (ISO 8601, met tijdzone)' });

export const emailSchema = z.string().trim().toLowerCase().email('Dit is geen geldig e-mailadres').max(254, 'Een e-mailadres is te lang');

/** Dutch phone numbers in their many written forms; we keep what was typed, only check it looks like one. */
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[\d\s()-]{6,20}$/, 'Dit is geen geldig telefoonnummer');

export function text(label: string, max: number) {
  return z.string().trim().max(max, `${label} mag hoogstens ${max} tekens zijn`);
}

export function requiredText(label: string, max: number) {
  return z.string().trim().min(1, `${label} is verplicht`).max(max, `${label} mag hoogstens ${max} tekens zijn`);
}

/**
 * What every syncable row carries besides its own fields (DESIGN.md "The sync model").
 * `fieldClocks`: field name → HLC of its last change; `serverSeq`: last server sequence seen,
 * null until the row has been synced; `deletedAt`: soft delete, so a delete can sync too.
 */
export const syncMetaSchema = z.object({
  id: idSchema,
  organisationId: idSchema,
  fieldClocks: z.record(z.string(), z.string()),
  serverSeq: z.number().int().nullable(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  deletedAt: isoDateTimeSchema.nullable(),
});
export type SyncMeta = z.infer<typeof syncMetaSchema>;
