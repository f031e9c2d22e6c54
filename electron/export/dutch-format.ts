import { unitLabels, type ClientStatus, type ContactRelation, type Unit } from '../../shared/domain/index.js';

/**
 * Dates and times as a Dutch reader expects them, always in Europe/Amsterdam, whatever the time
 * zone of the laptop. One style throughout an export: dd-mm-jjjj, with hh:mm for a moment, so a
 * birth date and a sign-off read alike. Formatters are built once: constructing Intl objects is
 * the slow part.
 */
const TIME_ZONE = 'Europe/Amsterdam';

const shortDateTime = new Intl.DateTimeFormat('nl-NL', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const shortDate = new Intl.DateTimeFormat('nl-NL', { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });
const wallClockParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
const integer = new Intl.NumberFormat('nl-NL');

/** "24-11-2026": the day of an instant in Amsterdam. */
export function formatDate(instant: string | Date): string {
  return shortDate.format(toDate(instant));
}

/** "24-11-2026 10:15". */
export function formatDateTime(instant: string | Date): string {
  return shortDateTime.format(toDate(instant)).replace(',', '');
}

/** "01-03-2024" for a calendar date "2024-03-01": no time zone involved, it is the date as meant. */
export function formatCalendarDate(date: string | null): string {
  if (!date) return '';
  const [year, month, day] = date.split('-');
  return `${day}-${month}-${year}`;
}

export function formatEuroCents(cents: number): string {
  return euro.format(cents / 100);
}

export function formatInteger(value: number): string {
  return integer.format(value);
}

/**
 * Excel cells have no time zone: exceljs writes a Date's UTC fields. To make a cell show the time
 * in Amsterdam, this returns the Date whose UTC fields are Amsterdam's wall clock at that instant.
 */
export function amsterdamWallClock(instant: string | null): Date | null {
  if (!instant) return null;
  const ms = Date.parse(instant);
  return new Date(ms + amsterdamOffsetMs(ms));
}

/**
 * Amsterdam's offset from UTC at an instant. Its changes fall on whole UTC hours (01:00 UTC), so
 * the offset is the same for a whole UTC hour: computed once per hour and kept, which makes a
 * large Excel export ~100× cheaper here than asking Intl for every cell.
 */
const HOUR_MS = 3_600_000;
const offsetByHour = new Map<number, number>();

function amsterdamOffsetMs(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    const parts: Record<string, number> = {};
    for (const part of wallClockParts.formatToParts(new Date(hour * HOUR_MS))) {
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    const wall = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
    offset = wall - hour * HOUR_MS;
    if (offsetByHour.size > 100_000) offsetByHour.clear(); // bounded: a few years of hours
    offsetByHour.set(hour, offset);
  }
  return offset;
}

/** A calendar date as an Excel date cell (midnight, no time zone shift). */
export function calendarDateCell(date: string | null): Date | null {
  if (!date) return null;
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1));
}

export const clientStatusLabels: Record<ClientStatus, string> = {
  aanmelding: 'Aanmelding',
  in_zorg: 'In zorg',
  uit_zorg: 'Uit zorg',
};

export const contactRelationLabels: Record<ContactRelation, string> = {
  familie: 'Familie',
  wettelijk_vertegenwoordiger: 'Wettelijk vertegenwoordiger',
  mentor: 'Mentor',
  curator: 'Curator',
  huisarts: 'Huisarts',
  professional: 'Professional',
  overig: 'Overig',
};

export const unitNames: Record<Unit, string> = {
  minuut: 'minuut',
  uur: 'uur',
  dagdeel: 'dagdeel',
  etmaal: 'etmaal',
  week: 'week',
  stuks: 'stuks',
  euro: 'euro',
};

/** "1 uur", "45 minuten", "€ 12,50": euro amounts are kept in cents. */
export function formatAmount(amount: number, unit: Unit): string {
  if (unit === 'euro') return formatEuroCents(amount);
  return `${formatInteger(amount)} ${amount === 1 ? unitNames[unit] : unitLabels[unit]}`;
}

function toDate(instant: string | Date): Date {
  return instant instanceof Date ? instant : new Date(instant);
}
