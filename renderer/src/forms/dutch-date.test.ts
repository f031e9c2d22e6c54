import { describe, expect, it } from 'vitest';
import { parseDutchDate } from './dutch-date.js';

describe('typed Dutch dates', () => {
  it('reads day-month-year with -, . or / and one or two digits', () => {
    expect(parseDutchDate('14-09-1947')).toBe('1947-09-14');
    expect(parseDutchDate('4.9.1947')).toBe('1947-09-04');
    expect(parseDutchDate(' 4/9/1947 ')).toBe('1947-09-04');
  });

  it('refuses dates that do not exist instead of rolling them over', () => {
    expect(parseDutchDate('31-02-2024')).toBeNull();
    expect(parseDutchDate('29-02-2023')).toBeNull();
    expect(parseDutchDate('29-02-2024')).toBe('2024-02-29');
    expect(parseDutchDate('1947-09-14')).toBeNull();
  });

  it('reads a 24-hour time when asked', () => {
    expect(parseDutchDate('25-11-2026 9:30', true)).toBe('2026-11-25 09:30:00');
    expect(parseDutchDate('25-11-2026 24:00', true)).toBeNull();
    expect(parseDutchDate('25-11-2026', true)).toBe('2026-11-25 00:00:00');
  });
});
