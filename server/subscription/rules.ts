import {
  checkDowngrade,
  indexPriceCents,
  isUpgrade,
  paidSubscriptionOf,
  licenceFactsFor,
  planIdSchema,
  planPricesSchema,
  type PlanPrices,
  startTrial,
  subscriptionStateSchema,
  transition,
  type SubscriptionEvent,
  type SubscriptionState,
} from '../../shared/subscription/index.js';
import type { RuleOutcome, SubscriptionRules } from './port.js';
import { priceList } from './priceList.js';

/** The adapter from the port to shared/subscription's state machine. No rule is decided here. */
export const sharedSubscriptionRules: SubscriptionRules = {
  start: (today, activeUsers) => startTrial(today, activeUsers),
  parse: (state) => subscriptionStateSchema.parse(state),
  view(state, today) {
    const facts = licenceFactsFor(state as SubscriptionState, today);
    return {
      status: facts.status,
      plan: facts.plan ?? 'none',
      seats: facts.seats,
      exportAllowed: facts.exportAllowed,
      blockReason: facts.leaseBlockReason,
    };
  },
  activeUsersChanged: (state, activeUsers, today) => apply(state, { type: 'active_user_count_changed', activeUsers }, today),
  payment(state, event, dueOn, today, invoicePeriodStart) {
    switch (event.kind) {
      case 'payment-succeeded':
        return apply(state, { type: 'payment_received', amountCents: event.amountCents }, today);
      case 'direct-debit-reversed':
        return apply(state, { type: 'direct_debit_reversed', amountCents: event.amountCents, afterLawfulCancellation: invoicedAfterCancellation(state, invoicePeriodStart) }, today);
      case 'payment-overdue':
        return apply(state, { type: 'payment_overdue', dueOn }, today);
      case 'refund':
        // Refunds are bookkeeping; the rules have no transition for them.
        return { ok: true, state, effects: [] };
    }
  },
  requestPlan(state, plan, today) {
    const to = planIdSchema.safeParse(plan);
    if (!to.success) return { ok: false, reason: 'unknown_plan', date: null };
    const current = licenceFactsFor(state as SubscriptionState, today).plan;
    if (current !== null && isUpgrade(current, to.data)) return apply(state, { type: 'upgrade_plan', to: to.data }, today);
    return apply(state, { type: 'downgrade_plan', to: to.data, approvedRequest: false }, today);
  },
  downgradeRequestable(state, plan, today) {
    const to = planIdSchema.safeParse(plan);
    if (!to.success) return { ok: false, reason: 'unknown_plan' };
    const sub = paidSubscriptionOf(state as SubscriptionState);
    if (sub === null) return { ok: false, reason: 'no_paid_subscription' };
    const option = checkDowngrade(sub, to.data, today);
    if (!option.byApprovedRequest.allowed) return { ok: false, reason: option.byApprovedRequest.reasons.join(', ') };
    if (option.selfService.allowed) return { ok: false, reason: 'self_service_allowed' };
    return { ok: true, fromPlan: sub.plan };
  },
  approveDowngrade(state, plan, today) {
    const to = planIdSchema.safeParse(plan);
    if (!to.success) return { ok: false, reason: 'unknown_plan', date: null };
    return apply(state, { type: 'downgrade_plan', to: to.data, approvedRequest: true }, today);
  },
  convertToPaid(state, request, today) {
    const plan = request.plan === null ? null : planIdSchema.safeParse(request.plan);
    if (plan && !plan.success) return { ok: false, reason: 'unknown_plan', date: null };
    return apply(
      state,
      {
        type: 'convert_to_paid',
        plan: plan ? plan.data : null,
        billingInterval: request.billingInterval,
        channel: 'online',
        prices: request.billingInterval === 'monthly' ? priceList.monthly : priceList.yearly,
      },
      today,
    );
  },
  announcePriceChange(state, change, today) {
    const sub = paidSubscriptionOf(state as SubscriptionState);
    if (sub === null) return { ok: false, reason: 'no_paid_subscription', date: null };
    let newPrices: PlanPrices;
    if (change.kind === 'indexation') {
      newPrices = mapPrices(sub.prices, (cents) => indexPriceCents(cents, change.index.basisPoints));
    } else {
      const list = planPricesSchema.safeParse(sub.billingInterval === 'monthly' ? change.monthly : change.yearly);
      if (!list.success) return { ok: false, reason: 'invalid_input', date: null };
      newPrices = list.data;
    }
    const result = transition(
      state as SubscriptionState,
      { type: 'announce_price_change', kind: change.kind, effectiveOn: change.effectiveOn, newPrices, index: change.kind === 'indexation' ? change.index : null },
      today,
    );
    if (!result.ok) {
      const detail = result.refusal.priceChangeReasons.length > 0 ? `: ${result.refusal.priceChangeReasons.join(', ')}` : '';
      return { ok: false, reason: `${result.refusal.reason}${detail}`, date: result.refusal.date };
    }
    return { ok: true, state: result.state, effects: result.effects };
  },
  pendingPriceChange(state) {
    const sub = paidSubscriptionOf(state as SubscriptionState);
    const pending = sub?.pendingPriceChange ?? null;
    if (sub === null || pending === null) return null;
    return {
      kind: pending.kind,
      plan: sub.plan,
      billingInterval: sub.billingInterval,
      currentPriceCents: sub.prices[sub.plan],
      newPriceCents: pending.newPrices[sub.plan],
      effectiveOn: pending.effectiveOn,
      newAmountDueOn: pending.newAmountDueOn,
      mayCancelUntil: pending.customerMayCancelUntil,
    };
  },
  cancelForPriceIncrease: (state, request, today) =>
    apply(
      state,
      // The owner's confirmed request through the authenticated API is our confirmation (art. 16).
      { type: 'cancel_for_price_increase', fromRegisteredOwner: request.byRegisteredOwner, otherSenderAcceptedByUs: false, confirmedByUs: true },
      today,
    ),
  reachEndDate: (state, today) => apply(state, { type: 'reach_end_date' }, today),
  cancel: (state, request, today) =>
    apply(
      state,
      {
        type: 'cancel',
        submittedOn: today,
        requestedEndDate: request.endDate,
        fromRegisteredOwner: request.byRegisteredOwner,
        otherSenderAcceptedByUs: false,
        // The owner's confirmed request through the authenticated API is our confirmation (art. 16).
        confirmedByUs: true,
      },
      today,
    ),
};

/** Art. 9: a reversal of an invoice for a period after a lawful cancellation's end date was invoiced wrongly. */
function invoicedAfterCancellation(state: unknown, invoicePeriodStart: string | null): boolean {
  const cancellation = paidSubscriptionOf(state as SubscriptionState)?.cancellation ?? null;
  return cancellation !== null && invoicePeriodStart !== null && invoicePeriodStart > cancellation.endDate;
}

function mapPrices(prices: PlanPrices, change: (cents: number) => number): PlanPrices {
  return Object.fromEntries(Object.entries(prices).map(([plan, cents]) => [plan, change(cents)])) as PlanPrices;
}

function apply(state: unknown, event: SubscriptionEvent, today: string): RuleOutcome {
  const result = transition(state as SubscriptionState, event, today);
  if (!result.ok) return { ok: false, reason: result.refusal.reason, date: result.refusal.date };
  return { ok: true, state: result.state, effects: result.effects };
}
