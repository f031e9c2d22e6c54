import { z } from 'zod';
import { idSchema, requiredText, syncMetaSchema } from './common.js';

export const organisationSchema = syncMetaSchema.extend({
  name: requiredText('De naam van de organisatie', 200),
  /** Minutes of inactivity before the app locks itself (SPEC §4, per organisation). */
  autoLockMinutes: z.number().int().min(1).max(240),
  requireTwoFactor: z.boolean(),
});
export type Organisation = z.infer<typeof organisationSchema>;

export const organisationInputSchema = z
  .object({
    id: idSchema.optional(),
    name: requiredText('De naam van de organisatie', 200),
    autoLockMinutes: z.number().int().min(1, 'Minimaal 1 minuut').max(240, 'Hoogstens 240 minuten').default(15),
    requireTwoFactor: z.boolean().default(false),
  })
  .strict();
export type OrganisationInput = z.input<typeof organisationInputSchema>;
