import { describe, expect, it } from 'vitest';
import { addDutchWorkingDays, dutchPublicHolidayOn, dutchPublicHolidays, easterSunday, isDutchWorkingDay, weekdayOf } from './dutchPublicHolidays.js';

describe('Dutch public holidays', () => {
  it('computes Easter Sunday for years with known dates', () => {
    const known: Record<number, string> = {
      1818: '1818-03-22', // earliest possible
      1943: '1943-04-25', // latest possible
      2000: '2000-04-23',
      2008: '2008-03-23',
      2019: '2019-04-21',
      2024: '2024-03-31',
      2025: '2025-04-20',
      2026: '2026-04-05',
      2027: '2027-03-28',
      2038: '2038-04-25',
      2285: '2285-03-22',
    };
    for (const [year, date] of Object.entries(known)) expect(easterSunday(Number(year)), year).toBe(date);
  });

  it('lists the holidays of 2026 as the Algemene termijnenwet counts them', () => {
    expect(dutchPublicHolidays(2026)).toEqual([
      { date: '2026-01-01', name: 'Nieuwjaarsdag' },
      { date: '2026-04-05', name: 'Eerste Paasdag' },
      { date: '2026-04-06', name: 'Tweede Paasdag' },
      { date: '2026-04-27', name: 'Koningsdag' },
      { date: '2026-05-05', name: 'Bevrijdingsdag' },
      { date: '2026-05-14', name: 'Hemelvaartsdag' },
      { date: '2026-05-24', name: 'Eerste Pinksterdag' },
      { date: '2026-05-25', name: 'Tweede Pinksterdag' },
      { date: '2026-12-25', name: 'Eerste Kerstdag' },
      { date: '2026-12-26', name: 'Tweede Kerstdag' },
    ]);
  });

  it('moves Koningsdag to the Saturday when 27 April is a Sunday', () => {
    expect(weekdayOf('2025-04-27')).toBe(0);
    expect(dutchPublicHolidayOn('2025-04-26')).toBe('Koningsdag');
    expect(dutchPublicHolidayOn('2025-04-27')).toBeNull();
    expect(dutchPublicHolidayOn('2031-04-26')).toBe('Koningsdag'); // 27 April 2031 is a Sunday too
    expect(dutchPublicHolidayOn('2024-04-27')).toBe('Koningsdag'); // a Saturday: stays
    expect(dutchPublicHolidayOn('2013-04-30')).toBe('Koningsdag'); // Koninginnedag, same rule of law
  });

  it('counts Bevrijdingsdag every year, not only in lustrum years; Goede Vrijdag is no holiday', () => {
    for (const year of [2024, 2025, 2026, 2027]) expect(dutchPublicHolidayOn(`${year}-05-05`), String(year)).toBe('Bevrijdingsdag');
    expect(dutchPublicHolidayOn('2026-04-03')).toBeNull(); // Goede Vrijdag 2026
  });

  it('computes the moving feasts from Easter in several years', () => {
    expect(dutchPublicHolidays(2024).filter((h) => ['Tweede Paasdag', 'Hemelvaartsdag', 'Tweede Pinksterdag'].includes(h.name)).map((h) => h.date)).toEqual([
      '2024-04-01',
      '2024-05-09',
      '2024-05-20',
    ]);
    expect(dutchPublicHolidays(2025).filter((h) => ['Tweede Paasdag', 'Hemelvaartsdag', 'Tweede Pinksterdag'].includes(h.name)).map((h) => h.date)).toEqual([
      '2025-04-21',
      '2025-05-29',
      '2025-06-09',
    ]);
    expect(dutchPublicHolidays(2027).filter((h) => ['Tweede Paasdag', 'Hemelvaartsdag', 'Tweede Pinksterdag'].includes(h.name)).map((h) => h.date)).toEqual([
      '2027-03-29',
      '2027-05-06',
      '2027-05-17',
    ]);
    // 2016: Hemelvaart on Bevrijdingsdag; both listed, the day counted once as a holiday.
    expect(dutchPublicHolidays(2016).filter((h) => h.date === '2016-05-05').map((h) => h.name).sort()).toEqual(['Bevrijdingsdag', 'Hemelvaartsdag']);
  });

  it('skips weekends and holidays when counting working days', () => {
    expect(isDutchWorkingDay('2026-03-02')).toBe(true);
    expect(isDutchWorkingDay('2026-03-07')).toBe(false); // Saturday
    expect(isDutchWorkingDay('2026-04-06')).toBe(false); // Tweede Paasdag
    expect(addDutchWorkingDays('2026-03-02', 3)).toBe('2026-03-05'); // Monday → Thursday
    expect(addDutchWorkingDays('2026-04-02', 3)).toBe('2026-04-08'); // Thu → Fri 3 (Goede Vrijdag counts), Tue 7 (Easter Monday skipped), Wed 8
  });

  it('counts across Christmas and New Year', () => {
    expect(addDutchWorkingDays('2026-12-23', 3)).toBe('2026-12-29'); // Thu 24, (Fri 25, Sat 26, Sun 27), Mon 28, Tue 29
    expect(addDutchWorkingDays('2026-12-30', 2)).toBe('2027-01-04'); // Thu 31, (Fri 1 Jan), Mon 4
    expect(addDutchWorkingDays('2026-12-30', 0)).toBe('2026-12-30');
  });
});
