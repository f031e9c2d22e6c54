import { z } from 'zod';
import { idSchema, isoDateSchema, requiredText, syncMetaSchema } from './common.js';
import { unitSchema } from './units.js';

/** The four Dutch care financing laws. */
export const financingLaws = ['Wmo', 'Jeugdwet', 'Wlz', 'Zvw'] as const;
export const financingLawSchema = z.enum(financingLaws, { error: 'Kies de wet: Wmo, Jeugdwet, Wlz of Zvw' });

/** A beschikking/toewijzing: which product this provider may deliver to this client, how much, until when. */
export const allocationCreateSchema = z
  .object({
    id: idSchema.optional(),
    clientId: idSchema,
    law: financingLawSchema,
    productCode: requiredText('De productcode', 20),
    productName: requiredText('De productnaam', 200),
    unit: unitSchema,
    volume: z.number().int().positive('Het volume moet groter zijn dan 0').nullable().optional(),
    startDate: isoDateSchema,
    endDate: isoDateSchema.nullable().optional(),
  })
  .strict()
  .refine((v) => !v.endDate || v.endDate >= v.startDate, { message: 'De einddatum ligt vóór de startdatum', path: ['endDate'] });
export type AllocationCreate = z.input<typeof allocationCreateSchema>;

export const allocationSchema = syncMetaSchema.extend({
  clientId: idSchema,
  law: financingLawSchema,
  productCode: z.string(),
  productName: z.string(),
  unit: unitSchema,
  volume: z.number().int().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
});
export type Allocation = z.infer<typeof allocationSchema>;

/** Amount in whole units of `unit`; euro amounts in cents. */
const timeFields = {
  allocationId: idSchema.nullable().optional(),
  date: isoDateSchema,
  amount: z.number().int('Het aantal moet een heel getal zijn (euro in centen)').positive('Het aantal moet groter zijn dan 0'),
  unit: unitSchema,
  appointmentId: idSchema.nullable().optional(),
  note: z.string().trim().max(2000, 'De notitie mag hoogstens 2000 tekens zijn').nullable().optional(),
};

export const timeRegistrationCreateSchema = z.object({ ...timeFields, id: idSchema.optional(), clientId: idSchema }).strict();
export type TimeRegistrationCreate = z.input<typeof timeRegistrationCreateSchema>;
export const timeRegistrationUpdateSchema = z.object(timeFields).partial().strict();
export type TimeRegistrationUpdate = z.input<typeof timeRegistrationUpdateSchema>;

export const timeRegistrationSchema = syncMetaSchema.extend({
  clientId: idSchema,
  userId: idSchema,
  allocationId: idSchema.nullable(),
  date: z.string(),
  amount: z.number().int(),
  unit: unitSchema,
  appointmentId: idSchema.nullable(),
  note: z.string().nullable(),
  /** Locked once declared to the municipality/insurer. */
  declaredAt: z.string().nullable(),
});
export type TimeRegistration = z.infer<typeof timeRegistrationSchema>;
