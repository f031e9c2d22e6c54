import { describe, expect, it } from 'vitest';
import { checkDowngrade, downgradeOptions, selfServiceDowngradesAllowed } from './downgrade.js';
import type { PaidSubscription } from './state.js';

type Facts = Pick<PaidSubscription, 'plan' | 'channel' | 'billingInterval' | 'activeUsers' | 'everMoreThan14Users' | 'lastDowngradeMonth'>;
const online = (over: Partial<Facts> = {}): Facts => ({
  plan: 'team-5-9',
  channel: 'online',
  billingInterval: 'monthly',
  activeUsers: 2,
  everMoreThan14Users: false,
  lastDowngradeMonth: null,
  ...over,
});

describe('downgrades (art. 6)', () => {
  it('online monthly ≤14 users: one step down by themselves; further steps only by request', () => {
    const options = downgradeOptions(online(), '2024-05-10');
    expect(options.map((o) => o.to)).toEqual(['team-2-4', 'solo-1']);
    expect(options[0]).toEqual({
      to: 'team-2-4',
      selfService: { allowed: true, reasons: [] },
      byApprovedRequest: { allowed: true, reasons: [] },
    });
    expect(options[1]?.selfService).toEqual({ allowed: false, reasons: ['active_users_exceed_plan', 'more_than_one_step'] });
    expect(selfServiceDowngradesAllowed(online(), '2024-05-10')).toEqual(['team-2-4']);
  });

  it("the article's example: 5–9 → a calendar month later 2–4 → a month later 1", () => {
    let facts = online({ activeUsers: 1 });
    expect(selfServiceDowngradesAllowed(facts, '2024-05-10')).toEqual(['team-2-4']);
    facts = { ...facts, plan: 'team-2-4', lastDowngradeMonth: '2024-05' };
    expect(selfServiceDowngradesAllowed(facts, '2024-05-31')).toEqual([]);
    expect(checkDowngrade(facts, 'solo-1', '2024-05-31').selfService.reasons).toEqual(['already_downgraded_this_month']);
    expect(selfServiceDowngradesAllowed(facts, '2024-06-01')).toEqual(['solo-1']);
  });

  it('once per calendar month, not per 30 days: 31 January then 1 February is fine', () => {
    const facts = online({ plan: 'team-2-4', activeUsers: 1, lastDowngradeMonth: '2024-01' });
    expect(selfServiceDowngradesAllowed(facts, '2024-01-31')).toEqual([]);
    expect(selfServiceDowngradesAllowed(facts, '2024-02-01')).toEqual(['solo-1']);
    // same month of another year is another calendar month
    expect(selfServiceDowngradesAllowed({ ...facts, lastDowngradeMonth: '2023-02' }, '2024-02-15')).toEqual(['solo-1']);
  });

  it('an account that ever had more than 14 users downgrades only on approved request', () => {
    const facts = online({ plan: 'team-10-14', activeUsers: 3, everMoreThan14Users: true });
    const [first] = downgradeOptions(facts, '2024-05-10');
    expect(first?.selfService).toEqual({ allowed: false, reasons: ['ever_more_than_14_users'] });
    expect(first?.byApprovedRequest).toEqual({ allowed: true, reasons: [] });
    // evidence in the current facts counts even if the flag was never set
    expect(checkDowngrade(online({ plan: 'contract-15-plus', activeUsers: 3 }), 'team-10-14', '2024-05-10').selfService.reasons).toEqual([
      'ever_more_than_14_users',
    ]);
  });

  it('a contract or quote downgrades only on approved request', () => {
    const facts = online({ channel: 'contract', billingInterval: 'yearly' });
    expect(checkDowngrade(facts, 'team-2-4', '2024-05-10').selfService).toEqual({ allowed: false, reasons: ['contract_or_quote'] });
    expect(checkDowngrade(facts, 'team-2-4', '2024-05-10').byApprovedRequest.allowed).toBe(true);
  });

  it('an online yearly subscription is not monthly cancellable: approved request only', () => {
    const facts = online({ billingInterval: 'yearly' });
    expect(checkDowngrade(facts, 'team-2-4', '2024-05-10').selfService.reasons).toEqual(['not_monthly_cancellable']);
  });

  it('the smaller plan must cover the active users (paused users do not count), whatever the route', () => {
    const facts = online({ activeUsers: 5 });
    const option = checkDowngrade(facts, 'team-2-4', '2024-05-10');
    expect(option.selfService.reasons).toEqual(['active_users_exceed_plan']);
    expect(option.byApprovedRequest).toEqual({ allowed: false, reasons: ['active_users_exceed_plan'] });
  });

  it('is not a downgrade to the same or a bigger plan', () => {
    expect(checkDowngrade(online(), 'team-5-9', '2024-05-10').selfService.reasons).toEqual(['not_a_smaller_plan']);
    expect(checkDowngrade(online(), 'team-10-14', '2024-05-10').byApprovedRequest.allowed).toBe(false);
    expect(downgradeOptions(online({ plan: 'solo-1', activeUsers: 1 }), '2024-05-10')).toEqual([]);
  });
});
