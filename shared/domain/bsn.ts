import { domainMessage } from './messages.js';

/**
 * BSN (burgerservicenummer): 9 digits passing the "elfproef" (11-test): the weighted sum
 * 9·d1 + 8·d2 + … + 2·d8 − 1·d9 must be divisible by 11. The −1 weight for the last digit is what
 * separates the BSN test from the bank-account 11-test. 8-digit numbers are old BSNs with a leading 0.
 */
export function normaliseBsn(input: string): string {
  const digits = input.replace(/[\s.-]/g, '');
  return /^\d{8}$/.test(digits) ? `0${digits}` : digits;
}

/** Why a BSN is not valid, in Dutch, or null when it is valid. */
export function bsnProblem(input: string): string | null {
  const bsn = normaliseBsn(input);
  if (!/^\d+$/.test(bsn)) return domainMessage('bsnDigitsOnly');
  if (bsn.length !== 9) return domainMessage('bsnLength', { count: bsn.length });
  if (/^0+$/.test(bsn)) return domainMessage('bsnZeros');
  if (!passesElevenTest(bsn)) return domainMessage('bsnElevenTest');
  return null;
}

export function isValidBsn(input: string): boolean {
  return bsnProblem(input) === null;
}

function passesElevenTest(nineDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(nineDigits[i]) * (9 - i);
  sum -= Number(nineDigits[8]);
  return sum % 11 === 0;
}
