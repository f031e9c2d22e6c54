import { addDays, dayNumber, formatIsoDate, parseIsoDate, type IsoDate } from '../subscription/dates.js';

/**
 * Dutch public holidays, computed (no table to keep up to date). Which days count follows the
 * Algemene termijnenwet (art. 3), the Dutch law on how legal deadlines are counted, because a notice
 * period in working days (art. 4 of the terms: maintenance "minimaal drie werkdagen van tevoren") is
 * such a deadline. Neither the terms nor SPEC.md name the holidays, so that law decides:
 * - counted: Nieuwjaarsdag, Eerste en Tweede Paasdag, Koningsdag, Bevrijdingsdag (5 May, every year,
 *   not only in lustrum years: the Termijnenwet lists it without condition), Hemelvaartsdag, Eerste en
 *   Tweede Pinksterdag, Eerste en Tweede Kerstdag;
 * - not counted: Goede Vrijdag (not in the Termijnenwet; many employers give it, the law does not).
 * Koningsdag is 27 April, or 26 April when the 27th is a Sunday (Koningsdag since 2014; before that
 * Koninginnedag on 30 April, or 29 April when the 30th was a Sunday).
 */
export type DutchHolidayName =
  | 'Nieuwjaarsdag'
  | 'Eerste Paasdag'
  | 'Tweede Paasdag'
  | 'Koningsdag'
  | 'Bevrijdingsdag'
  | 'Hemelvaartsdag'
  | 'Eerste Pinksterdag'
  | 'Tweede Pinksterdag'
  | 'Eerste Kerstdag'
  | 'Tweede Kerstdag';

export interface DutchHoliday {
  date: IsoDate;
  name: DutchHolidayName;
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatIsoDate({ year, month, day });
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekdayOf(date: IsoDate): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

function kingsDay(year: number): IsoDate {
  const [day, fallback] = year >= 2014 ? [27, 26] : [30, 29];
  const date = formatIsoDate({ year, month: 4, day });
  return weekdayOf(date) === 0 ? formatIsoDate({ year, month: 4, day: fallback }) : date;
}

/** The holidays of one year, in date order. */
export function dutchPublicHolidays(year: number): DutchHoliday[] {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) throw new RangeError(`no Gregorian holidays for year ${year}`);
  const easter = easterSunday(year);
  const on = (month: number, day: number) => formatIsoDate({ year, month, day });
  const holidays: DutchHoliday[] = [
    { date: on(1, 1), name: 'Nieuwjaarsdag' },
    { date: easter, name: 'Eerste Paasdag' },
    { date: addDays(easter, 1), name: 'Tweede Paasdag' },
    { date: kingsDay(year), name: 'Koningsdag' },
    { date: on(5, 5), name: 'Bevrijdingsdag' },
    { date: addDays(easter, 39), name: 'Hemelvaartsdag' },
    { date: addDays(easter, 49), name: 'Eerste Pinksterdag' },
    { date: addDays(easter, 50), name: 'Tweede Pinksterdag' },
    { date: on(12, 25), name: 'Eerste Kerstdag' },
    { date: on(12, 26), name: 'Tweede Kerstdag' },
  ];
  // Hemelvaart can fall on 5 May (as in 2016): one day, two names; keep both entries, sorted.
  return holidays.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

/** The holiday's name when `date` is a Dutch public holiday, else null. */
export function dutchPublicHolidayOn(date: IsoDate): DutchHolidayName | null {
  const { year } = parseIsoDate(date);
  return dutchPublicHolidays(year).find((holiday) => holiday.date === date)?.name ?? null;
}

/** Monday to Friday and not a public holiday. */
export function isDutchWorkingDay(date: IsoDate): boolean {
  const weekday = weekdayOf(date);
  return weekday !== 0 && weekday !== 6 && dutchPublicHolidayOn(date) === null;
}

/** The date `count` working days after `date` (weekends and Dutch public holidays skipped). */
export function addDutchWorkingDays(date: IsoDate, count: number): IsoDate {
  if (!Number.isInteger(count) || count < 0) throw new RangeError('count: a whole number of days, 0 or more');
  let day = date;
  let left = count;
  while (left > 0) {
    day = addDays(day, 1);
    if (isDutchWorkingDay(day)) left -= 1;
  }
  return day;
}
