import { z } from 'zod';
import { idSchema, requiredText, syncMetaSchema } from './common.js';

/** Windows, macOS and Linux all accept these; path separators and control characters never reach the disk. */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x20 || text.charCodeAt(i) === 0x7f) return true;
  return false;
}

export const documentFileNameSchema = requiredText('De bestandsnaam', 255).refine(
  (name) => !/[\\/:*?"<>|]/.test(name) && !hasControlCharacter(name) && name !== '.' && name !== '..',
  'De bestandsnaam bevat tekens die niet mogen (zoals / \\ : * ? " < > |)',
);

export const documentCreateSchema = z
  .object({
    id: idSchema.optional(),
    clientId: idSchema,
    fileName: documentFileNameSchema,
    mimeType: z.string().trim().regex(/^[\w.+-]+\/[\w.+-]+$/, 'Onbekend bestandstype').default('application/octet-stream'),
    description: z.string().trim().max(1000, 'De omschrijving mag hoogstens 1000 tekens zijn').nullable().optional(),
  })
  .strict();
export type DocumentCreate = z.input<typeof documentCreateSchema>;

export const documentSchema = syncMetaSchema.extend({
  clientId: idSchema,
  fileName: z.string(),
  mimeType: z.string(),
  description: z.string().nullable(),
  sizeBytes: z.number().int().nonnegative(),
  /** BLAKE2b-256 of the plaintext, hex: the content address the sync uses. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  uploadedBy: idSchema,
});
export type DossierDocument = z.infer<typeof documentSchema>;
