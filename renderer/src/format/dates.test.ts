import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, fromLocalInput, toIsoDate, toLocalInput } from './dates.js';

describe('dates in Europe/Amsterdam', () => {
  it('shows calendar dates as dd-mm-jjjj without shifting them through a zone', () => {
    expect(formatDate('1941-03-12')).toBe('12-03-1941');
    expect(formatDate(null)).toBe('');
  });

  it('shows instants in Amsterdam time, winter and summer', () => {
    expect(formatDateTime('2026-01-15T08:30:00.000Z')).toBe('15-01-2026 09:30');
    expect(formatDateTime('2026-07-15T08:30:00.000Z')).toBe('15-07-2026 10:30');
  });

  it('turns Amsterdam wall time into the right instant, also around the DST changes', () => {
    expect(fromLocalInput('2026-01-15T09:30')).toBe('2026-01-15T08:30:00.000Z');
    expect(fromLocalInput('2026-07-15T10:30')).toBe('2026-07-15T08:30:00.000Z');
    expect(fromLocalInput('2026-03-29T03:30')).toBe('2026-03-29T01:30:00.000Z');
    expect(fromLocalInput('2026-10-25T01:30')).toBe('2026-10-24T23:30:00.000Z');
    expect(fromLocalInput('not a time')).toBeNull();
  });

  it('round-trips through the input format', () => {
    for (const iso of ['2026-01-15T08:30:00.000Z', '2026-07-15T21:45:00.000Z']) expect(fromLocalInput(toLocalInput(iso))).toBe(iso);
    expect(toIsoDate('2026-07-15T22:30:00.000Z')).toBe('2026-07-16');
  });
});
