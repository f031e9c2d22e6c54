import { z } from 'zod';

/**
 * Calendar arithmetic on ISO dates ('YYYY-MM-DD'), pure and without `Date`: every date in the
 * subscription rules is a Europe/Amsterdam calendar day, and working on day numbers keeps the rules
 * free of time zones and of the machine's clock. Time only ever comes in as an argument.
 */

/** A calendar day, 'YYYY-MM-DD' (Europe/Amsterdam), years 0001–9999. */
export type IsoDate = string;
/** A calendar month, 'YYYY-MM'. */
export type YearMonth = string;

export interface CalendarDay {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR_MONTH = /^(\d{4})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True for a real calendar day written as 'YYYY-MM-DD' (so '2023-02-29' and '2024-04-31' are not). */
export function isValidIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export const isoDateSchema = z
  .string()
  .refine(isValidIsoDate, { message: 'expected a calendar date YYYY-MM-DD' });

export const yearMonthSchema = z.string().refine(
  (value) => {
    const m = YEAR_MONTH.exec(value);
    return m !== null && Number(m[1]) >= 1 && Number(m[2]) >= 1 && Number(m[2]) <= 12;
  },
  { message: 'expected a calendar month YYYY-MM' },
);

export function parseIsoDate(value: IsoDate): CalendarDay {
  const m = ISO_DATE.exec(value);
  if (!m || !isValidIsoDate(value)) throw new RangeError(`not a calendar date: ${String(value)}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function formatIsoDate({ year, month, day }: CalendarDay): IsoDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Days since 1970-01-01 (proleptic Gregorian), after H. Hinnant's days_from_civil. */
export function dayNumber(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The inverse of {@link dayNumber}. */
export function dateFromDayNumber(days: number): IsoDate {
  const z0 = days + 719468;
  const era = Math.floor(z0 / 146097);
  const doe = z0 - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return formatIsoDate({ year, month, day });
}

/** Negative when a is earlier than b, 0 when equal, positive when later. ISO strings sort as dates. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const isBefore = (a: IsoDate, b: IsoDate): boolean => a < b;
export const isAfter = (a: IsoDate, b: IsoDate): boolean => a > b;
export const isOnOrBefore = (a: IsoDate, b: IsoDate): boolean => a <= b;
export const isOnOrAfter = (a: IsoDate, b: IsoDate): boolean => a >= b;
export const earlierOf = (a: IsoDate, b: IsoDate): IsoDate => (a <= b ? a : b);
export const laterOf = (a: IsoDate, b: IsoDate): IsoDate => (a >= b ? a : b);

export function addDays(date: IsoDate, days: number): IsoDate {
  return dateFromDayNumber(dayNumber(date) + days);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

/**
 * Calendar months forward (or back, for negative n). When the day does not exist in the target
 * month it is clamped to that month's last day: 31 January + 1 month = 28 (29) February,
 * 31 March − 1 month = 28 (29) February, 29 February 2024 + 12 months = 28 February 2025.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parseIsoDate(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return formatIsoDate({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

/** Calendar years forward (or back), with 29 February clamped to 28 February in common years. */
export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

export function startOfMonth(date: IsoDate): IsoDate {
  const { year, month } = parseIsoDate(date);
  return formatIsoDate({ year, month, day: 1 });
}

export function endOfMonth(date: IsoDate): IsoDate {
  const { year, month } = parseIsoDate(date);
  return formatIsoDate({ year, month, day: daysInMonth(year, month) });
}

export function isEndOfMonth(date: IsoDate): boolean {
  return endOfMonth(date) === date;
}

/** The calendar month a day falls in, 'YYYY-MM'. */
export function yearMonthOf(date: IsoDate): YearMonth {
  return date.slice(0, 7);
}
