import { z } from 'zod';
import { emailSchema, idSchema, requiredText, syncMetaSchema } from './common.js';

/**
 * owner (hoofdbeheerder) and admin (beheerder) manage the organisation: users, dossier access,
 * settings. Clinical access is never implied by a role: it always comes from dossier access, so an
 * admin who needs to read a dossier grants it to themselves, which is logged like any other grant.
 */
export const roles = ['owner', 'admin', 'practitioner'] as const;
export const roleSchema = z.enum(roles, { error: 'Kies een rol: eigenaar, beheerder of zorgverlener' });
export type Role = z.infer<typeof roleSchema>;

/** Paused users do not count towards the plan and can do nothing. */
export const userStatusSchema = z.enum(['active', 'paused'], { error: 'Kies een status: actief of gepauzeerd' });
export type UserStatus = z.infer<typeof userStatusSchema>;

export const userSchema = syncMetaSchema.extend({
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  status: userStatusSchema,
});
export type User = z.infer<typeof userSchema>;

export const userInputSchema = z
  .object({
    id: idSchema.optional(),
    email: emailSchema,
    displayName: requiredText('De naam', 200),
    role: roleSchema,
    status: userStatusSchema.default('active'),
  })
  .strict();
export type UserInput = z.input<typeof userInputSchema>;

export function isAdministrator(role: Role): boolean {
  return role === 'owner' || role === 'admin';
}
