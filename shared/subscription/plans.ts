import { z } from 'zod';

/**
 * Plans by number of ACTIVE users (SPEC.md §3; terms art. 6 and 14). Paused users do not count
 * (art. 14: "Gebruikers die zijn opgeschort (gepauzeerd) tellen niet mee"). The ids are what the
 * licence lease carries in its `plan` field.
 */
export const planIds = ['solo-1', 'team-2-4', 'team-5-9', 'team-10-14', 'contract-15-plus'] as const;
export const planIdSchema = z.enum(planIds);
export type PlanId = z.infer<typeof planIdSchema>;

export interface PlanTier {
  id: PlanId;
  /** Position in the ladder, 0 = smallest. One downgrade "step" (art. 6) is one rank. */
  rank: number;
  minActiveUsers: number;
  /** Most active users the plan covers; null = no ceiling (15+). */
  maxActiveUsers: number | null;
  /**
   * Online subscriptions go up to 14 users (art. 6, art. 8 "Deze abonnementen, tot en met 14
   * gebruikers"); 15+ is a contract/quote.
   */
  contractOnly: boolean;
}

export const planTiers: readonly PlanTier[] = [
  { id: 'solo-1', rank: 0, minActiveUsers: 1, maxActiveUsers: 1, contractOnly: false },
  { id: 'team-2-4', rank: 1, minActiveUsers: 2, maxActiveUsers: 4, contractOnly: false },
  { id: 'team-5-9', rank: 2, minActiveUsers: 5, maxActiveUsers: 9, contractOnly: false },
  { id: 'team-10-14', rank: 3, minActiveUsers: 10, maxActiveUsers: 14, contractOnly: false },
  { id: 'contract-15-plus', rank: 4, minActiveUsers: 15, maxActiveUsers: null, contractOnly: true },
];

/** Above this many users art. 6's self-service downgrade never applies again. */
export const ONLINE_SELF_SERVICE_MAX_USERS = 14;

export function planTier(plan: PlanId): PlanTier {
  const tier = planTiers.find((t) => t.id === plan);
  if (!tier) throw new RangeError(`unknown plan: ${String(plan)}`);
  return tier;
}

export function planRank(plan: PlanId): number {
  return planTier(plan).rank;
}

/** Negative when a is the smaller plan. */
export function comparePlans(a: PlanId, b: PlanId): number {
  return planRank(a) - planRank(b);
}

export function isUpgrade(from: PlanId, to: PlanId): boolean {
  return comparePlans(to, from) > 0;
}

export function isDowngrade(from: PlanId, to: PlanId): boolean {
  return comparePlans(to, from) < 0;
}

/** The next smaller plan, or null for the 1-user plan. */
export function planOneStepDown(plan: PlanId): PlanId | null {
  const rank = planRank(plan);
  return rank === 0 ? null : (planTiers[rank - 1]?.id ?? null);
}

/** The next bigger plan, or null for 15+. */
export function planOneStepUp(plan: PlanId): PlanId | null {
  return planTiers[planRank(plan) + 1]?.id ?? null;
}

/** Does the plan cover this many active users? Every plan covers 0 (everyone paused). */
export function planCoversActiveUsers(plan: PlanId, activeUsers: number): boolean {
  const { maxActiveUsers } = planTier(plan);
  return maxActiveUsers === null || activeUsers <= maxActiveUsers;
}

/**
 * The smallest plan that covers this many active users. 0 or 1 → 'solo-1' (there is no smaller
 * plan); anything that is not a non-negative whole number is treated as the next whole number up.
 */
export function planForActiveUsers(activeUsers: number): PlanId {
  const n = Number.isFinite(activeUsers) ? Math.max(0, Math.ceil(activeUsers)) : activeUsers > 0 ? Infinity : 0;
  for (const tier of planTiers) {
    if (tier.maxActiveUsers === null || n <= tier.maxActiveUsers) return tier.id;
  }
  return 'contract-15-plus';
}

/** The bigger of two plans. */
export function largerPlan(a: PlanId, b: PlanId): PlanId {
  return comparePlans(a, b) >= 0 ? a : b;
}

export interface PlanAfterUserChange {
  plan: PlanId;
  /** True when art. 14's automatic upgrade happened. */
  upgraded: boolean;
  /** The plan before, for the effect log. */
  previousPlan: PlanId;
}

/**
 * Art. 14: adding users beyond the plan upgrades it automatically ("wordt uw pakket automatisch
 * geüpgrade ... Voor die upgrade is geen aanvullende overeenkomst nodig"). Pausing or removing users
 * never downgrades by itself ("met het opschorten van gebruikers verlaagt u niet automatisch van
 * pakket"). So the new plan is the larger of the current plan and the plan the count needs.
 */
export function planAfterActiveUserCountChange(current: PlanId, activeUsers: number): PlanAfterUserChange {
  const plan = largerPlan(current, planForActiveUsers(activeUsers));
  return { plan, upgraded: plan !== current, previousPlan: current };
}

/** How a user counts towards the plan. Only 'active' counts (art. 14). */
export const userSeatStatuses = ['active', 'paused', 'invited', 'removed'] as const;
export const userSeatStatusSchema = z.enum(userSeatStatuses);
export type UserSeatStatus = z.infer<typeof userSeatStatusSchema>;

export function countActiveUsers(users: readonly { status: UserSeatStatus }[]): number {
  return users.reduce((n, u) => (u.status === 'active' ? n + 1 : n), 0);
}

/**
 * Seats for the licence lease: active users the plan covers before the next automatic upgrade. 15+
 * has no ceiling, so its seats are the active users (at least 15).
 */
export function seatsForPlan(plan: PlanId, activeUsers: number): number {
  const { maxActiveUsers, minActiveUsers } = planTier(plan);
  return maxActiveUsers ?? Math.max(minActiveUsers, Math.max(0, Math.floor(activeUsers)));
}
