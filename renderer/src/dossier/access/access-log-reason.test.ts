import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.js';
import { nl } from '../../i18n/nl.js';
import { accessLogReason } from './access-log-reason.js';

// The app's own texts, in an i18next instance of the test's own.
let tNl: TFunction;
let tEn: TFunction;
beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({ resources: { nl: { translation: nl }, en: { translation: en } }, lng: 'nl', fallbackLng: 'nl', interpolation: { escapeValue: false } });
  tNl = instance.getFixedT('nl');
  tEn = instance.getFixedT('en');
});

const ok = (event: string, reason: string | null) => ({ event, outcome: 'success' as const, reason });

describe('the note under a line of the access overview', () => {
  it('says what a refusal code means, in the reader’s language', () => {
    const line = { event: 'client.read', outcome: 'refused' as const, reason: 'forbidden' };
    expect(accessLogReason(line, tNl)).toBe('Geen toegang');
    expect(accessLogReason(line, tEn)).toBe('No access');
    expect(accessLogReason({ ...line, reason: 'record_locked' }, tNl)).toBe('Vastgezet: alleen een aanvulling is nog mogelijk');
  });

  it('turns a count into how many were shown', () => {
    expect(accessLogReason(ok('report.list', '0'), tNl)).toBe('0 getoond');
    expect(accessLogReason(ok('report.list', '1'), tEn)).toBe('1 shown');
  });

  it('puts dossier rights and per-report rights in words, without the colleague’s id', () => {
    expect(accessLogReason(ok('access.grant', 'lezen,wijzigen'), tNl)).toBe('Lezen, Wijzigen');
    expect(accessLogReason(ok('access.grant', 'lezen,wijzigen'), tEn)).toBe('Read, Change');
    expect(accessLogReason(ok('access.grant', 'ingetrokken'), tEn)).toBe('Rights withdrawn');
    expect(accessLogReason(ok('report.access', '0192f0aa-1111-7222-8333-444455556666:rw'), tNl)).toBe('Lezen, Wijzigen');
    expect(accessLogReason(ok('report.access', '0192f0aa-1111-7222-8333-444455556666:ingetrokken'), tNl)).toBe('Rechten ingetrokken');
  });

  it('names the changed fields by their labels and leaves out names it does not know', () => {
    expect(accessLogReason(ok('client.update', 'phone,postcode'), tNl)).toBe('Velden: Telefoon, Postcode');
    expect(accessLogReason(ok('client.update', 'phone,postcode'), tEn)).toBe('Fields: Phone, Postcode');
    expect(accessLogReason(ok('report.update', 'body,somethingNew'), tNl)).toBe('Velden: Rapportage');
    expect(accessLogReason(ok('contact.update', 'somethingNew'), tNl)).toBeNull();
  });

  it('leaves out what means nothing to a reader: record ids and unknown notes', () => {
    expect(accessLogReason(ok('report.addendum', 'addendum bij 0192f0aa-1111-7222-8333-444455556666'), tNl)).toBeNull();
    expect(accessLogReason(ok('client.read', null), tNl)).toBeNull();
    expect(accessLogReason(ok('document.read', 'naar bestand'), tEn)).toBe('Saved as a file');
  });
});
