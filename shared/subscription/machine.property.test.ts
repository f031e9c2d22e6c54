import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './dates.js';
import { transitionRefusalReasons, subscriptionEffectSchema, subscriptionEventTypes, type SubscriptionEvent } from './events.js';
import { licenceFactsFor } from './licence.js';
import { transition } from './machine.js';
import type { PlanPrices } from './money.js';
import { periodEndContaining, nextPeriodEnd } from './periods.js';
import { planCoversActiveUsers, planForActiveUsers, planIds } from './plans.js';
import {
  blockReasons,
  endReasons,
  paidSubscriptionOf,
  startTrial,
  subscriptionStateSchema,
  type PaidSubscription,
  type SubscriptionState,
} from './state.js';

const dayArb = fc.integer({ min: 0, max: 4000 }).map((n) => addDays('2020-01-01', n));
const offsetArb = fc.integer({ min: 0, max: 800 });
const centsArb = fc.integer({ min: 0, max: 200_000 });
const planArb = fc.constantFrom(...planIds);
const intervalArb = fc.constantFrom('monthly' as const, 'yearly' as const);
const pricesArb: fc.Arbitrary<PlanPrices> = fc.record({
  'solo-1': centsArb,
  'team-2-4': centsArb,
  'team-5-9': centsArb,
  'team-10-14': centsArb,
  'contract-15-plus': centsArb,
});
const usersArb = fc.integer({ min: 0, max: 40 });

const subArb: fc.Arbitrary<PaidSubscription> = fc
  .record({
    plan: planArb,
    billingInterval: intervalArb,
    channel: fc.constantFrom('online' as const, 'contract' as const),
    startedOn: dayArb,
    periodOffset: offsetArb,
    prices: pricesArb,
    activeUsers: usersArb,
    everMoreThan14Users: fc.boolean(),
    downgradeOffset: fc.option(offsetArb, { nil: null }),
    reversedDirectDebits: fc.integer({ min: 0, max: 3 }),
    outstandingCents: fc.oneof(fc.constant(0), centsArb),
    overdueOffset: fc.option(offsetArb, { nil: null }),
    cancellation: fc.option(fc.record({ kind: fc.constantFrom('customer_notice' as const, 'price_increase' as const), extra: fc.integer({ min: 0, max: 3 }) }), { nil: null }),
    priceChange: fc.option(
      fc.record({
        kind: fc.constantFrom('indexation' as const, 'other' as const),
        prices: pricesArb,
        offset: fc.integer({ min: 0, max: 90 }),
        mayCancel: fc.boolean(),
      }),
      { nil: null },
    ),
    lastIndexationOffset: fc.option(offsetArb, { nil: null }),
    lastUpgrade: fc.option(fc.record({ from: planArb, offset: offsetArb }), { nil: null }),
  })
  .map((r) => {
    const periodEnd = periodEndContaining(r.billingInterval, r.startedOn, addDays(r.startedOn, r.periodOffset));
    let endDate = periodEnd;
    for (let i = 0; i < (r.cancellation?.extra ?? 0); i++) endDate = nextPeriodEnd(r.billingInterval, r.startedOn, endDate);
    const effectiveOn = addDays(periodEnd, r.priceChange?.offset ?? 0);
    const dueOn = addDays(periodEndContaining(r.billingInterval, r.startedOn, effectiveOn), 1);
    return {
      plan: r.plan,
      billingInterval: r.billingInterval,
      channel: r.channel,
      startedOn: r.startedOn,
      periodEnd,
      prices: r.prices,
      activeUsers: r.activeUsers,
      everMoreThan14Users: r.everMoreThan14Users,
      lastDowngradeMonth: r.downgradeOffset === null ? null : addDays(r.startedOn, r.downgradeOffset).slice(0, 7),
      reversedDirectDebits: r.reversedDirectDebits,
      outstandingCents: r.outstandingCents,
      overdueSince: r.overdueOffset === null ? null : addDays(r.startedOn, r.overdueOffset),
      cancellation: r.cancellation === null ? null : { kind: r.cancellation.kind, submittedOn: r.startedOn, endDate },
      pendingPriceChange:
        r.priceChange === null
          ? null
          : {
              kind: r.priceChange.kind,
              announcedOn: addDays(effectiveOn, -31),
              effectiveOn,
              newPrices: r.priceChange.prices,
              index: r.priceChange.kind === 'indexation' ? { name: 'CPI' as const, basisPoints: 300 } : null,
              newAmountDueOn: dueOn,
              customerMayCancelUntil: r.priceChange.mayCancel ? dueOn : null,
            },
      lastIndexationOn: r.lastIndexationOffset === null ? null : addDays(r.startedOn, r.lastIndexationOffset),
      lastAutomaticUpgrade:
        r.lastUpgrade === null
          ? null
          : { from: r.lastUpgrade.from, to: r.plan, on: addDays(r.startedOn, r.lastUpgrade.offset), everMoreThan14UsersBefore: false },
    };
  });

const trialStateArb = fc
  .record({ startedOn: dayArb, endsIn: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }), activeUsers: usersArb })
  .map((t) => startTrial(t.startedOn, t.activeUsers, t.endsIn === null ? null : addDays(t.startedOn, t.endsIn)));
const activeStateArb = subArb.map((subscription) => ({ status: 'active' as const, subscription }));
const stateArb: fc.Arbitrary<SubscriptionState> = fc.oneof(
  trialStateArb,
  activeStateArb,
  fc
    .record({
      since: dayArb,
      reasons: fc.uniqueArray(fc.constantFrom(...blockReasons), { minLength: 1, maxLength: 4 }),
      underlying: fc.oneof(trialStateArb, activeStateArb),
    })
    .map((b) => ({ status: 'blocked' as const, ...b })),
  fc
    .record({ endedOn: dayArb, reason: fc.constantFrom(...endReasons), outstandingCents: fc.oneof(fc.constant(0), centsArb) })
    .map((e) => ({ status: 'ended' as const, ...e })),
);

const sender = { fromRegisteredOwner: fc.boolean(), otherSenderAcceptedByUs: fc.boolean(), confirmedByUs: fc.boolean() };
const eventArb: fc.Arbitrary<SubscriptionEvent> = fc.oneof(
  fc.record({
    type: fc.constant('convert_to_paid' as const),
    plan: fc.option(planArb, { nil: null }),
    billingInterval: intervalArb,
    channel: fc.constantFrom('online' as const, 'contract' as const),
    prices: pricesArb,
  }),
  fc.constant({ type: 'end_trial' as const }),
  fc.constant({ type: 'block_trial_for_abuse' as const }),
  fc.record({ type: fc.constant('active_user_count_changed' as const), activeUsers: usersArb }),
  fc.record({ type: fc.constant('undo_accidental_upgrade' as const), activeUsers: usersArb }),
  fc.record({ type: fc.constant('upgrade_plan' as const), to: planArb }),
  fc.record({ type: fc.constant('downgrade_plan' as const), to: planArb, approvedRequest: fc.boolean() }),
  fc.record({ type: fc.constant('payment_received' as const), amountCents: fc.integer({ min: 1, max: 300_000 }) }),
  fc.record({ type: fc.constant('direct_debit_reversed' as const), amountCents: centsArb, afterLawfulCancellation: fc.boolean() }),
  fc.record({ type: fc.constant('payment_overdue' as const), dueOn: dayArb }),
  fc.constant({ type: 'block_for_terms_breach' as const }),
  fc.record({ type: fc.constant('lift_block' as const), reason: fc.constantFrom('terms_breach' as const, 'trial_abuse' as const) }),
  fc.constant({ type: 'terminate_for_breach' as const }),
  fc.record({ type: fc.constant('cancel' as const), submittedOn: dayArb, requestedEndDate: fc.option(dayArb, { nil: null }), ...sender }),
  fc.record({ type: fc.constant('cancel_for_price_increase' as const), ...sender }),
  fc.record({
    type: fc.constant('announce_price_change' as const),
    kind: fc.constantFrom('indexation' as const, 'other' as const),
    effectiveOn: dayArb,
    newPrices: pricesArb,
    index: fc.option(fc.record({ name: fc.constantFrom('CPI' as const, 'HICP' as const), basisPoints: fc.integer({ min: -500, max: 2000 }) }), { nil: null }),
  }),
  fc.constant({ type: 'reach_end_date' as const }),
  fc.constant({ type: 'delete_for_non_payment' as const }),
);

describe('state machine properties', () => {
  it('the generators cover every event type', () => {
    expect(new Set(subscriptionEventTypes).size).toBe(18);
  });

  it('every event from every state gives a defined answer: a valid state with valid effects, or a known refusal — never a throw', () => {
    fc.assert(
      fc.property(stateArb, eventArb, dayArb, (state, event, today) => {
        expect(subscriptionStateSchema.safeParse(state).success).toBe(true);
        const result = transition(state, event, today);
        if (!result.ok) {
          expect(transitionRefusalReasons).toContain(result.refusal.reason);
          expect(result.refusal.reason).not.toBe('invalid_input');
          return;
        }
        expect(subscriptionStateSchema.safeParse(result.state).success).toBe(true);
        for (const effect of result.effects) expect(subscriptionEffectSchema.safeParse(effect).success).toBe(true);
        // ending always wipes the data, on the server and every device (SPEC §3)
        if (state.status !== 'ended' && result.state.status === 'ended') {
          expect(result.effects).toContainEqual({ type: 'wipe_data', scope: 'server_and_devices' });
        }
        // nothing but payments happens after the end
        if (state.status === 'ended') expect(event.type).toBe('payment_received');
        // art. 14: after a user count change the plan covers the active users and never went down
        const before = paidSubscriptionOf(state);
        const after = paidSubscriptionOf(result.state);
        if (event.type === 'active_user_count_changed' && before && after) {
          expect(planCoversActiveUsers(after.plan, event.activeUsers)).toBe(true);
          expect(planIds.indexOf(after.plan)).toBeGreaterThanOrEqual(planIds.indexOf(before.plan));
        }
        // a reach_end_date schedule always names the nearest day that matters: the day after the
        // period end or the cancellation's end date, whichever comes first
        const scheduled = result.effects.find((e) => e.type === 'schedule' && e.event === 'reach_end_date');
        if (scheduled && scheduled.type === 'schedule' && after) {
          const end = after.cancellation !== null && after.cancellation.endDate < after.periodEnd ? after.cancellation.endDate : after.periodEnd;
          expect(scheduled.on).toBe(addDays(end, 1));
        }
        // licence facts: export exactly when neither blocked nor ended
        const facts = licenceFactsFor(result.state, today);
        expect(facts.exportAllowed).toBe(facts.status === 'trial' || facts.status === 'active');
        expect(facts.wipeLocalData).toBe(facts.status === 'ended');
      }),
      { numRuns: 3000 },
    );
  });

  it('random histories from a trial keep the invariants', () => {
    fc.assert(
      fc.property(
        usersArb,
        fc.array(fc.tuple(eventArb, fc.integer({ min: 0, max: 45 })), { minLength: 1, maxLength: 40 }),
        (users, steps) => {
          let state: SubscriptionState = startTrial('2024-01-01', users);
          let today = '2024-01-01';
          for (const [event, gap] of steps) {
            today = addDays(today, gap);
            const result = transition(state, event, today);
            if (!result.ok) continue;
            state = result.state;
            const sub = paidSubscriptionOf(state);
            if (sub) {
              // a paid plan always covers the active users (it starts covering them and only ever grows past them)
              if (event.type === 'active_user_count_changed' || event.type === 'convert_to_paid') {
                expect(planCoversActiveUsers(sub.plan, sub.activeUsers)).toBe(true);
              }
              expect(sub.outstandingCents).toBeGreaterThanOrEqual(0);
              if (sub.activeUsers > 14 || sub.plan === 'contract-15-plus') expect(sub.everMoreThan14Users).toBe(true);
              // a payment block only exists while something is owed
              if (state.status === 'blocked' && sub.outstandingCents === 0) {
                expect(state.reasons.filter((r) => r === 'payment_overdue' || r === 'direct_debit_reversed')).toEqual([]);
              }
              expect(sub.periodEnd >= sub.startedOn).toBe(true);
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('after a confirmed cancellation, reaching any day past its end date ends the agreement', () => {
    fc.assert(
      fc.property(subArb, dayArb, fc.integer({ min: 1, max: 400 }), (s, submitted, after) => {
        const state: SubscriptionState = { status: 'active', subscription: { ...s, cancellation: null } };
        const today = submitted < s.startedOn ? s.startedOn : submitted;
        const probe = transition(state, { type: 'cancel', submittedOn: today, requestedEndDate: null, fromRegisteredOwner: true, otherSenderAcceptedByUs: false, confirmedByUs: true }, today);
        if (probe.ok || probe.refusal.reason !== 'end_date_missing' || probe.refusal.date === null) throw new Error('expected the earliest end date');
        const endDate = probe.refusal.date;
        expect(endDate > today).toBe(true);
        const cancelled = transition(state, { type: 'cancel', submittedOn: today, requestedEndDate: endDate, fromRegisteredOwner: true, otherSenderAcceptedByUs: false, confirmedByUs: true }, today);
        if (!cancelled.ok) throw new Error(cancelled.refusal.reason);
        const ended = transition(cancelled.state, { type: 'reach_end_date' }, addDays(endDate, after));
        expect(ended.ok && ended.state.status).toBe('ended');
        if (ended.ok && ended.state.status === 'ended') expect(ended.state.endedOn).toBe(addDays(endDate, 1));
      }),
      { numRuns: 500 },
    );
  });

  it('the plan a conversion picks by default covers the active users', () => {
    fc.assert(
      fc.property(usersArb, pricesArb, intervalArb, dayArb, (users, prices, billingInterval, today) => {
        const r = transition(startTrial(today, users), { type: 'convert_to_paid', plan: null, billingInterval, channel: 'online', prices }, today);
        expect(r.ok).toBe(true);
        if (r.ok) expect(paidSubscriptionOf(r.state)?.plan).toBe(planForActiveUsers(users));
      }),
    );
  });
});
