import { z } from 'zod';

/** Money is whole euro cents. */
export const centsSchema = z.number().int().min(0).max(1_000_000_000_00);
export type Cents = number;

/** Art. 9: "Bij een (onrechtmatige) stornering wordt ... een bedrag van € 82,50 extra bij u in rekening gebracht." */
export const REVERSED_DIRECT_DEBIT_FEE_CENTS = 8250;

/**
 * The agreement's price per billing period for every plan (art. 8: the price list at signing, or
 * the prices agreed in a contract). Art. 6 "Betaling na wijziging": a changed plan pays the price of
 * the new plan from this list.
 */
export const planPricesSchema = z.object({
  'solo-1': centsSchema,
  'team-2-4': centsSchema,
  'team-5-9': centsSchema,
  'team-10-14': centsSchema,
  'contract-15-plus': centsSchema,
});
export type PlanPrices = z.infer<typeof planPricesSchema>;

/** Formats cents as Dutch euros, e.g. 8250 → "€ 82,50" (for logs and tests; the UI formats itself). */
export function formatEuroCents(cents: Cents): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(cents));
  const euros = Math.floor(abs / 100);
  const rest = String(abs % 100).padStart(2, '0');
  return `${sign}€ ${euros.toLocaleString('nl-NL')},${rest}`;
}
