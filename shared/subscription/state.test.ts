import { describe, expect, it } from 'vitest';
import { paidSubscriptionOf, startTrial, subscriptionStateSchema } from './state.js';

const prices = { 'solo-1': 1, 'team-2-4': 2, 'team-5-9': 3, 'team-10-14': 4, 'contract-15-plus': 5 };
const stored = {
  status: 'active',
  subscription: {
    plan: 'team-2-4',
    billingInterval: 'monthly',
    channel: 'online',
    startedOn: '2024-01-15',
    periodEnd: '2024-04-30',
    prices,
    activeUsers: 3,
    everMoreThan14Users: false,
    lastDowngradeMonth: null,
    reversedDirectDebits: 0,
    outstandingCents: 0,
    overdueSince: null,
    cancellation: null,
    pendingPriceChange: null,
    lastIndexationOn: null,
  },
};

describe('stored state schemas', () => {
  it('reads a state stored before lastAutomaticUpgrade existed', () => {
    const parsed = subscriptionStateSchema.parse(stored);
    expect(paidSubscriptionOf(parsed)?.lastAutomaticUpgrade).toBeNull();
  });

  it('rejects broken states: impossible dates, unknown plans, negative money, empty or repeated block reasons', () => {
    const bad = (patch: Record<string, unknown>) => ({ ...stored, subscription: { ...stored.subscription, ...patch } });
    expect(subscriptionStateSchema.safeParse(bad({ startedOn: '2023-02-29' })).success).toBe(false);
    expect(subscriptionStateSchema.safeParse(bad({ plan: 'team-3-7' })).success).toBe(false);
    expect(subscriptionStateSchema.safeParse(bad({ outstandingCents: -1 })).success).toBe(false);
    expect(subscriptionStateSchema.safeParse(bad({ outstandingCents: 1.5 })).success).toBe(false);
    expect(subscriptionStateSchema.safeParse(bad({ lastDowngradeMonth: '2024-13' })).success).toBe(false);
    const blocked = (reasons: string[]) => ({ status: 'blocked', since: '2024-04-01', reasons, underlying: stored });
    expect(subscriptionStateSchema.safeParse(blocked(['payment_overdue'])).success).toBe(true);
    expect(subscriptionStateSchema.safeParse(blocked([])).success).toBe(false);
    expect(subscriptionStateSchema.safeParse(blocked(['payment_overdue', 'payment_overdue'])).success).toBe(false);
    expect(subscriptionStateSchema.safeParse({ status: 'blocked', since: '2024-04-01', reasons: ['terms_breach'], underlying: { status: 'ended' } }).success).toBe(false);
  });

  it('a new trial is a valid state without a paid subscription', () => {
    const trial = startTrial('2024-03-01', 2, '2024-03-31');
    expect(subscriptionStateSchema.parse(trial)).toEqual(trial);
    expect(paidSubscriptionOf(trial)).toBeNull();
  });
});
