import type { z } from 'zod';
import { clientCreateSchema, clientUpdateSchema, type Client, type ClientStatus } from '../../../shared/domain/client.js';

/** What the inputs hold: text everywhere, "" for empty. */
export interface ClientFormValues {
  firstName: string;
  infix: string;
  lastName: string;
  birthDate: string;
  bsn: string;
  street: string;
  houseNumber: string;
  houseNumberAddition: string;
  postcode: string;
  city: string;
  phone: string;
  email: string;
  gpName: string;
  insurer: string;
  status: ClientStatus;
  careStartDate: string;
  careEndDate: string;
}

export const clientFormFields = [
  'firstName', 'infix', 'lastName', 'birthDate', 'bsn', 'street', 'houseNumber', 'houseNumberAddition', 'postcode',
  'city', 'phone', 'email', 'gpName', 'insurer', 'status', 'careStartDate', 'careEndDate',
] as const satisfies ReadonlyArray<keyof ClientFormValues>;

/** The domain's own schemas (BSN 11-test, postcode, dates) check the form; see domainResolver. */
export { clientCreateSchema, clientUpdateSchema };
export type ClientCreateOutput = z.output<typeof clientCreateSchema>;
export type ClientUpdateOutput = z.output<typeof clientUpdateSchema>;

export const emptyClient: ClientFormValues = {
  firstName: '', infix: '', lastName: '', birthDate: '', bsn: '', street: '', houseNumber: '', houseNumberAddition: '',
  postcode: '', city: '', phone: '', email: '', gpName: '', insurer: '', status: 'aanmelding', careStartDate: '', careEndDate: '',
};

export function clientToFormValues(client: Client): ClientFormValues {
  const values = { ...emptyClient };
  for (const field of clientFormFields) {
    const value = client[field];
    (values as Record<string, string>)[field] = value ?? '';
  }
  return values;
}
