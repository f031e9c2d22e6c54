import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkCancellationEndDate,
  earliestCancellationEndDate,
  monthlyCancellationEndDate,
  yearlyCancellationDeadline,
  yearlyCancellationEndDate,
} from './cancellation.js';
import { addDays, addMonths, addYears, endOfMonth, isEndOfMonth, yearMonthOf } from './dates.js';
import { isPeriodEnd, nextPeriodEnd, periodEndContaining, periodStartOnOrAfter, yearlyTermEndOnOrAfter } from './periods.js';

const isoDateArb = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('monthly cancellation (art. 17)', () => {
  it("the seed's examples: 4 April 2024 → 31 May 2024; 29 March 2024 → 30 April 2024", () => {
    expect(monthlyCancellationEndDate('2024-04-04')).toBe('2024-05-31');
    expect(monthlyCancellationEndDate('2024-03-29')).toBe('2024-04-30');
  });

  it('any day of the month, first and last included, ends at the end of the next month', () => {
    expect(monthlyCancellationEndDate('2024-04-01')).toBe('2024-05-31');
    expect(monthlyCancellationEndDate('2024-04-30')).toBe('2024-05-31');
    expect(monthlyCancellationEndDate('2024-05-01')).toBe('2024-06-30');
  });

  it('month ends and leap years: January → end of February', () => {
    expect(monthlyCancellationEndDate('2024-01-31')).toBe('2024-02-29');
    expect(monthlyCancellationEndDate('2025-01-31')).toBe('2025-02-28');
    expect(monthlyCancellationEndDate('2100-01-15')).toBe('2100-02-28');
    expect(monthlyCancellationEndDate('2000-01-15')).toBe('2000-02-29');
    expect(monthlyCancellationEndDate('2024-02-29')).toBe('2024-03-31');
    expect(monthlyCancellationEndDate('2024-12-31')).toBe('2025-01-31');
  });

  it('property: ends on the last day of the following calendar month, always after the cancel day', () => {
    fc.assert(
      fc.property(isoDateArb, (cancelledOn) => {
        const end = monthlyCancellationEndDate(cancelledOn);
        expect(end > cancelledOn).toBe(true);
        expect(isEndOfMonth(end)).toBe(true);
        expect(yearMonthOf(end)).toBe(yearMonthOf(addMonths(`${yearMonthOf(cancelledOn)}-01`, 1)));
        // at least a full calendar month of notice, at most two
        expect(end >= endOfMonth(addMonths(cancelledOn.slice(0, 8) + '01', 1))).toBe(true);
      }),
    );
  });
});

describe('yearly cancellation (art. 17)', () => {
  // The article: "loopt uw abonnement tot 1 maart 2024" — a yearly term that started 1 March 2023.
  const startedOn = '2023-03-01';

  it("the seed's examples: E = 1 March 2024; 24 January → 1 March 2024; 15 February → 1 March 2025", () => {
    expect(yearlyCancellationEndDate('2024-01-24', startedOn)).toBe('2024-03-01');
    expect(yearlyCancellationEndDate('2024-02-15', startedOn)).toBe('2025-03-01');
  });

  it('an older start with the same anniversary gives the same answers', () => {
    expect(yearlyCancellationEndDate('2024-01-24', '2019-03-01')).toBe('2024-03-01');
    expect(yearlyCancellationEndDate('2024-02-15', '2019-03-01')).toBe('2025-03-01');
  });

  it('"at least one month before": exactly one calendar month before is in time, a day later is not', () => {
    expect(yearlyCancellationDeadline('2024-03-01')).toBe('2024-02-01');
    expect(yearlyCancellationEndDate('2024-02-01', startedOn)).toBe('2024-03-01');
    expect(yearlyCancellationEndDate('2024-02-02', startedOn)).toBe('2025-03-01');
  });

  it('cancelling on the term end itself or after it is for the next term', () => {
    expect(yearlyCancellationEndDate('2024-03-01', startedOn)).toBe('2025-03-01');
    expect(yearlyCancellationEndDate('2024-03-02', startedOn)).toBe('2025-03-01');
    expect(yearlyCancellationEndDate('2025-01-31', startedOn)).toBe('2025-03-01');
    expect(yearlyCancellationEndDate('2025-02-02', startedOn)).toBe('2026-03-01');
  });

  it('cancelling on the first day still ends at the first term end', () => {
    expect(yearlyCancellationEndDate('2023-03-01', startedOn)).toBe('2024-03-01');
  });

  it('month ends: E = 31 March → deadline is the last day of February', () => {
    expect(yearlyCancellationDeadline('2024-03-31')).toBe('2024-02-29');
    expect(yearlyCancellationDeadline('2025-03-31')).toBe('2025-02-28');
    expect(yearlyCancellationEndDate('2025-02-28', '2024-03-31')).toBe('2025-03-31');
    expect(yearlyCancellationEndDate('2025-03-01', '2024-03-31')).toBe('2026-03-31');
    expect(yearlyCancellationDeadline('2024-12-31')).toBe('2024-11-30');
  });

  it('leap years: a term started on 29 February ends on the anniversary, 28 February in common years', () => {
    const leapStart = '2024-02-29';
    expect(yearlyTermEndOnOrAfter(leapStart, '2024-03-01')).toBe('2025-02-28');
    expect(yearlyTermEndOnOrAfter(leapStart, '2027-03-01')).toBe('2028-02-29');
    expect(yearlyCancellationDeadline('2025-02-28')).toBe('2025-01-28');
    expect(yearlyCancellationEndDate('2025-01-28', leapStart)).toBe('2025-02-28');
    expect(yearlyCancellationEndDate('2025-01-29', leapStart)).toBe('2026-02-28');
    expect(yearlyCancellationEndDate('2027-02-10', leapStart)).toBe('2028-02-29');
    expect(yearlyCancellationEndDate('2027-06-10', leapStart)).toBe('2028-02-29');
    expect(yearlyCancellationDeadline('2028-02-29')).toBe('2028-01-29');
    expect(yearlyCancellationEndDate('2028-01-30', leapStart)).toBe('2029-02-28');
  });

  it('property: ends on an anniversary after the cancel day, at least one month and at most two years later', () => {
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: 0, max: 3000 }), (startedOn, offset) => {
        const cancelledOn = addDays(startedOn, offset);
        const end = yearlyCancellationEndDate(cancelledOn, startedOn);
        expect(end > cancelledOn).toBe(true);
        expect(isPeriodEnd('yearly', startedOn, end)).toBe(true);
        expect(cancelledOn <= yearlyCancellationDeadline(end)).toBe(true);
        // and it is the earliest such anniversary: the one before was already too late (or not yet a term end)
        const previous = addYears(end, -1);
        if (previous > startedOn && isPeriodEnd('yearly', startedOn, previous)) {
          expect(cancelledOn > yearlyCancellationDeadline(previous)).toBe(true);
        }
        expect(end <= addYears(cancelledOn, 2)).toBe(true);
      }),
    );
  });
});

describe('requested end dates (art. 16 "voorzien van einddatum")', () => {
  it('accepts the earliest date, later period ends, and no date (= earliest)', () => {
    expect(checkCancellationEndDate('monthly', '2023-06-10', '2024-04-04', '2024-05-31')).toEqual({ ok: true, endDate: '2024-05-31' });
    expect(checkCancellationEndDate('monthly', '2023-06-10', '2024-04-04', '2024-08-31')).toEqual({ ok: true, endDate: '2024-08-31' });
    expect(checkCancellationEndDate('monthly', '2023-06-10', '2024-04-04', null)).toEqual({ ok: true, endDate: '2024-05-31' });
    expect(checkCancellationEndDate('yearly', '2023-03-01', '2024-02-15', '2026-03-01')).toEqual({ ok: true, endDate: '2026-03-01' });
  });

  it('refuses an end date that is too early or not a period end, and says the earliest', () => {
    expect(checkCancellationEndDate('monthly', '2023-06-10', '2024-04-04', '2024-04-30')).toEqual({
      ok: false,
      reason: 'end_date_before_earliest_possible',
      earliestEndDate: '2024-05-31',
    });
    expect(checkCancellationEndDate('monthly', '2023-06-10', '2024-04-04', '2024-06-15')).toEqual({
      ok: false,
      reason: 'end_date_not_a_period_end',
      earliestEndDate: '2024-05-31',
    });
    expect(checkCancellationEndDate('yearly', '2023-03-01', '2024-02-15', '2024-03-01')).toEqual({
      ok: false,
      reason: 'end_date_before_earliest_possible',
      earliestEndDate: '2025-03-01',
    });
    expect(checkCancellationEndDate('yearly', '2023-03-01', '2024-02-15', '2025-12-31')).toMatchObject({
      ok: false,
      reason: 'end_date_not_a_period_end',
    });
  });

  it('earliestCancellationEndDate picks the rule by billing interval', () => {
    expect(earliestCancellationEndDate('monthly', '2023-03-01', '2024-02-15')).toBe('2024-03-31');
    expect(earliestCancellationEndDate('yearly', '2023-03-01', '2024-02-15')).toBe('2025-03-01');
  });
});

describe('billing periods', () => {
  it('monthly periods are calendar months', () => {
    expect(periodEndContaining('monthly', '2024-04-20', '2024-04-25')).toBe('2024-04-30');
    expect(nextPeriodEnd('monthly', '2024-04-20', '2024-04-30')).toBe('2024-05-31');
    expect(nextPeriodEnd('monthly', '2024-04-20', '2024-01-31')).toBe('2024-04-30'); // before the start: the first period
    expect(periodStartOnOrAfter('monthly', '2024-04-20', '2024-05-01')).toBe('2024-05-01');
    expect(periodStartOnOrAfter('monthly', '2024-04-20', '2024-05-02')).toBe('2024-06-01');
    expect(periodStartOnOrAfter('monthly', '2024-04-20', '2024-03-02')).toBe('2024-04-20');
  });

  it('yearly periods end on anniversaries and the next starts the day after', () => {
    expect(periodEndContaining('yearly', '2023-03-01', '2023-03-01')).toBe('2024-03-01');
    expect(periodEndContaining('yearly', '2023-03-01', '2024-03-02')).toBe('2025-03-01');
    expect(nextPeriodEnd('yearly', '2023-03-01', '2024-03-01')).toBe('2025-03-01');
    expect(periodStartOnOrAfter('yearly', '2023-03-01', '2024-03-02')).toBe('2024-03-02');
    expect(periodStartOnOrAfter('yearly', '2023-03-01', '2024-03-03')).toBe('2025-03-02');
    expect(periodStartOnOrAfter('yearly', '2023-03-01', '2023-06-01')).toBe('2024-03-02');
    expect(isPeriodEnd('yearly', '2023-03-01', '2023-03-01')).toBe(false);
    expect(isPeriodEnd('yearly', '2024-02-29', '2025-02-28')).toBe(true);
    expect(isPeriodEnd('yearly', '2024-02-29', '2028-02-28')).toBe(false);
    expect(isPeriodEnd('yearly', '2024-02-29', '2028-02-29')).toBe(true);
  });

  it('property: the next period end is a period end strictly after the previous one', () => {
    fc.assert(
      fc.property(fc.constantFrom('monthly' as const, 'yearly' as const), isoDateArb, fc.integer({ min: 0, max: 3000 }), (interval, start, offset) => {
        const end = periodEndContaining(interval, start, addDays(start, offset));
        expect(isPeriodEnd(interval, start, end)).toBe(true);
        const next = nextPeriodEnd(interval, start, end);
        expect(next > end).toBe(true);
        expect(isPeriodEnd(interval, start, next)).toBe(true);
        expect(periodStartOnOrAfter(interval, start, addDays(end, 1))).toBe(addDays(end, 1));
      }),
    );
  });
});
