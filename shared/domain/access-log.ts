import { z } from 'zod';

/** NEN 7513 action codes: Create, Read, Update, Delete, Export. */
export const accessActions = ['C', 'R', 'U', 'D', 'E'] as const;
export const accessActionSchema = z.enum(accessActions);
export type AccessAction = z.infer<typeof accessActionSchema>;

export const accessOutcomeSchema = z.enum(['success', 'refused']);
export type AccessOutcome = z.infer<typeof accessOutcomeSchema>;

/** One line of the access log as the overview "who accessed this dossier" shows it. */
export const accessLogEntrySchema = z.object({
  seq: z.number().int(),
  id: z.string(),
  /** ISO 8601 in UTC, to the second, as NEN 7513 asks. */
  at: z.string(),
  organisationId: z.string(),
  userId: z.string(),
  userName: z.string().nullable(),
  onBehalfOf: z.string().nullable(),
  action: accessActionSchema,
  event: z.string(),
  clientId: z.string().nullable(),
  objectType: z.string(),
  objectId: z.string().nullable(),
  outcome: accessOutcomeSchema,
  reason: z.string().nullable(),
  deviceId: z.string(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AccessLogEntry = z.infer<typeof accessLogEntrySchema>;
