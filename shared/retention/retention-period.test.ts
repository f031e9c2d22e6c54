import { describe, expect, it } from 'vitest';
import { dossiersDueForDestructionOffer, retentionEndsOn, retentionState } from './retention-period.js';

const closed = (lastChangedOn: string, extra: { careEndDate?: string; keepUntil?: string | null } = {}) => ({
  status: 'uit_zorg' as const,
  careEndDate: extra.careEndDate ?? lastChangedOn,
  lastChangedOn,
  keepUntil: extra.keepUntil ?? null,
});

describe('retention of closed dossiers: twenty years from the last change (art. 7:454 BW)', () => {
  it('is offered for destruction on the day exactly twenty years have passed, not a day before', () => {
    const dossier = closed('2006-03-15');
    expect(retentionState(dossier, '2026-03-14')).toEqual({ state: 'retained', offerFrom: '2026-03-15' });
    expect(retentionState(dossier, '2026-03-15')).toEqual({ state: 'offer_destruction', offerFrom: '2026-03-15' });
    expect(retentionState(dossier, '2040-01-01').state).toBe('offer_destruction');
  });

  it('year ends and month ends keep their calendar day', () => {
    expect(retentionEndsOn('2005-12-31')).toBe('2025-12-31');
    expect(retentionEndsOn('2006-01-01')).toBe('2026-01-01');
    expect(retentionEndsOn('2006-04-30')).toBe('2026-04-30');
  });

  it('a 29 February keeps its day when the twentieth year is a leap year too', () => {
    expect(retentionEndsOn('2004-02-29')).toBe('2024-02-29');
    expect(retentionEndsOn('1980-02-29')).toBe('2000-02-29'); // 2000 is a leap year (divisible by 400)
    expect(retentionState(closed('2008-02-29'), '2028-02-28').state).toBe('retained');
    expect(retentionState(closed('2008-02-29'), '2028-02-29').state).toBe('offer_destruction');
  });

  it('a 29 February whose twentieth year is common moves to 1 March, never to 28 February', () => {
    expect(retentionEndsOn('2080-02-29')).toBe('2100-03-01'); // 2100 is not a leap year
    expect(retentionState(closed('2080-02-29'), '2100-02-28').state).toBe('retained');
    expect(retentionState(closed('2080-02-29'), '2100-03-01').state).toBe('offer_destruction');
  });

  it('only closed dossiers count: in care, registered, or out of care without an end date are never offered', () => {
    const longAgo = '1990-01-01';
    const today = '2060-01-01';
    expect(retentionState({ status: 'in_zorg', careEndDate: null, lastChangedOn: longAgo }, today)).toEqual({ state: 'open' });
    expect(retentionState({ status: 'aanmelding', careEndDate: null, lastChangedOn: longAgo }, today)).toEqual({ state: 'open' });
    expect(retentionState({ status: 'uit_zorg', careEndDate: null, lastChangedOn: longAgo }, today)).toEqual({ state: 'open' });
    // An end date on a dossier back in care does not start the clock either.
    expect(retentionState({ status: 'in_zorg', careEndDate: '1995-01-01', lastChangedOn: longAgo }, today)).toEqual({ state: 'open' });
  });

  it('the period starts no earlier than the care end date', () => {
    expect(retentionState(closed('2005-06-01', { careEndDate: '2006-02-01' }), '2026-01-31')).toEqual({ state: 'retained', offerFrom: '2026-02-01' });
  });

  it('an administrator keeping it longer moves the offer to the day after; it never comes earlier than the law allows', () => {
    expect(retentionState(closed('2006-03-15', { keepUntil: '2030-12-31' }), '2030-12-31')).toEqual({ state: 'retained', offerFrom: '2031-01-01' });
    expect(retentionState(closed('2006-03-15', { keepUntil: '2030-12-31' }), '2031-01-01').state).toBe('offer_destruction');
    expect(retentionState(closed('2006-03-15', { keepUntil: '2010-01-01' }), '2026-03-14')).toEqual({ state: 'retained', offerFrom: '2026-03-15' });
  });

  it('lists the dossiers due, oldest first, and refuses dates that do not exist', () => {
    const dossiers = [
      { id: 'b', ...closed('2005-05-05') },
      { id: 'a', ...closed('2001-01-01') },
      { id: 'c', ...closed('2010-01-01') },
      { id: 'd', status: 'in_zorg' as const, careEndDate: null, lastChangedOn: '1999-01-01' },
    ];
    expect(dossiersDueForDestructionOffer(dossiers, '2026-01-01').map((due) => [due.dossier.id, due.offerFrom])).toEqual([
      ['a', '2021-01-01'],
      ['b', '2025-05-05'],
    ]);
    expect(() => retentionState(closed('2023-02-29'), '2050-01-01')).toThrow();
  });
});
