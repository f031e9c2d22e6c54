import { z } from 'zod';
import { clientStatusSchema } from '../domain/client.js';
import { addDays, isOnOrAfter, isValidIsoDate, laterOf, parseIsoDate, formatIsoDate, isoDateSchema, type IsoDate } from '../subscription/dates.js';

/**
 * WGBO, art. 7:454 lid 3 BW: a dossier is kept twenty years from the last change in it ("te
 * rekenen vanaf het tijdstip van de laatste wijziging"), or longer when good care requires it.
 * After that it is not destroyed automatically: it is offered to an administrator, who decides
 * (destruction-review.ts). Only closed dossiers count: status uit_zorg with a care end date.
 */
export const retentionYears = 20;

export const dossierRetentionFactsSchema = z.object({
  status: clientStatusSchema,
  careEndDate: isoDateSchema.nullable(),
  /** The newest change of any record in the dossier (client, reports, documents …), Amsterdam day. */
  lastChangedOn: isoDateSchema,
  /** An administrator decided to keep it longer (destruction-review.ts): kept until this day. */
  keepUntil: isoDateSchema.nullable().default(null),
});
export type DossierRetentionFacts = z.input<typeof dossierRetentionFactsSchema>;

export type RetentionState =
  /** In care or registered: no retention clock runs. */
  | { state: 'open' }
  /** Closed and within the period: destruction may not even be offered. */
  | { state: 'retained'; offerFrom: IsoDate }
  /** The period has passed: offer destruction to an administrator. */
  | { state: 'offer_destruction'; offerFrom: IsoDate };

/**
 * The first day on which the twenty years have fully passed. The same calendar day twenty years
 * later; a 29 February whose twentieth anniversary falls in a common year (2080 → 2100) moves to
 * 1 March, not 28 February: keeping a dossier one day longer is lawful, destroying it a day early
 * is not.
 */
export function retentionEndsOn(lastChangedOn: IsoDate, years: number = retentionYears): IsoDate {
  const { year, month, day } = parseIsoDate(lastChangedOn);
  const candidate = formatIsoDate({ year: year + years, month, day });
  if (isValidIsoDate(candidate)) return candidate;
  return addDays(formatIsoDate({ year: year + years, month: 2, day: 28 }), 1);
}

/** Where a dossier stands on `today`. */
export function retentionState(input: DossierRetentionFacts, today: IsoDate): RetentionState {
  const facts = dossierRetentionFactsSchema.parse(input);
  if (facts.status !== 'uit_zorg' || facts.careEndDate === null) return { state: 'open' };
  // Closing the dossier is itself a change; a care end date recorded later than the last
  // change seen (clock or import order) still starts the period no earlier than that date.
  const lastChange = laterOf(facts.lastChangedOn, facts.careEndDate);
  const legalEnd = retentionEndsOn(lastChange);
  const offerFrom = facts.keepUntil ? laterOf(legalEnd, addDays(facts.keepUntil, 1)) : legalEnd;
  return isOnOrAfter(today, offerFrom) ? { state: 'offer_destruction', offerFrom } : { state: 'retained', offerFrom };
}

/** The dossiers to list for an administrator on `today`, oldest due first. */
export function dossiersDueForDestructionOffer<T extends { id: string } & DossierRetentionFacts>(dossiers: readonly T[], today: IsoDate): Array<{ dossier: T; offerFrom: IsoDate }> {
  const due: Array<{ dossier: T; offerFrom: IsoDate }> = [];
  for (const dossier of dossiers) {
    const state = retentionState(dossier, today);
    if (state.state === 'offer_destruction') due.push({ dossier, offerFrom: state.offerFrom });
  }
  return due.sort((a, b) => (a.offerFrom < b.offerFrom ? -1 : a.offerFrom > b.offerFrom ? 1 : a.dossier.id < b.dossier.id ? -1 : 1));
}
