import { z } from 'zod';
import { call } from '../define.js';

export const clientStatusSchema = z.enum(['aanmelding', 'in_zorg', 'uit_zorg']);
export type ClientStatus = z.infer<typeof clientStatusSchema>;

export const clientSummarySchema = z.object({
  id: z.string().uuid(),
  dossierNumber: z.string(),
  name: z.string(),
  birthDate: z.string().nullable(),
  postcode: z.string().nullable(),
  status: clientStatusSchema,
});
export type ClientSummary = z.infer<typeof clientSummarySchema>;

export const dossierListInputSchema = z
  .object({
    query: z.string().trim().max(200).default(''),
    status: clientStatusSchema.optional(),
  })
  .strict();

export const dossierCalls = {
  'dossiers.list': call(dossierListInputSchema, z.object({ items: z.array(clientSummarySchema) })),
};
