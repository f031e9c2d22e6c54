import { z } from 'zod';
import { addDays, addMonths, addYears, isoDateSchema, type IsoDate } from './dates.js';
import type { Cents } from './money.js';
import { billingIntervalSchema, periodStartOnOrAfter, yearlyTermEnd, type BillingInterval } from './periods.js';

/**
 * Price changes (art. 8 "Prijswijziging door inflatie" and "Andere prijswijzigingen").
 *
 * - Indexation: "jaarlijks een inflatiecorrectie ... ter hoogte van ofwel de algemeen geldende
 *   HICP-index, ofwel de CPI-index", automatic, per CBS's official yearly figures. Modelled as: at
 *   most once per 12 months, and the new price at most the current price raised by the index
 *   percentage (rounded to the cent, half away from zero). "Gerechtigd" (entitled) means we may apply
 *   less than the index, never more. No announcement period is required for indexation (the one-month
 *   notice is for "een andere prijswijziging dan de automatische inflatiecorrectie").
 * - Other changes: "minimaal één maand van tevoren aan u melden": announced on or before the
 *   effective date minus one calendar month (the same counting as the yearly cancellation deadline:
 *   exactly one calendar month ahead is enough).
 * - Every change: "Een prijswijziging zal nooit plaatsvinden binnen drie maanden na het afsluiten van
 *   uw abonnement / contract": effective on or after start + 3 calendar months. And for a new yearly
 *   contract "blijft de prijs ... sowieso het eerste jaar gelijk": not before the second yearly term
 *   starts (the day after the first anniversary; see periods.ts).
 * - Right to cancel: "wanneer de verhoging meer dan 1,5 keer de kosten van uw huidige
 *   abonnement/contract bedraagt, [kunt u] uw overeenkomst per direct opzeggen ... tot en met de dag
 *   dat het nieuwe verschuldigde bedrag betaald moet zijn." Read as SPEC.md §3 reads it: the new price
 *   is more than 1.5 × the current price (exactly 1.5 × gives no right). (Literally "the increase is
 *   more than 1.5 × the cost" would mean new > 2.5 × current; the reading chosen is the one more
 *   favourable to the customer.) It belongs to "een dergelijke prijswijziging", i.e. the other
 *   changes, not to indexation. The new amount is due on the first day of the first billing period
 *   at the new price (art. 8 prepaid), and the right lasts through that day.
 */
export const priceChangeKinds = ['indexation', 'other'] as const;
export const priceChangeKindSchema = z.enum(priceChangeKinds);
export type PriceChangeKind = z.infer<typeof priceChangeKindSchema>;

export const priceIndexNames = ['CPI', 'HICP'] as const;
export const priceIndexSchema = z.object({
  name: z.enum(priceIndexNames),
  /** The CBS yearly figure in basis points: 410 = 4.10 %. May be negative (deflation). */
  basisPoints: z.number().int().min(-10_000).max(10_000),
});
export type PriceIndex = z.infer<typeof priceIndexSchema>;

export const priceChangeRefusalReasons = [
  'effective_before_announcement',
  'within_three_months_of_start',
  'within_first_contract_year',
  'announced_less_than_one_month_ahead',
  'index_figure_missing',
  'indexation_more_than_once_a_year',
  'indexation_above_index',
] as const;
export const priceChangeRefusalReasonSchema = z.enum(priceChangeRefusalReasons);
export type PriceChangeRefusalReason = z.infer<typeof priceChangeRefusalReasonSchema>;

export const proposedPriceChangeSchema = z.object({
  kind: priceChangeKindSchema,
  billingInterval: billingIntervalSchema,
  /** The day the subscription/contract was taken out. */
  startedOn: isoDateSchema,
  currentPriceCents: z.number().int().min(0),
  newPriceCents: z.number().int().min(0),
  announcedOn: isoDateSchema,
  effectiveOn: isoDateSchema,
  index: priceIndexSchema.nullable(),
  /** Effective date of the last indexation applied, if any. */
  lastIndexationOn: isoDateSchema.nullable(),
});
export type ProposedPriceChange = z.infer<typeof proposedPriceChangeSchema>;

export type PriceChangeVerdict =
  | {
      ok: true;
      /** The first day of the first billing period at the new price; the new amount is due that day. */
      newAmountDueOn: IsoDate;
      /** Art. 8: the customer may cancel at once until and including this day; null = no such right. */
      customerMayCancelUntil: IsoDate | null;
    }
  | { ok: false; reasons: PriceChangeRefusalReason[] };

/** Raises (or lowers) a price by an index in basis points, rounded to the cent half away from zero. */
export function indexPriceCents(currentCents: Cents, basisPoints: number): Cents {
  const product = currentCents * basisPoints;
  const change = product >= 0 ? Math.floor((product + 5000) / 10_000) : -Math.floor((-product + 5000) / 10_000);
  return currentCents + change;
}

/** Art. 8's 1.5× rule: strictly more than one and a half times the current price. Integer-exact. */
export function exceedsOneAndAHalfTimes(currentCents: Cents, newCents: Cents): boolean {
  return 2 * newCents > 3 * currentCents;
}

/** The earliest day any price change may take effect: three calendar months after the start. */
export function earliestPriceChangeDate(startedOn: IsoDate, billingInterval: BillingInterval): IsoDate {
  const threeMonths = addMonths(startedOn, 3);
  if (billingInterval === 'monthly') return threeMonths;
  const secondYear = addDays(yearlyTermEnd(startedOn, 1), 1);
  return secondYear > threeMonths ? secondYear : threeMonths;
}

/** The latest day an "other" price change taking effect on `effectiveOn` may be announced. */
export function latestAnnouncementDate(effectiveOn: IsoDate): IsoDate {
  return addMonths(effectiveOn, -1);
}

export function validatePriceChange(change: ProposedPriceChange): PriceChangeVerdict {
  const reasons: PriceChangeRefusalReason[] = [];
  const { kind, billingInterval, startedOn, currentPriceCents, newPriceCents, announcedOn, effectiveOn } = change;

  if (effectiveOn < announcedOn) reasons.push('effective_before_announcement');
  if (effectiveOn < addMonths(startedOn, 3)) reasons.push('within_three_months_of_start');
  else if (billingInterval === 'yearly' && effectiveOn < earliestPriceChangeDate(startedOn, 'yearly')) {
    reasons.push('within_first_contract_year');
  }

  if (kind === 'other') {
    if (announcedOn > latestAnnouncementDate(effectiveOn)) reasons.push('announced_less_than_one_month_ahead');
  } else {
    if (change.index === null) reasons.push('index_figure_missing');
    else {
      const ceiling = Math.max(currentPriceCents, indexPriceCents(currentPriceCents, change.index.basisPoints));
      if (newPriceCents > ceiling) reasons.push('indexation_above_index');
    }
    if (change.lastIndexationOn !== null && effectiveOn < addYears(change.lastIndexationOn, 1)) {
      reasons.push('indexation_more_than_once_a_year');
    }
  }

  if (reasons.length > 0) return { ok: false, reasons };
  const newAmountDueOn = periodStartOnOrAfter(billingInterval, startedOn, effectiveOn);
  const customerMayCancelUntil =
    kind === 'other' && exceedsOneAndAHalfTimes(currentPriceCents, newPriceCents) ? newAmountDueOn : null;
  return { ok: true, newAmountDueOn, customerMayCancelUntil };
}

/** Does the customer have art. 8's right to cancel at once on `today`, given a validated change? */
export function mayCancelForPriceIncrease(customerMayCancelUntil: IsoDate | null, today: IsoDate): boolean {
  return customerMayCancelUntil !== null && today <= customerMayCancelUntil;
}
