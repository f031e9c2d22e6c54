import { z } from 'zod';
import { domainMessage, type FieldLabel } from './messages.js';

/** Ids are UUIDv7 made on the device (time-ordered, so B-tree inserts stay local). */
export const idSchema = z.string().uuid(domainMessage('invalidId'));
export type Id = z.infer<typeof idSchema>;

/** Calendar date "2024-03-01" (no time zone: a date in Europe/Amsterdam as the user means it). */
export const isoDateSchema = z.iso.date({ error: domainMessage('date') });

/** An instant with offset, ISO 8601, e.g. "2024-03-01T09:30:00.000Z". */
export const isoDateTimeSchema = z.iso.datetime({ offset: true, error: domainMessage('dateTime') });

export const emailSchema = z.string().trim().toLowerCase().email(domainMessage('email')).max(254, domainMessage('emailTooLong'));

/** Dutch phone numbers in their many written forms; we keep what was typed, only check it looks like one. */
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[\d\s()-]{6,20}$/, domainMessage('phone'));

export function text(label: FieldLabel, max: number) {
  return z.string().trim().max(max, domainMessage('tooLong', { label, max }));
}

/** Required: an empty field (null once a form has turned "" into null) gets the same "is verplicht" as blank text. */
export function requiredText(label: FieldLabel, max: number) {
  return z
    .string({ error: domainMessage('required', { label }) })
    .trim()
    .min(1, domainMessage('required', { label }))
    .max(max, domainMessage('tooLong', { label, max }));
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
