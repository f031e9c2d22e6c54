import { z } from 'zod';
import { yearMonthOf, type IsoDate } from './dates.js';
import {
  ONLINE_SELF_SERVICE_MAX_USERS,
  planCoversActiveUsers,
  planOneStepDown,
  planRank,
  planTiers,
  type PlanId,
} from './plans.js';
import type { PaidSubscription } from './state.js';

/**
 * Downgrades (art. 6 "Upgrade of downgrade van uw abonnementsvorm"; art. 14).
 *
 * Self-service, "Downgrades online abonnementen t/m 14 gebruikers": an online subscription "welke
 * per kalendermaand opzegbaar is" (so: online and billed monthly) for teams "tot en met 14
 * gebruikers" may go down "per kalendermaand ... één stap naar beneden". Interpretation: at most one
 * downgrade in each calendar month (by calendar month, not 30 days: a downgrade on 31 January and
 * one on 1 February are in different months — the article's example "een kalendermaand later"
 * agrees), and each one goes exactly one plan down.
 *
 * Everything else, "Downgrades overige abonnementen": an account that "op enig moment meer dan 14
 * gebruikers had", or "een abonnement met een contract of offerte", or (our reading) an online
 * subscription that is not monthly cancellable, downgrades only after an e-mailed request that we
 * approve by e-mail. Such a request may ask for any smaller plan.
 *
 * Either way the smaller plan must still cover the active users: otherwise art. 14's automatic
 * upgrade would undo it at once. Pausing users first is the way to get there (paused users do not
 * count).
 */
export const downgradeBlockers = [
  'not_a_smaller_plan',
  'active_users_exceed_plan',
  'more_than_one_step',
  'already_downgraded_this_month',
  'ever_more_than_14_users',
  'contract_or_quote',
  'not_monthly_cancellable',
] as const;
export const downgradeBlockerSchema = z.enum(downgradeBlockers);
export type DowngradeBlocker = z.infer<typeof downgradeBlockerSchema>;

export interface DowngradeRoute {
  allowed: boolean;
  /** Why not, as codes the UI translates; empty when allowed. */
  reasons: DowngradeBlocker[];
}

export interface DowngradeOption {
  to: PlanId;
  /** The customer may do this now, themselves (art. 6 first paragraph). */
  selfService: DowngradeRoute;
  /** The customer may ask for it; it takes effect once we approve (art. 6 second paragraph). */
  byApprovedRequest: DowngradeRoute;
}

type DowngradeFacts = Pick<
  PaidSubscription,
  'plan' | 'channel' | 'billingInterval' | 'activeUsers' | 'everMoreThan14Users' | 'lastDowngradeMonth'
>;

/** Has the account ever had more than 14 users? The flag, or evidence in the current facts. */
export function hasEverHadMoreThan14Users(s: Pick<DowngradeFacts, 'plan' | 'activeUsers' | 'everMoreThan14Users'>): boolean {
  return s.everMoreThan14Users || s.activeUsers > ONLINE_SELF_SERVICE_MAX_USERS || s.plan === 'contract-15-plus';
}

/** Why the art. 6 self-service route is closed to this subscription as a whole (empty = open). */
export function selfServiceDowngradeExclusions(s: DowngradeFacts): DowngradeBlocker[] {
  const reasons: DowngradeBlocker[] = [];
  if (s.channel === 'contract') reasons.push('contract_or_quote');
  else if (s.billingInterval !== 'monthly') reasons.push('not_monthly_cancellable');
  if (hasEverHadMoreThan14Users(s)) reasons.push('ever_more_than_14_users');
  return reasons;
}

/** Checks one downgrade to `to` on `today` by both routes. */
export function checkDowngrade(s: DowngradeFacts, to: PlanId, today: IsoDate): DowngradeOption {
  if (planRank(to) >= planRank(s.plan)) {
    const closed = { allowed: false, reasons: ['not_a_smaller_plan' as const] };
    return { to, selfService: closed, byApprovedRequest: closed };
  }
  const common: DowngradeBlocker[] = planCoversActiveUsers(to, s.activeUsers) ? [] : ['active_users_exceed_plan'];
  const self: DowngradeBlocker[] = [...common];
  if (planOneStepDown(s.plan) !== to) self.push('more_than_one_step');
  if (s.lastDowngradeMonth !== null && s.lastDowngradeMonth === yearMonthOf(today)) self.push('already_downgraded_this_month');
  self.push(...selfServiceDowngradeExclusions(s));
  return {
    to,
    selfService: { allowed: self.length === 0, reasons: self },
    byApprovedRequest: { allowed: common.length === 0, reasons: common },
  };
}

/**
 * Every smaller plan, largest first, each with whether the customer may downgrade to it now by
 * themselves, whether they may ask for it, and why not otherwise.
 */
export function downgradeOptions(s: DowngradeFacts, today: IsoDate): DowngradeOption[] {
  return planTiers
    .filter((t) => t.rank < planRank(s.plan))
    .map((t) => checkDowngrade(s, t.id, today))
    .reverse();
}

/** Just the plans the customer may downgrade to by themselves today (at most one). */
export function selfServiceDowngradesAllowed(s: DowngradeFacts, today: IsoDate): PlanId[] {
  return downgradeOptions(s, today)
    .filter((o) => o.selfService.allowed)
    .map((o) => o.to);
}
