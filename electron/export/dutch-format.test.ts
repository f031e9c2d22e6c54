import { describe, expect, it } from 'vitest';
import { amsterdamWallClock, calendarDateCell, formatAmount, formatCalendarDate, formatDate, formatDateTime } from './dutch-format.js';

describe('Dutch dates in Europe/Amsterdam', () => {
  it('follows the clock change in spring and autumn', () => {
    const wall = (instant: string) => amsterdamWallClock(instant)?.toISOString();
    expect(wall('2026-03-29T00:59:59.000Z')).toBe('2026-03-29T01:59:59.000Z');
    expect(wall('2026-03-29T01:00:00.000Z')).toBe('2026-03-29T03:00:00.000Z');
    expect(wall('2026-10-25T00:59:59.000Z')).toBe('2026-10-25T02:59:59.000Z');
    expect(wall('2026-10-25T01:00:00.000Z')).toBe('2026-10-25T02:00:00.000Z');
    expect(wall('2026-07-01T12:00:00+02:00')).toBe('2026-07-01T12:00:00.000Z');
    expect(amsterdamWallClock(null)).toBeNull();
  });

  it('writes dates the Dutch way', () => {
    expect(formatDateTime('2026-11-24T09:05:00.000Z')).toBe('24-11-2026 10:05');
    expect(formatDateTime('2026-07-01T13:30:00.000Z')).toBe('01-07-2026 15:30');
    // The day in Amsterdam: 23:30 UTC on 30 June is already 1 July there.
    expect(formatDate('2026-06-30T23:30:00.000Z')).toBe('01-07-2026');
    expect(formatCalendarDate('2024-03-01')).toBe('01-03-2024');
    expect(formatCalendarDate('1938-06-15')).toBe('15-06-1938');
    expect(calendarDateCell('2024-03-01')?.toISOString()).toBe('2024-03-01T00:00:00.000Z');
    expect(formatAmount(1250, 'euro').replace(/\s/g, ' ')).toBe('€ 12,50');
    expect(formatAmount(1500, 'minuut')).toBe('1.500 minuten');
    expect(formatAmount(1, 'uur')).toBe('1 uur');
  });
});
