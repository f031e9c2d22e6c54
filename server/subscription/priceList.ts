import type { PlanPrices } from '../../shared/subscription/index.js';

/**
 * The price list for new online subscriptions, in euro cents incl. VAT, per billing period.
 * A business setting, not a rule: the numbers here are placeholders until the price list is set;
 * an agreement keeps the prices it was signed with (stored in its state), so changing this list
 * never changes a running subscription (art. 8 does that, through announced price changes).
 */
const monthly: PlanPrices = {
  'solo-1': 1_900,
  'team-2-4': 5_900,
  'team-5-9': 11_900,
  'team-10-14': 17_900,
  'contract-15-plus': 29_900,
};

export const priceList: { monthly: PlanPrices; yearly: PlanPrices } = {
  monthly,
  // Yearly: two months free.
  yearly: Object.fromEntries(Object.entries(monthly).map(([plan, cents]) => [plan, cents * 10])) as PlanPrices,
};
