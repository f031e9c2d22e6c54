import { z } from 'zod';
import { idSchema } from '../../domain/common.js';
import { roleSchema, userStatusSchema } from '../../domain/user.js';
import { call } from '../define.js';
import { noInput } from './app.js';

export const organisationUserSchema = z.object({
  id: idSchema,
  displayName: z.string(),
  email: z.string(),
  role: roleSchema,
  status: userStatusSchema,
});
export type OrganisationUser = z.infer<typeof organisationUserSchema>;

export const organisationCalls = {
  /** What the UI needs of the organisation: its name and the inactivity lock (SPEC §4). */
  'organisation.current': call(noInput, z.object({ id: idSchema, name: z.string(), autoLockMinutes: z.number().int().positive() })),
  'organisation.users': call(noInput, z.object({ items: z.array(organisationUserSchema) })),
};
