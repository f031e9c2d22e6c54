import { z } from 'zod';
import { addDays, addMonths, addYears, endOfMonth, isEndOfMonth, parseIsoDate, startOfMonth, type IsoDate } from './dates.js';

/**
 * Billing periods and term ends (art. 8 prepaid, art. 17 automatic renewal).
 *
 * Convention used throughout this module: an end date is the LAST DAY the agreement (or period)
 * is in force; it ends at the end of that day, Europe/Amsterdam, and from the next day on it has
 * ended. Art. 17's examples say "eindigt uw abonnement op 31 mei 2024"; a prepaid monthly
 * subscription pays for all of May, so 31 May is read as included. Art. 16 ("vanaf de dag dat onze
 * overeenkomst eindigt geen toegang meer") could be read as excluding the end day; where the terms
 * are unclear they are read in the customer's favour (art. 6:238 lid 2 BW), so the end day is
 * included. The same convention holds for yearly terms: a yearly subscription that "loopt tot
 * 1 maart 2024" is in force on 1 March 2024 and the renewed term runs 2 March 2024 – 1 March 2025.
 *
 * Monthly subscriptions run by calendar month (art. 6 and 8: "per kalendermaand opzegbaar"): a
 * period is a calendar month, the first one possibly partial. Yearly terms end on the anniversaries
 * of the start date: start + 1 year, start + 2 years, … A start on 29 February ends its terms on
 * 28 February in common years and on 29 February in leap years (the anniversary of the start,
 * never drifting).
 */
export const billingIntervals = ['monthly', 'yearly'] as const;
export const billingIntervalSchema = z.enum(billingIntervals);
export type BillingInterval = z.infer<typeof billingIntervalSchema>;

/** The k-th yearly term end (k ≥ 1) of a subscription that started on `startedOn`. */
export function yearlyTermEnd(startedOn: IsoDate, k: number): IsoDate {
  return addYears(startedOn, k);
}

/**
 * The first yearly term end (an anniversary of `startedOn`, at least one year after it) that falls on
 * or after `date`.
 */
export function yearlyTermEndOnOrAfter(startedOn: IsoDate, date: IsoDate): IsoDate {
  const years = parseIsoDate(date).year - parseIsoDate(startedOn).year;
  let k = Math.max(1, years - 1);
  let end = yearlyTermEnd(startedOn, k);
  while (end < date) {
    k += 1;
    end = yearlyTermEnd(startedOn, k);
  }
  return end;
}

/** Is `date` a day on which a period of this subscription can end? */
export function isPeriodEnd(interval: BillingInterval, startedOn: IsoDate, date: IsoDate): boolean {
  if (interval === 'monthly') return isEndOfMonth(date);
  return date > startedOn && yearlyTermEndOnOrAfter(startedOn, date) === date;
}

/** The last day of the billing period that contains `date` (dates before the start: the first period). */
export function periodEndContaining(interval: BillingInterval, startedOn: IsoDate, date: IsoDate): IsoDate {
  const d = date < startedOn ? startedOn : date;
  return interval === 'monthly' ? endOfMonth(d) : yearlyTermEndOnOrAfter(startedOn, d);
}

/** The period that follows one ending on `periodEnd`. */
export function nextPeriodEnd(interval: BillingInterval, startedOn: IsoDate, periodEnd: IsoDate): IsoDate {
  return periodEndContaining(interval, startedOn, addDays(periodEnd, 1));
}

/**
 * The first day of the first billing period that starts on or after `date`. Periods start on the
 * start date, then the day after each period end (1st of the month; day after an anniversary).
 */
export function periodStartOnOrAfter(interval: BillingInterval, startedOn: IsoDate, date: IsoDate): IsoDate {
  if (date <= startedOn) return startedOn;
  if (interval === 'monthly') {
    const first = startOfMonth(date);
    return first === date ? date : addMonths(first, 1);
  }
  return addDays(yearlyTermEndOnOrAfter(startedOn, addDays(date, -1)), 1);
}

/**
 * When a prepaid period's amount is due (art. 8: "De vooruitbetaling moet in ieder geval binnen zijn
 * vóór het moment dat de looptijd van uw abonnement/contract in gaat"): at the latest on the day the
 * period starts. (On a day-granular calendar "before the moment the term begins" is that day; taking
 * the later reading also gives the customer the full day for art. 8's cancellation right.)
 */
export function paymentDueDateForPeriodStarting(periodStart: IsoDate): IsoDate {
  return periodStart;
}
