import { z } from 'zod';
import { accessActionSchema, accessOutcomeSchema } from '../../domain/access-log.js';
import { idSchema } from '../../domain/common.js';
import { dossierAccessGrantSchema } from '../../domain/dossier-access.js';
import { roleSchema } from '../../domain/user.js';
import { call } from '../define.js';

/** One user of the organisation with their rights on one dossier (none = no access). */
export const dossierAccessRowSchema = z.object({
  userId: idSchema,
  displayName: z.string(),
  email: z.string(),
  role: roleSchema,
  canRead: z.boolean(),
  canEdit: z.boolean(),
  canSignOff: z.boolean(),
});
export type DossierAccessRow = z.infer<typeof dossierAccessRowSchema>;

/** A line of the NEN 7513 / Wabvpz overview: who, when, what, with what outcome. */
export const accessLogLineSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  userName: z.string(),
  onBehalfOfName: z.string().nullable(),
  action: accessActionSchema,
  event: z.string(),
  objectType: z.string(),
  outcome: accessOutcomeSchema,
  reason: z.string().nullable(),
  deviceId: z.string(),
});
export type AccessLogLine = z.infer<typeof accessLogLineSchema>;

const clientIdInput = z.object({ clientId: idSchema }).strict();

export const accessCalls = {
  'access.list': call(clientIdInput, z.object({ items: z.array(dossierAccessRowSchema) })),
  'access.grant': call(dossierAccessGrantSchema, z.object({})),
  'access.log': call(clientIdInput, z.object({ items: z.array(accessLogLineSchema) })),
};
