import { z } from 'zod';
import { domainMessage } from './messages.js';
import { emailSchema, idSchema, phoneSchema, requiredText, syncMetaSchema, text } from './common.js';

/** Related persons (SPEC §1): family, legal representatives (mentor, curator, wettelijk vertegenwoordiger), GP, other professionals. */
export const contactRelations = ['familie', 'wettelijk_vertegenwoordiger', 'mentor', 'curator', 'huisarts', 'professional', 'overig'] as const;
export const contactRelationSchema = z.enum(contactRelations, { error: domainMessage('contactRelation') });
export type ContactRelation = z.infer<typeof contactRelationSchema>;

const contactFields = {
  relation: contactRelationSchema,
  name: requiredText('De naam', 200),
  organisationName: text('De organisatie', 200).nullable().optional(),
  phone: phoneSchema.nullable().optional(),
  email: emailSchema.nullable().optional(),
  note: text('De notitie', 2000).nullable().optional(),
};

export const contactCreateSchema = z.object({ ...contactFields, id: idSchema.optional(), clientId: idSchema }).strict();
export type ContactCreate = z.input<typeof contactCreateSchema>;
export const contactUpdateSchema = z.object(contactFields).partial().strict();
export type ContactUpdate = z.input<typeof contactUpdateSchema>;

export const contactSchema = syncMetaSchema.extend({
  clientId: idSchema,
  relation: contactRelationSchema,
  name: z.string(),
  organisationName: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  note: z.string().nullable(),
});
export type Contact = z.infer<typeof contactSchema>;
