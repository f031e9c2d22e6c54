import { z } from 'zod';
import { idSchema } from '../../domain/common.js';
import { contactCreateSchema, contactSchema, contactUpdateSchema } from '../../domain/contact.js';
import { call } from '../define.js';

export const contactCalls = {
  'contacts.list': call(z.object({ clientId: idSchema }).strict(), z.object({ items: z.array(contactSchema) })),
  'contacts.create': call(contactCreateSchema, contactSchema),
  'contacts.update': call(z.object({ contactId: idSchema, patch: contactUpdateSchema }).strict(), contactSchema),
  'contacts.delete': call(z.object({ contactId: idSchema }).strict(), z.object({})),
};
