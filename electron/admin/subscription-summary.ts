import type { SubscriptionSummary } from '../../shared/ipc/calls/admin.js';
import {
  downgradeOptions,
  earliestCancellationEndDate,
  licenceFactsFor,
  mayCancelForPriceIncrease,
  paidSubscriptionOf,
  periodEndContaining,
  planRank,
  planTiers,
  subscriptionStateSchema,
  type IsoDate,
  type PaidSubscription,
  type SubscriptionState,
} from '../../shared/subscription/index.js';
import { CoreError } from '../core/core-error.js';

/**
 * The service sends its full subscription state (shared/api/admin.ts `state`); the device checks it
 * with the shared schema and derives what the admin screens show with the SAME rules the service
 * decides by (shared/subscription), so the screen never promises a downgrade or an end date the
 * service would refuse.
 */
export function parseSubscriptionState(state: unknown): SubscriptionState {
  const parsed = subscriptionStateSchema.safeParse(state);
  if (!parsed.success) throw new CoreError('server_error', 'The central service sent a subscription state this app does not understand (an older app?).');
  return parsed.data;
}

export function summariseSubscription(state: SubscriptionState, activeUsers: number, today: IsoDate, callerIsOwner: boolean): SubscriptionSummary {
  const facts = licenceFactsFor(state, today);
  const sub = paidSubscriptionOf(state);
  const trial = state.status === 'trial' ? state.trial : state.status === 'blocked' && state.underlying.status === 'trial' ? state.underlying.trial : null;
  const priceOf = (plan: keyof PaidSubscription['prices']) => (sub ? sub.prices[plan] : null);
  const plan = facts.plan;
  return {
    today,
    status: facts.status,
    plan,
    seats: facts.seats,
    activeUsers,
    trial: trial ? { startedOn: trial.startedOn, endsOn: trial.endsOn } : null,
    paid: sub
      ? {
          billingInterval: sub.billingInterval,
          channel: sub.channel,
          startedOn: sub.startedOn,
          periodEnd: sub.periodEnd,
          priceCents: sub.prices[sub.plan],
          outstandingCents: sub.outstandingCents,
          overdueSince: sub.overdueSince,
          reversedDirectDebits: sub.reversedDirectDebits,
          pendingPriceChange: sub.pendingPriceChange
            ? {
                kind: sub.pendingPriceChange.kind,
                effectiveOn: sub.pendingPriceChange.effectiveOn,
                newPriceCents: sub.pendingPriceChange.newPrices[sub.plan],
                newAmountDueOn: sub.pendingPriceChange.newAmountDueOn,
                customerMayCancelUntil: sub.pendingPriceChange.customerMayCancelUntil,
                // The same rule the service applies; once used, the agreement already ends today.
                mayCancelNow:
                  mayCancelForPriceIncrease(sub.pendingPriceChange.customerMayCancelUntil, today) && sub.cancellation?.kind !== 'price_increase',
              }
            : null,
        }
      : null,
    blocked: state.status === 'blocked' ? { since: state.since, reasons: [...state.reasons] } : null,
    cancellation: sub?.cancellation ?? null,
    earliestCancellationEndDate: sub && sub.cancellation === null ? cancellationEndDateFor(sub, today) : null,
    upgrades:
      plan === null || sub === null
        ? []
        : planTiers.filter((tier) => tier.rank > planRank(plan)).map((tier) => ({ to: tier.id, priceCents: priceOf(tier.id) })),
    downgrades: sub ? downgradeOptions({ ...sub, activeUsers }, today).map((option) => ({ ...option, priceCents: priceOf(option.to) })) : [],
    callerIsOwner,
  };
}

/**
 * Art. 17 as the state machine applies it to a cancellation confirmed today: the earliest end date
 * from today, and never before the end of the period already paid for.
 */
export function cancellationEndDateFor(sub: Pick<PaidSubscription, 'billingInterval' | 'startedOn'>, today: IsoDate): IsoDate {
  const fromToday = earliestCancellationEndDate(sub.billingInterval, sub.startedOn, today);
  const periodEnd = periodEndContaining(sub.billingInterval, sub.startedOn, today);
  return fromToday > periodEnd ? fromToday : periodEnd;
}
