import { addDays, addMonths, endOfMonth, startOfMonth, type IsoDate } from './dates.js';
import { isPeriodEnd, yearlyTermEndOnOrAfter, type BillingInterval } from './periods.js';

/**
 * Cancellation end dates (art. 17 "Opzegtermijn en verlenging"). End dates are the last day the
 * agreement is in force (see periods.ts for that convention).
 */

/**
 * Monthly (art. 17 "Opzegtermijn maandcontracten"): "u [moet] vóór de eerste dag van een nieuwe
 * kalendermaand uw opzegging hebben gedaan. Wanneer u niet opzegt vóór de eerste dag van een nieuwe
 * kalendermaand, wordt uw abonnement automatisch met één maand verlengd." With the article's
 * examples (4 April 2024 → 31 May 2024; 29 March 2024 → 30 April 2024): a cancellation made on any
 * day of month M — the 1st and the last day included — ends the subscription at the end of month
 * M+1. Month lengths and leap years follow from taking the last day of M+1 (cancelling in January
 * 2024 ends on 29 February 2024, in January 2025 on 28 February 2025).
 */
export function monthlyCancellationEndDate(cancelledOn: IsoDate): IsoDate {
  return endOfMonth(addMonths(startOfMonth(cancelledOn), 1));
}

/**
 * The last day on which a yearly cancellation still ends the agreement at term end E.
 *
 * Art. 17 "Opzegtermijn jaarcontracten": "een opzegtermijn van minimaal één maand voor het aflopen
 * van uw jaarlijkse termijn". Interpretation: the notice period is counted back from E by one
 * calendar month, and "minimaal" (at least) makes a cancellation made exactly one calendar month
 * before E still in time. So the deadline is E − 1 calendar month, and when that day does not exist
 * the deadline is the last day of that month (E = 31 March → deadline 28 February, or 29 February in
 * a leap year; E = 1 March 2024 → deadline 1 February 2024, consistent with the article's example,
 * where 24 January is in time and 15 February is not).
 */
export function yearlyCancellationDeadline(termEnd: IsoDate): IsoDate {
  return addMonths(termEnd, -1);
}

/**
 * Yearly (art. 17): a cancellation on or before the deadline of the current term end E ends the
 * agreement at E; a later one is too late, "wordt uw abonnement automatisch voor de duur van één
 * jaar verlengd", so it ends at the next term end (E + 1 year, the next anniversary of the start).
 *
 * E is the first anniversary of `startedOn` on or after the cancellation day, so cancelling on E
 * itself is late and ends a year later. For the article's example (E = 1 March 2024) pass a start
 * of 1 March 2023 (or any earlier 1 March): 24 January 2024 → 1 March 2024; 15 February 2024 →
 * 1 March 2025.
 */
export function yearlyCancellationEndDate(cancelledOn: IsoDate, startedOn: IsoDate): IsoDate {
  const termEnd = yearlyTermEndOnOrAfter(startedOn, cancelledOn);
  if (cancelledOn <= yearlyCancellationDeadline(termEnd)) return termEnd;
  return yearlyTermEndOnOrAfter(startedOn, addDays(termEnd, 1));
}

/** The earliest day a cancellation made on `cancelledOn` can end the agreement (art. 17). */
export function earliestCancellationEndDate(
  interval: BillingInterval,
  startedOn: IsoDate,
  cancelledOn: IsoDate,
): IsoDate {
  return interval === 'monthly' ? monthlyCancellationEndDate(cancelledOn) : yearlyCancellationEndDate(cancelledOn, startedOn);
}

export type CancellationEndDateCheck =
  | { ok: true; endDate: IsoDate }
  | {
      ok: false;
      reason: 'end_date_before_earliest_possible' | 'end_date_not_a_period_end';
      earliestEndDate: IsoDate;
    };

/**
 * Art. 16 asks for a cancellation "voorzien van einddatum". The requested end date must be a day on
 * which a period ends (a month end; a yearly anniversary) and not earlier than art. 17 allows. A
 * later end date is fine (the customer may cancel well ahead). Leaving it out means "as early as
 * possible".
 */
export function checkCancellationEndDate(
  interval: BillingInterval,
  startedOn: IsoDate,
  cancelledOn: IsoDate,
  requestedEndDate: IsoDate | null,
): CancellationEndDateCheck {
  const earliestEndDate = earliestCancellationEndDate(interval, startedOn, cancelledOn);
  if (requestedEndDate === null) return { ok: true, endDate: earliestEndDate };
  if (requestedEndDate < earliestEndDate) return { ok: false, reason: 'end_date_before_earliest_possible', earliestEndDate };
  if (!isPeriodEnd(interval, startedOn, requestedEndDate)) return { ok: false, reason: 'end_date_not_a_period_end', earliestEndDate };
  return { ok: true, endDate: requestedEndDate };
}
