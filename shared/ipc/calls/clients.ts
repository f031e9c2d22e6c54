import { z } from 'zod';
import { clientCreateSchema, clientSchema, clientStatusSchema, clientUpdateSchema } from '../../domain/client.js';
import { idSchema } from '../../domain/common.js';
import { call } from '../define.js';

export const clientListItemSchema = z.object({
  id: idSchema,
  dossierNumber: z.string(),
  firstName: z.string(),
  infix: z.string().nullable(),
  lastName: z.string(),
  birthDate: z.string().nullable(),
  postcode: z.string().nullable(),
  city: z.string().nullable(),
  status: clientStatusSchema,
  canEdit: z.boolean(),
});
export type ClientListItem = z.infer<typeof clientListItemSchema>;

/** A search shows at most this many clients: more is not a list anyone reads; typing on narrows it. */
export const clientSearchLimit = 200;

export const clientListInputSchema = z
  .object({
    query: z.string().trim().max(200).default(''),
    status: clientStatusSchema.optional(),
    /** Only the dossiers this user may edit ("mijn cliënten"). */
    mine: z.boolean().default(false),
  })
  .strict();

export const myDossierRightsSchema = z.object({ canRead: z.boolean(), canEdit: z.boolean(), canSignOff: z.boolean() });
export type MyDossierRights = z.infer<typeof myDossierRightsSchema>;

const clientIdInput = z.object({ clientId: idSchema }).strict();

export const clientCalls = {
  /**
   * total: every dossier the user may open; matched: how many answer the query and filters. A
   * search returns at most clientSearchLimit items, so matched may be larger than items.length.
   */
  'clients.list': call(
    clientListInputSchema,
    z.object({ items: z.array(clientListItemSchema), total: z.number().int(), matched: z.number().int() }),
  ),
  'clients.get': call(clientIdInput, z.object({ client: clientSchema, rights: myDossierRightsSchema })),
  'clients.create': call(clientCreateSchema, clientSchema),
  /** Administrators: every dossier of the organisation, to manage access (canRead: whether they may open it). */
  'clients.administration': call(
    z.object({}).strict(),
    z.object({ items: z.array(clientListItemSchema.extend({ canRead: z.boolean() })) }),
  ),
  'clients.update': call(z.object({ clientId: idSchema, patch: clientUpdateSchema }).strict(), clientSchema),
};
