import { z } from 'zod';
import { bsnProblem, normaliseBsn } from './bsn.js';
import { emailSchema, idSchema, isoDateSchema, phoneSchema, requiredText, syncMetaSchema, text } from './common.js';
import { domainMessage } from './messages.js';
import { normalisePostcode } from './postcode.js';

export const clientStatuses = ['aanmelding', 'in_zorg', 'uit_zorg'] as const;
export const clientStatusSchema = z.enum(clientStatuses, { error: domainMessage('clientStatus') });
export type ClientStatus = z.infer<typeof clientStatusSchema>;

export const bsnSchema = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const problem = bsnProblem(value);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    }
    return normaliseBsn(value);
  });

export const postcodeSchema = z.string().transform((value, ctx) => {
  const normal = normalisePostcode(value);
  if (normal === null) {
    ctx.addIssue({ code: 'custom', message: domainMessage('postcode') });
    return z.NEVER;
  }
  return normal;
});

const nullable = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

/** The fields a user edits. Dossier number, ids and sync metadata are the store's business. */
const clientFields = {
  firstName: requiredText('De voornaam', 100),
  /** tussenvoegsel: "van der", "de" — sorted under the last name, as Dutch registers do. */
  infix: nullable(text('Het tussenvoegsel', 20)),
  lastName: requiredText('De achternaam', 100),
  birthDate: nullable(isoDateSchema),
  bsn: nullable(bsnSchema),
  street: nullable(text('De straat', 120)),
  houseNumber: nullable(
    z.string().trim().regex(/^\d{1,5}$/, domainMessage('houseNumber')),
  ),
  houseNumberAddition: nullable(text('De toevoeging', 10)),
  postcode: nullable(postcodeSchema),
  city: nullable(text('De woonplaats', 80)),
  phone: nullable(phoneSchema),
  email: nullable(emailSchema),
  gpName: nullable(text('De huisarts', 120)),
  insurer: nullable(text('De zorgverzekeraar', 120)),
  status: clientStatusSchema,
  careStartDate: nullable(isoDateSchema),
  careEndDate: nullable(isoDateSchema),
};

function checkCareDates(value: { careStartDate?: string | null; careEndDate?: string | null }, ctx: z.RefinementCtx) {
  if (value.careStartDate && value.careEndDate && value.careEndDate < value.careStartDate) {
    ctx.addIssue({ code: 'custom', path: ['careEndDate'], message: domainMessage('careEndBeforeStart') });
  }
}

export const clientCreateSchema = z
  .object({ ...clientFields, id: idSchema.optional(), status: clientStatusSchema.default('aanmelding') })
  .strict()
  .superRefine(checkCareDates);
export type ClientCreate = z.input<typeof clientCreateSchema>;

export const clientUpdateSchema = z.object(clientFields).partial().strict().superRefine(checkCareDates);
export type ClientUpdate = z.input<typeof clientUpdateSchema>;

export const clientSchema = syncMetaSchema.extend({
  dossierNumber: z.string(),
  firstName: z.string(),
  infix: z.string().nullable(),
  lastName: z.string(),
  birthDate: z.string().nullable(),
  bsn: z.string().nullable(),
  street: z.string().nullable(),
  houseNumber: z.string().nullable(),
  houseNumberAddition: z.string().nullable(),
  postcode: z.string().nullable(),
  city: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  gpName: z.string().nullable(),
  insurer: z.string().nullable(),
  status: clientStatusSchema,
  careStartDate: z.string().nullable(),
  careEndDate: z.string().nullable(),
});
export type Client = z.infer<typeof clientSchema>;

/** "Jan van der Berg": how a client is named in lists and the access log overview. */
export function clientDisplayName(client: Pick<Client, 'firstName' | 'infix' | 'lastName'>): string {
  return [client.firstName, client.infix, client.lastName].filter(Boolean).join(' ');
}
