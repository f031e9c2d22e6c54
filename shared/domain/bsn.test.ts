import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bsnProblem, isValidBsn, normaliseBsn } from './bsn.js';
import { bsnSchema } from './client.js';

/** Makes a valid BSN from 8 digits by choosing the check digit (skips prefixes with no valid digit). */
function withCheckDigit(eight: string): string | null {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(eight[i]) * (9 - i);
  const check = sum % 11;
  return check <= 9 ? `${eight}${check}` : null;
}

describe('BSN 11-test', () => {
  it('accepts known valid numbers', () => {
    for (const bsn of ['111222333', '123456782', '999996356', '010000446', '10000446']) expect(isValidBsn(bsn)).toBe(true);
  });

  it('rejects invalid numbers with a Dutch reason', () => {
    expect(bsnProblem('123456789')).toMatch(/elfproef/);
    expect(bsnProblem('12345678a')).toMatch(/cijfers/);
    expect(bsnProblem('1234567')).toMatch(/9 cijfers/);
    expect(bsnProblem('000000000')).toMatch(/nullen/);
    expect(bsnProblem('')).not.toBeNull();
  });

  it('normalises spaces, dots and a missing leading zero', () => {
    expect(normaliseBsn('1112.22.333')).toBe('111222333');
    expect(normaliseBsn('10000446')).toBe('010000446');
    expect(bsnSchema.parse(' 111 222 333 ')).toBe('111222333');
    expect(bsnSchema.safeParse('123456789').success).toBe(false);
  });

  it('every number built with the right check digit passes; changing one digit fails', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{7}$/), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (eight, position, delta) => {
        const bsn = withCheckDigit(eight);
        fc.pre(bsn !== null);
        expect(isValidBsn(bsn!)).toBe(true);
        const digits = bsn!.split('');
        digits[position] = String((Number(digits[position]) + delta) % 10);
        // A single changed digit always breaks the 11-test (weights 1…9 are all coprime with 11).
        expect(isValidBsn(digits.join(''))).toBe(false);
      }),
    );
  });
});
