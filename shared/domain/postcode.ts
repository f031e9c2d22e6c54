import { domainMessage } from './messages.js';

/**
 * Dutch postcodes: four digits (first not 0) and two letters. Stored and shown as "1234 AB";
 * SA, SD and SS are never issued (historical reasons), so they are rejected as typos.
 */
const postcodePattern = /^([1-9]\d{3})\s*([A-Za-z]{2})$/;

/** "1234ab", "1234 AB", " 1234  ab " → "1234 AB"; null when it is not a Dutch postcode. */
export function normalisePostcode(input: string): string | null {
  const match = postcodePattern.exec(input.trim());
  if (!match) return null;
  const letters = match[2]!.toUpperCase();
  if (letters === 'SA' || letters === 'SD' || letters === 'SS') return null;
  return `${match[1]} ${letters}`;
}

export function postcodeProblem(input: string): string | null {
  return normalisePostcode(input) === null ? domainMessage('postcode') : null;
}

/** The search key: no space, upper case ("1234AB"), so prefixes like "1234a" match too. */
export function postcodeSearchKey(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}
