import type { PlanPrices } from './money.js';
import type { ActiveState, PaidSubscription } from './state.js';

/** Monthly prices in cents used by the tests. Test use only. */
export const testPrices: PlanPrices = {
  'solo-1': 2_500,
  'team-2-4': 7_500,
  'team-5-9': 15_000,
  'team-10-14': 27_500,
  'contract-15-plus': 45_000,
};

/** An online monthly 2–4 subscription in good standing, started 15 January 2024. Test use only. */
export function paidSubscription(over: Partial<PaidSubscription> = {}): PaidSubscription {
  return {
    plan: 'team-2-4',
    billingInterval: 'monthly',
    channel: 'online',
    startedOn: '2024-01-15',
    periodEnd: '2024-04-30',
    prices: testPrices,
    activeUsers: 3,
    everMoreThan14Users: false,
    lastDowngradeMonth: null,
    reversedDirectDebits: 0,
    outstandingCents: 0,
    overdueSince: null,
    cancellation: null,
    pendingPriceChange: null,
    lastIndexationOn: null,
    lastAutomaticUpgrade: null,
    ...over,
  };
}

export function activeState(over: Partial<PaidSubscription> = {}): ActiveState {
  return { status: 'active', subscription: paidSubscription(over) };
}
