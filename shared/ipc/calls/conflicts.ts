import { z } from 'zod';
import { idSchema } from '../../domain/common.js';
import { reportBodySchema } from '../../domain/report.js';
import { call } from '../define.js';
import { noInput } from './app.js';

/** One version of the text in a conflict: what it says, when and by whom it was written. */
export const conflictVersionSchema = z.object({
  /** The text; null when the field was empty in that version. */
  text: z.string().nullable(),
  /** When it was written (from its clock), ISO 8601. */
  writtenAt: z.string().nullable(),
  /** The author's name when known (the hub names who sent the other version). */
  authorName: z.string().nullable(),
  /** Written on this very device. */
  thisDevice: z.boolean(),
});
export type ConflictVersion = z.infer<typeof conflictVersionSchema>;

/**
 * A narrative conflict as the conflict screen shows it (docs/sync.md "Conflicts"): the version the
 * dossier holds now (`kept`) and the other one (`other`), with the item they belong to.
 */
export const conflictViewSchema = z.object({
  conflictId: z.string(),
  kind: z.enum(['concurrent_edit', 'edited_after_delete']),
  table: z.string(),
  rowId: idSchema,
  clientId: idSchema.nullable(),
  clientName: z.string().nullable(),
  /** report · contact · appointment · time · document */
  itemKind: z.enum(['report', 'contact', 'appointment', 'time', 'document']),
  field: z.string(),
  /** For a report: when it happened and its category, so the person recognises it. */
  occurredAt: z.string().nullable(),
  category: z.string().nullable(),
  kept: conflictVersionSchema,
  other: conflictVersionSchema,
  /** null: it can be settled here; otherwise why not (the screen says what to do instead). */
  blocked: z.enum(['locked', 'deleted', 'no_rights', 'missing']).nullable(),
});
export type ConflictView = z.infer<typeof conflictViewSchema>;

export const conflictChoiceSchema = z.enum(['kept', 'incoming', 'both']);

export const conflictCalls = {
  'conflicts.list': call(noInput, z.object({ items: z.array(conflictViewSchema) })),
  /**
   * Keep this version (`kept`), that one (`incoming`), or both (`both`, with the combined `text`
   * as the person edited it). Becomes an ordinary edit that syncs and closes the conflict everywhere.
   */
  'conflicts.resolve': call(
    z
      .object({ conflictId: z.string().min(1).max(80), choice: conflictChoiceSchema, text: reportBodySchema.optional() })
      .strict()
      .refine((input) => input.choice !== 'both' || (input.text !== undefined && input.text.trim() !== ''), { message: 'Vul de samengevoegde tekst in', path: ['text'] }),
    z.object({ ok: z.literal(true) }),
  ),
};
