import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { clientCreateSchema } from '../../../shared/domain/client.js';
import { contactCreateSchema } from '../../../shared/domain/contact.js';
import { domainMessage, domainMessages, fieldLabels, parseDomainMessage, type DomainMessageCode } from '../../../shared/domain/messages.js';
import { en } from '../i18n/en.js';
import { nl } from '../i18n/nl.js';
import { translateDomainMessage } from './domain-messages.js';

// The app's own resources and interpolation settings (renderer/src/i18n/index.ts), in an instance of the test's own.
let tNl: TFunction;
let tEn: TFunction;
beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({ resources: { nl: { translation: nl }, en: { translation: en } }, lng: 'nl', fallbackLng: 'nl', interpolation: { escapeValue: false } });
  tNl = instance.getFixedT('nl');
  tEn = instance.getFixedT('en');
});

/** The messages of every issue the schema raises for this input. */
function messagesOf(schema: { safeParse(input: unknown): { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } } }, input: unknown) {
  const result = schema.safeParse(input);
  expect(result.success).toBe(false);
  return Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

describe('domain validation messages in the user language', () => {
  it('refuses a BSN that fails the 11-test in Dutch and in English', () => {
    const { bsn } = messagesOf(clientCreateSchema, { firstName: 'Willemijn', lastName: 'Dijk', bsn: '123456788' });
    expect(translateDomainMessage(bsn!, tNl)).toBe('Dit BSN klopt niet: de elfproef faalt (controleer op een tikfout)');
    expect(translateDomainMessage(bsn!, tEn)).toBe('This BSN is not correct: the eleven test fails (check for a typing error)');
  });

  it('translates every message the client and contact forms can raise, with field names and numbers', () => {
    const client = messagesOf(clientCreateSchema, {
      firstName: '   ',
      lastName: 'x'.repeat(101),
      bsn: '1234 5678',
      postcode: '35123',
      houseNumber: '12a',
      email: 'geen-adres',
      phone: 'bel me',
      birthDate: 'gisteren',
      status: 'weg',
      careStartDate: '2025-05-01',
      careEndDate: '2025-04-01',
    });
    const english = Object.fromEntries(Object.entries(client).map(([field, message]) => [field, translateDomainMessage(message, tEn)]));
    expect(english).toEqual({
      firstName: 'First name is required',
      lastName: 'Last name may be at most 100 characters',
      bsn: 'This BSN is not correct: the eleven test fails (check for a typing error)',
      postcode: 'A postcode consists of 4 digits and 2 letters, for example 1234 AB',
      houseNumber: 'A house number consists of digits; an addition goes in the addition field',
      email: 'This is not a valid email address',
      phone: 'This is not a valid phone number',
      birthDate: 'Enter a date as YYYY-MM-DD',
      status: 'Choose a status: registration, in care or discharged',
    });
    expect(translateDomainMessage(messagesOf(clientCreateSchema, { firstName: 'A', lastName: 'B', bsn: '1234567' }).bsn!, tEn)).toBe('A BSN has 9 digits, this one has 7');
    expect(translateDomainMessage(messagesOf(clientCreateSchema, { firstName: 'A', lastName: 'B', careStartDate: '2025-05-01', careEndDate: '2025-04-01' }).careEndDate!, tEn)).toBe(
      'The end date of care is before the start date',
    );
    // An empty input reaches the schema as null (domainResolver): still "is required", not zod's own English.
    expect(translateDomainMessage(messagesOf(clientCreateSchema, { firstName: null, lastName: 'B' }).firstName!, tNl)).toBe('De voornaam is verplicht');
    const contact = messagesOf(contactCreateSchema, { clientId: '0190a000-0000-7000-8000-000000000001', relation: 'buurman', name: '' });
    expect(translateDomainMessage(contact.relation!, tEn)).toBe('Choose the relation to the client');
    expect(translateDomainMessage(contact.name!, tEn)).toBe('The name is required');
  });

  it('recognises every message of the catalogue, and every one has its own English text', () => {
    for (const code of Object.keys(domainMessages) as DomainMessageCode[]) {
      const dutch = domainMessage(code, { label: 'De notitie', max: 2000, count: 8 });
      expect(parseDomainMessage(dutch)?.code).toBe(code);
      expect(translateDomainMessage(dutch, tNl)).toBe(dutch);
      const english = translateDomainMessage(dutch, tEn);
      expect(english).not.toBe(dutch);
      expect(english).not.toContain('{{');
    }
    for (const label of fieldLabels) expect(translateDomainMessage(domainMessage('required', { label }), tEn)).not.toMatch(/^(De|Het) /);
  });

  it('shows a message the domain does not know as it came', () => {
    expect(translateDomainMessage('Iets heel anders', tEn)).toBe('Iets heel anders');
    expect(parseDomainMessage('Iets heel anders')).toBeNull();
  });
});
