import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countActiveUsers,
  isDowngrade,
  isUpgrade,
  planAfterActiveUserCountChange,
  planCoversActiveUsers,
  planForActiveUsers,
  planIds,
  planOneStepDown,
  planOneStepUp,
  planTier,
  seatsForPlan,
  type PlanId,
} from './plans.js';

const planArb = fc.constantFrom(...planIds);

describe('plans by active users', () => {
  it.each([
    [0, 'solo-1'],
    [1, 'solo-1'],
    [2, 'team-2-4'],
    [4, 'team-2-4'],
    [5, 'team-5-9'],
    [9, 'team-5-9'],
    [10, 'team-10-14'],
    [14, 'team-10-14'],
    [15, 'contract-15-plus'],
    [80, 'contract-15-plus'],
  ] as const)('%i active users → %s', (users, plan) => {
    expect(planForActiveUsers(users)).toBe(plan);
  });

  it('treats odd counts safely', () => {
    expect(planForActiveUsers(-3)).toBe('solo-1');
    expect(planForActiveUsers(Number.NaN)).toBe('solo-1');
    expect(planForActiveUsers(4.2)).toBe('team-5-9');
    expect(planForActiveUsers(Number.POSITIVE_INFINITY)).toBe('contract-15-plus');
  });

  it('counts only active users; paused, invited and removed users do not count (art. 14)', () => {
    const users = [
      { status: 'active' as const },
      { status: 'paused' as const },
      { status: 'active' as const },
      { status: 'invited' as const },
      { status: 'removed' as const },
      { status: 'paused' as const },
    ];
    expect(countActiveUsers(users)).toBe(2);
    expect(planForActiveUsers(countActiveUsers(users))).toBe('team-2-4');
  });

  it('the plan for a count always covers it and is the smallest that does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (n) => {
        const plan = planForActiveUsers(n);
        expect(planCoversActiveUsers(plan, n)).toBe(true);
        const smaller = planOneStepDown(plan);
        if (smaller !== null && n > 0) expect(planCoversActiveUsers(smaller, n)).toBe(false);
      }),
    );
  });

  it('adding a user beyond the plan upgrades it automatically (art. 14)', () => {
    expect(planAfterActiveUserCountChange('team-2-4', 5)).toEqual({ plan: 'team-5-9', upgraded: true, previousPlan: 'team-2-4' });
    expect(planAfterActiveUserCountChange('team-10-14', 15)).toEqual({
      plan: 'contract-15-plus',
      upgraded: true,
      previousPlan: 'team-10-14',
    });
    expect(planAfterActiveUserCountChange('solo-1', 12).plan).toBe('team-10-14');
    expect(planAfterActiveUserCountChange('team-2-4', 4)).toEqual({ plan: 'team-2-4', upgraded: false, previousPlan: 'team-2-4' });
  });

  it('pausing or removing users never downgrades by itself (art. 14)', () => {
    expect(planAfterActiveUserCountChange('team-5-9', 1)).toEqual({ plan: 'team-5-9', upgraded: false, previousPlan: 'team-5-9' });
    expect(planAfterActiveUserCountChange('contract-15-plus', 0).plan).toBe('contract-15-plus');
  });

  it('property: after any count change the plan covers the active users and is never smaller', () => {
    fc.assert(
      fc.property(planArb, fc.integer({ min: 0, max: 500 }), (current, n) => {
        const { plan, upgraded } = planAfterActiveUserCountChange(current, n);
        expect(planCoversActiveUsers(plan, n)).toBe(true);
        expect(isDowngrade(current, plan)).toBe(false);
        expect(upgraded).toBe(isUpgrade(current, plan));
        if (planCoversActiveUsers(current, n)) expect(plan).toBe(current);
      }),
    );
  });

  it('steps up and down the ladder', () => {
    expect(planOneStepDown('team-5-9')).toBe('team-2-4');
    expect(planOneStepDown('solo-1')).toBeNull();
    expect(planOneStepUp('team-10-14')).toBe('contract-15-plus');
    expect(planOneStepUp('contract-15-plus')).toBeNull();
    expect(planTier('contract-15-plus').contractOnly).toBe(true);
    expect(() => planTier('nope' as PlanId)).toThrow(RangeError);
  });

  it('gives the lease its seats', () => {
    expect(seatsForPlan('solo-1', 1)).toBe(1);
    expect(seatsForPlan('team-2-4', 1)).toBe(4);
    expect(seatsForPlan('team-10-14', 12)).toBe(14);
    expect(seatsForPlan('contract-15-plus', 3)).toBe(15);
    expect(seatsForPlan('contract-15-plus', 42)).toBe(42);
  });
});
