import { z } from 'zod';
import { idSchema, syncMetaSchema } from './common.js';

/**
 * Who may open which dossier (SPEC §1 "Access"): read, edit, sign off. Edit implies read and
 * sign-off implies read; a grant with none of the three is a revocation.
 */
export const dossierRightsSchema = z
  .object({ canRead: z.boolean(), canEdit: z.boolean(), canSignOff: z.boolean() })
  .strict()
  .refine((r) => r.canRead || (!r.canEdit && !r.canSignOff), {
    message: 'Wie mag bewerken of aftekenen, moet het dossier ook mogen lezen',
    path: ['canRead'],
  });
export type DossierRights = z.infer<typeof dossierRightsSchema>;

export const dossierAccessGrantSchema = z.object({ clientId: idSchema, userId: idSchema, rights: dossierRightsSchema }).strict();
export type DossierAccessGrant = z.input<typeof dossierAccessGrantSchema>;

export const dossierAccessSchema = syncMetaSchema.extend({
  clientId: idSchema,
  userId: idSchema,
  canRead: z.boolean(),
  canEdit: z.boolean(),
  canSignOff: z.boolean(),
});
export type DossierAccess = z.infer<typeof dossierAccessSchema>;

export const noRights: DossierRights = { canRead: false, canEdit: false, canSignOff: false };
