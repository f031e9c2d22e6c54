import type { SeatPreview } from '../../shared/ipc/calls/admin.js';
import { licenceFactsFor, paidSubscriptionOf, planAfterActiveUserCountChange, planForActiveUsers, type IsoDate, type SubscriptionState } from '../../shared/subscription/index.js';

/**
 * Art. 14: adding a user beyond the plan upgrades it automatically. The admin sees that BEFORE
 * confirming: the plan and price now, and after the new user(s) start counting. Invited users count
 * from the moment they accept, so open invites are counted as if accepted — otherwise a second
 * invite would show "no change" while the first one is still pending.
 * In the trial the plan follows the number of users by itself and nothing is charged (art. 5).
 */
export function previewSeats(state: SubscriptionState, users: { activeUsers: number; pendingInvites: number }, adding: number, today: IsoDate): SeatPreview {
  const facts = licenceFactsFor(state, today);
  const sub = paidSubscriptionOf(state);
  const activeUsersAfter = users.activeUsers + users.pendingInvites + adding;
  const currentPlan = facts.plan;
  let newPlan = currentPlan;
  if (sub) newPlan = planAfterActiveUserCountChange(sub.plan, activeUsersAfter).plan;
  else if (currentPlan !== null) newPlan = planForActiveUsers(activeUsersAfter);
  return {
    status: facts.status,
    activeUsers: users.activeUsers,
    pendingInvites: users.pendingInvites,
    activeUsersAfter,
    currentPlan,
    newPlan,
    upgraded: currentPlan !== null && newPlan !== currentPlan,
    billingInterval: sub?.billingInterval ?? null,
    currentPriceCents: sub && currentPlan ? sub.prices[currentPlan] : null,
    newPriceCents: sub && newPlan ? sub.prices[newPlan] : null,
  };
}
