import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { accessRefusals, type AccessRefusal } from '../../../shared/ipc/errors.js';
import { en } from '../i18n/en.js';
import { nl } from '../i18n/nl.js';
import { IpcCallError } from './call.js';
import { errorTextFor } from './useErrorText.js';

async function translator(language: 'nl' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({ resources: { nl: { translation: nl }, en: { translation: en } }, lng: language, interpolation: { escapeValue: false } });
  return instance.t;
}

const refused = (refusal: AccessRefusal) => new IpcCallError({ code: 'forbidden', message: 'refused', refusal });

/** What each text must tell the person to do next, in Dutch and in English. */
const nextStep: Record<AccessRefusal, { nl: RegExp; en: RegExp }> = {
  two_factor_enrolment_required: { nl: /tweestapsverificatie.*opnieuw aan.*stap voor stap.*beheerder/s, en: /two-step verification.*Sign in again.*step by step.*administrator/s },
  ip_not_allowed: { nl: /netwerk.*toegestaan netwerk.*Beheer → Beveiliging/s, en: /network.*allowed network.*Administration → Security/s },
  account_paused: { nl: /gepauzeerd.*weer actief.*Beheer → Gebruikers/s, en: /paused.*active again.*Administration → Users/s },
  device_revoked: { nl: /apparaat afgemeld.*ander apparaat/s, en: /signed this device out.*another device/s },
  organisation_ended: { nl: /overeenkomst.*beëindigd.*eigenaar/s, en: /agreement.*ended.*owner/s },
};

describe('the sign-in screen says why the service turned you away, and what to do', () => {
  it.each(accessRefusals)('%s has its own text in Dutch and English', async (refusal) => {
    for (const language of ['nl', 'en'] as const) {
      const t = await translator(language);
      const text = errorTextFor(t, refused(refusal));
      expect(text).toMatch(nextStep[refusal][language]);
      expect(text).not.toBe(t('errors.forbidden'));
      const others = accessRefusals.filter((other) => other !== refusal).map((other) => errorTextFor(t, refused(other)));
      expect(others).not.toContain(text);
    }
  });

  it('a forbidden without a reason, and anything unexpected, keep their general texts', async () => {
    const t = await translator('nl');
    expect(errorTextFor(t, new IpcCallError({ code: 'forbidden', message: 'no' }))).toBe(nl.errors.forbidden);
    expect(errorTextFor(t, new Error('boom'))).toBe(nl.errors.internal);
  });
});
