import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  earliestPriceChangeDate,
  exceedsOneAndAHalfTimes,
  indexPriceCents,
  latestAnnouncementDate,
  mayCancelForPriceIncrease,
  validatePriceChange,
  type ProposedPriceChange,
} from './pricing.js';

const monthly = (over: Partial<ProposedPriceChange> = {}): ProposedPriceChange => ({
  kind: 'other',
  billingInterval: 'monthly',
  startedOn: '2024-01-15',
  currentPriceCents: 10_000,
  newPriceCents: 12_000,
  announcedOn: '2024-06-01',
  effectiveOn: '2024-07-01',
  index: null,
  lastIndexationOn: null,
  ...over,
});

describe('price changes (art. 8)', () => {
  it('accepts an ordinary change announced a month ahead, with no right to cancel', () => {
    expect(validatePriceChange(monthly())).toEqual({ ok: true, newAmountDueOn: '2024-07-01', customerMayCancelUntil: null });
  });

  it('the 1.5× rule: exactly 1.5× gives no right to cancel, one cent above does', () => {
    expect(exceedsOneAndAHalfTimes(10_000, 15_000)).toBe(false);
    expect(exceedsOneAndAHalfTimes(10_000, 15_001)).toBe(true);
    expect(exceedsOneAndAHalfTimes(3, 4)).toBe(false); // 4 < 4.5
    expect(exceedsOneAndAHalfTimes(3, 5)).toBe(true);
    expect(validatePriceChange(monthly({ newPriceCents: 15_000 }))).toMatchObject({ ok: true, customerMayCancelUntil: null });
    expect(validatePriceChange(monthly({ newPriceCents: 15_001 }))).toEqual({
      ok: true,
      newAmountDueOn: '2024-07-01',
      customerMayCancelUntil: '2024-07-01',
    });
  });

  it('the right to cancel lasts through the day the new amount is due (first period at the new price)', () => {
    // mid-month effective date: the first period at the new price is August
    const v = validatePriceChange(monthly({ newPriceCents: 20_000, announcedOn: '2024-06-10', effectiveOn: '2024-07-10' }));
    expect(v).toEqual({ ok: true, newAmountDueOn: '2024-08-01', customerMayCancelUntil: '2024-08-01' });
    expect(mayCancelForPriceIncrease('2024-08-01', '2024-08-01')).toBe(true);
    expect(mayCancelForPriceIncrease('2024-08-01', '2024-08-02')).toBe(false);
    expect(mayCancelForPriceIncrease(null, '2024-06-10')).toBe(false);
    // yearly: due at the start of the next yearly term
    const y = validatePriceChange(
      monthly({ billingInterval: 'yearly', startedOn: '2023-03-01', newPriceCents: 20_000, announcedOn: '2024-05-01', effectiveOn: '2024-06-01' }),
    );
    expect(y).toEqual({ ok: true, newAmountDueOn: '2025-03-02', customerMayCancelUntil: '2025-03-02' });
  });

  it('announcement at least one calendar month ahead: exactly one month is enough, a day less is not', () => {
    expect(latestAnnouncementDate('2024-07-01')).toBe('2024-06-01');
    expect(validatePriceChange(monthly({ announcedOn: '2024-06-01' })).ok).toBe(true);
    expect(validatePriceChange(monthly({ announcedOn: '2024-06-02' }))).toEqual({ ok: false, reasons: ['announced_less_than_one_month_ahead'] });
    expect(latestAnnouncementDate('2024-03-31')).toBe('2024-02-29');
  });

  it('never within three months of the start', () => {
    expect(earliestPriceChangeDate('2024-01-15', 'monthly')).toBe('2024-04-15');
    expect(validatePriceChange(monthly({ announcedOn: '2024-03-01', effectiveOn: '2024-04-14' })).ok).toBe(false);
    expect(validatePriceChange(monthly({ announcedOn: '2024-03-01', effectiveOn: '2024-04-14' }))).toEqual({
      ok: false,
      reasons: ['within_three_months_of_start'],
    });
    expect(validatePriceChange(monthly({ announcedOn: '2024-03-01', effectiveOn: '2024-04-15' })).ok).toBe(true);
    // month end: started 30 November → three months later is 28/29 February
    expect(earliestPriceChangeDate('2023-11-30', 'monthly')).toBe('2024-02-29');
    // also for indexation
    const idx = monthly({ kind: 'indexation', index: { name: 'CPI', basisPoints: 300 }, newPriceCents: 10_300, announcedOn: '2024-02-20', effectiveOn: '2024-03-01' });
    expect(validatePriceChange(idx)).toEqual({ ok: false, reasons: ['within_three_months_of_start'] });
  });

  it('a new yearly contract keeps its price the whole first year', () => {
    const base = monthly({ billingInterval: 'yearly', startedOn: '2024-01-15', announcedOn: '2024-05-01' });
    expect(earliestPriceChangeDate('2024-01-15', 'yearly')).toBe('2025-01-16');
    expect(validatePriceChange({ ...base, effectiveOn: '2024-09-01' })).toEqual({ ok: false, reasons: ['within_first_contract_year'] });
    expect(validatePriceChange({ ...base, effectiveOn: '2025-01-15' })).toEqual({ ok: false, reasons: ['within_first_contract_year'] });
    expect(validatePriceChange({ ...base, effectiveOn: '2025-01-16' })).toMatchObject({ ok: true, newAmountDueOn: '2025-01-16' });
  });

  it('refuses a change that takes effect before it is announced', () => {
    expect(validatePriceChange(monthly({ announcedOn: '2024-07-02', effectiveOn: '2024-07-01' }))).toEqual({
      ok: false,
      reasons: ['effective_before_announcement', 'announced_less_than_one_month_ahead'],
    });
  });

  describe('indexation (CPI/HICP)', () => {
    const indexation = (over: Partial<ProposedPriceChange> = {}): ProposedPriceChange =>
      monthly({ kind: 'indexation', index: { name: 'HICP', basisPoints: 410 }, newPriceCents: 10_410, announcedOn: '2024-06-25', ...over });

    it('computes the indexed price to the cent, half away from zero', () => {
      expect(indexPriceCents(10_000, 410)).toBe(10_410);
      expect(indexPriceCents(4_950, 410)).toBe(5_153); // 202.95 → 203
      expect(indexPriceCents(1_250, 100)).toBe(1_263); // 12.5 → 13
      expect(indexPriceCents(1_250, -100)).toBe(1_237); // −12.5 → −13
      expect(indexPriceCents(10_000, 0)).toBe(10_000);
    });

    it('needs no month of notice, but the index figure and no more than the index', () => {
      expect(validatePriceChange(indexation())).toEqual({ ok: true, newAmountDueOn: '2024-07-01', customerMayCancelUntil: null });
      expect(validatePriceChange(indexation({ newPriceCents: 10_300 })).ok).toBe(true); // less than the index is allowed
      expect(validatePriceChange(indexation({ newPriceCents: 10_411 }))).toEqual({ ok: false, reasons: ['indexation_above_index'] });
      expect(validatePriceChange(indexation({ index: null }))).toEqual({ ok: false, reasons: ['index_figure_missing'] });
    });

    it('happens at most once a year', () => {
      expect(validatePriceChange(indexation({ lastIndexationOn: '2023-07-02' }))).toEqual({
        ok: false,
        reasons: ['indexation_more_than_once_a_year'],
      });
      expect(validatePriceChange(indexation({ lastIndexationOn: '2023-07-01' })).ok).toBe(true);
    });

    it('never gives the 1.5× right to cancel (that belongs to the other changes)', () => {
      const big = indexation({ index: { name: 'CPI', basisPoints: 6000 }, newPriceCents: 16_000 });
      expect(validatePriceChange(big)).toMatchObject({ ok: true, customerMayCancelUntil: null });
    });
  });

  it('property: a right to cancel exists exactly when an allowed other change is above 1.5×, and it ends on the due date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 3_000_000 }), (current, next) => {
        const v = validatePriceChange(monthly({ currentPriceCents: current, newPriceCents: next }));
        expect(v.ok).toBe(true);
        if (!v.ok) return;
        expect(v.customerMayCancelUntil !== null).toBe(next * 2 > current * 3);
        if (v.customerMayCancelUntil !== null) expect(v.customerMayCancelUntil).toBe(v.newAmountDueOn);
      }),
    );
  });
});
