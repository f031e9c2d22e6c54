import { checkCancellationEndDate, earliestCancellationEndDate } from './cancellation.js';
import { addDays, addMonths, earlierOf, isoDateSchema, laterOf, yearMonthOf, type IsoDate } from './dates.js';
import { checkDowngrade } from './downgrade.js';
import {
  subscriptionEventSchema,
  type TransitionRefusalReason,
  type SubscriptionEffect,
  type SubscriptionEvent,
  type TransitionRefusal,
} from './events.js';
import { REVERSED_DIRECT_DEBIT_FEE_CENTS, type Cents } from './money.js';
import { isPeriodEnd, nextPeriodEnd, periodEndContaining } from './periods.js';
import {
  ONLINE_SELF_SERVICE_MAX_USERS,
  isUpgrade,
  planAfterActiveUserCountChange,
  planCoversActiveUsers,
  planForActiveUsers,
  type PlanId,
} from './plans.js';
import { validatePriceChange, type PriceChangeRefusalReason } from './pricing.js';
import {
  paymentBlockReasons,
  subscriptionStateSchema,
  type ActiveState,
  type BlockReason,
  type BlockedState,
  type EndReason,
  type EndedState,
  type PaidSubscription,
  type SubscriptionState,
  type TrialFacts,
  type TrialState,
} from './state.js';

/**
 * The subscription state machine: `transition(state, event, today)` gives the next state and the
 * effects the server must carry out, or a typed refusal with a reason code. It never throws: input
 * that does not match the schemas is refused with 'invalid_input'.
 */
export type TransitionResult =
  | { ok: true; state: SubscriptionState; effects: SubscriptionEffect[] }
  | { ok: false; refusal: TransitionRefusal };

interface RefusalExtras {
  date?: IsoDate | null;
  downgradeBlockers?: TransitionRefusal['downgradeBlockers'];
  priceChangeReasons?: PriceChangeRefusalReason[];
  message?: string;
}

function refuse(reason: TransitionRefusalReason, extras: RefusalExtras = {}): TransitionResult {
  return {
    ok: false,
    refusal: {
      reason,
      date: extras.date ?? null,
      downgradeBlockers: extras.downgradeBlockers ?? [],
      priceChangeReasons: extras.priceChangeReasons ?? [],
      message: extras.message ?? reason.replaceAll('_', ' '),
    },
  };
}

const done = (state: SubscriptionState, effects: SubscriptionEffect[] = []): TransitionResult => ({ ok: true, state, effects });
const notify = (notice: Extract<SubscriptionEffect, { type: 'notify' }>['notice'], date: IsoDate | null = null): SubscriptionEffect => ({
  type: 'notify',
  notice,
  date,
});

/** Art. 9: the day from which an account overdue since `overdueSince` may be deleted. */
export function deletableForNonPaymentFrom(overdueSince: IsoDate): IsoDate {
  return addMonths(overdueSince, 6);
}

// ---- blocking -------------------------------------------------------------------------------

type Underlying = TrialState | ActiveState;

function withUnderlying(state: TrialState | ActiveState | BlockedState, underlying: Underlying): SubscriptionState {
  return state.status === 'blocked' ? { ...state, underlying } : underlying;
}

function addBlock(
  state: TrialState | ActiveState | BlockedState,
  reason: BlockReason,
  today: IsoDate,
): { state: BlockedState; effects: SubscriptionEffect[] } {
  if (state.status === 'blocked') {
    if (state.reasons.includes(reason)) return { state, effects: [] };
    const reasons = [...state.reasons, reason];
    return { state: { ...state, reasons }, effects: [{ type: 'block_account', reasons }, notify('account_blocked', today)] };
  }
  return {
    state: { status: 'blocked', since: today, reasons: [reason], underlying: state },
    effects: [{ type: 'block_account', reasons: [reason] }, notify('account_blocked', today)],
  };
}

function removeBlocks(
  state: BlockedState,
  remove: readonly BlockReason[],
  today: IsoDate,
): { state: SubscriptionState; effects: SubscriptionEffect[] } {
  const reasons = state.reasons.filter((r) => !remove.includes(r));
  if (reasons.length === state.reasons.length) return { state, effects: [] };
  if (reasons.length === 0) return { state: state.underlying, effects: [{ type: 'unblock_account' }, notify('account_unblocked', today)] };
  return { state: { ...state, reasons }, effects: [{ type: 'block_account', reasons }] };
}

// ---- ending ---------------------------------------------------------------------------------

function end(reason: EndReason, endedOn: IsoDate, outstandingCents: Cents): { state: EndedState; effects: SubscriptionEffect[] } {
  const effects: SubscriptionEffect[] = [
    { type: 'unschedule', event: 'reach_end_date' },
    { type: 'unschedule', event: 'delete_for_non_payment' },
    { type: 'wipe_data', scope: 'server_and_devices' },
  ];
  if (outstandingCents > 0) effects.push({ type: 'keep_claim', amountCents: outstandingCents });
  effects.push(notify(reason === 'trial_ended' ? 'trial_ended' : 'agreement_ended', endedOn));
  return { state: { status: 'ended', endedOn, reason, outstandingCents }, effects };
}

// ---- paid subscriptions -----------------------------------------------------------------------

type PaidState = ActiveState | (BlockedState & { underlying: ActiveState });

function isPaid(state: SubscriptionState): state is PaidState {
  return state.status === 'active' || (state.status === 'blocked' && state.underlying.status === 'active');
}

function subOf(state: PaidState): PaidSubscription {
  return state.status === 'active' ? state.subscription : state.underlying.subscription;
}

function withSub(state: PaidState, subscription: PaidSubscription): PaidState {
  if (state.status === 'active') return { ...state, subscription };
  return { ...state, underlying: { ...state.underlying, subscription } };
}

function isTrialLike(state: SubscriptionState): state is TrialState | (BlockedState & { underlying: TrialState }) {
  return state.status === 'trial' || (state.status === 'blocked' && state.underlying.status === 'trial');
}

function trialOf(state: TrialState | (BlockedState & { underlying: TrialState })): TrialFacts {
  return state.status === 'trial' ? state.trial : state.underlying.trial;
}

const senderAllowed = (e: { fromRegisteredOwner: boolean; otherSenderAcceptedByUs: boolean }): boolean =>
  e.fromRegisteredOwner || e.otherSenderAcceptedByUs;

function invoiceFor(sub: PaidSubscription, periodStart: IsoDate, periodEnd: IsoDate): SubscriptionEffect {
  return {
    type: 'issue_invoice',
    plan: sub.plan,
    amountCents: sub.prices[sub.plan],
    periodStart,
    periodEnd,
    dueOn: periodStart,
  };
}

// ---- the transition -------------------------------------------------------------------------

export function transition(state: SubscriptionState, event: SubscriptionEvent, today: IsoDate): TransitionResult {
  const s = subscriptionStateSchema.safeParse(state);
  if (!s.success) return refuse('invalid_input', { message: `state: ${s.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}` });
  const e = subscriptionEventSchema.safeParse(event);
  if (!e.success) return refuse('invalid_input', { message: `event: ${e.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}` });
  const t = isoDateSchema.safeParse(today);
  if (!t.success) return refuse('invalid_input', { message: 'today: expected a calendar date YYYY-MM-DD' });
  return step(s.data, e.data, t.data);
}

function step(state: SubscriptionState, event: SubscriptionEvent, today: IsoDate): TransitionResult {
  if (state.status === 'ended') return stepEnded(state, event);

  switch (event.type) {
    case 'convert_to_paid': {
      if (!isTrialLike(state)) return refuse('not_in_trial');
      if (state.status === 'blocked') {
        return refuse(state.reasons.includes('trial_abuse') ? 'blocked_for_trial_abuse' : 'account_blocked');
      }
      const { activeUsers } = state.trial;
      const plan = event.plan ?? planForActiveUsers(activeUsers);
      if (!planCoversActiveUsers(plan, activeUsers)) return refuse('plan_does_not_cover_active_users');
      const periodEnd = periodEndContaining(event.billingInterval, today, today);
      const price = event.prices[plan];
      const subscription: PaidSubscription = {
        plan,
        billingInterval: event.billingInterval,
        channel: event.channel,
        startedOn: today,
        periodEnd,
        prices: event.prices,
        activeUsers,
        everMoreThan14Users: activeUsers > ONLINE_SELF_SERVICE_MAX_USERS || plan === 'contract-15-plus',
        lastDowngradeMonth: null,
        reversedDirectDebits: 0,
        outstandingCents: price,
        overdueSince: null,
        cancellation: null,
        pendingPriceChange: null,
        lastIndexationOn: null,
        lastAutomaticUpgrade: null,
      };
      return done({ status: 'active', subscription }, [
        { type: 'keep_trial_data' },
        { type: 'issue_invoice', plan, amountCents: price, periodStart: today, periodEnd, dueOn: today },
        { type: 'schedule', event: 'reach_end_date', on: addDays(periodEnd, 1) },
        notify('trial_converted', today),
      ]);
    }

    case 'end_trial': {
      if (!isTrialLike(state)) return refuse('not_in_trial');
      const ended = end('trial_ended', today, 0);
      return done(ended.state, ended.effects);
    }

    case 'block_trial_for_abuse': {
      if (!isTrialLike(state)) return refuse('not_in_trial');
      if (state.status === 'blocked' && state.reasons.includes('trial_abuse')) return refuse('already_blocked_for_this_reason');
      const blocked = addBlock(state, 'trial_abuse', today);
      return done(blocked.state, blocked.effects);
    }

    case 'active_user_count_changed': {
      if (isTrialLike(state)) {
        const trial = { ...trialOf(state), activeUsers: event.activeUsers };
        return done(withUnderlying(state, { status: 'trial', trial }));
      }
      if (!isPaid(state)) return refuse('no_paid_subscription');
      const sub = subOf(state);
      const { plan, upgraded } = planAfterActiveUserCountChange(sub.plan, event.activeUsers);
      const next: PaidSubscription = {
        ...sub,
        plan,
        activeUsers: event.activeUsers,
        everMoreThan14Users:
          sub.everMoreThan14Users || event.activeUsers > ONLINE_SELF_SERVICE_MAX_USERS || plan === 'contract-15-plus',
        lastAutomaticUpgrade: upgraded
          ? { from: sub.plan, to: plan, on: today, everMoreThan14UsersBefore: sub.everMoreThan14Users }
          : sub.lastAutomaticUpgrade,
      };
      const effects: SubscriptionEffect[] = upgraded
        ? [
            { type: 'change_plan', from: sub.plan, to: plan, cause: 'automatic_upgrade', priceCents: sub.prices[plan] },
            notify('plan_upgraded', today),
          ]
        : [];
      return done(withSub(state, next), effects);
    }

    case 'undo_accidental_upgrade': {
      if (!isPaid(state)) return refuse('no_paid_subscription');
      const sub = subOf(state);
      const last = sub.lastAutomaticUpgrade;
      if (last === null || last.to !== sub.plan) return refuse('no_automatic_upgrade_to_undo');
      // Art. 14: "mail ons dan even binnen zeven dagen na het toevoegen van deze gebruiker".
      const lastDayToReport = addDays(last.on, 7);
      if (today > lastDayToReport) return refuse('accidental_upgrade_reported_too_late', { date: lastDayToReport });
      if (!planCoversActiveUsers(last.from, event.activeUsers)) return refuse('plan_does_not_cover_active_users');
      const next: PaidSubscription = {
        ...sub,
        plan: last.from,
        activeUsers: event.activeUsers,
        everMoreThan14Users: last.everMoreThan14UsersBefore,
        lastAutomaticUpgrade: null,
      };
      return done(withSub(state, next), [
        { type: 'change_plan', from: sub.plan, to: last.from, cause: 'undo_accidental_upgrade', priceCents: sub.prices[last.from] },
        notify('plan_downgraded', today),
      ]);
    }

    case 'upgrade_plan': {
      if (!isPaid(state)) return refuse('no_paid_subscription');
      const sub = subOf(state);
      if (!isUpgrade(sub.plan, event.to)) return refuse('not_an_upgrade');
      const next: PaidSubscription = {
        ...sub,
        plan: event.to,
        everMoreThan14Users: sub.everMoreThan14Users || event.to === 'contract-15-plus',
        lastAutomaticUpgrade: null,
      };
      return done(withSub(state, next), [
        { type: 'change_plan', from: sub.plan, to: event.to, cause: 'upgrade', priceCents: sub.prices[event.to] },
        notify('plan_upgraded', today),
      ]);
    }

    case 'downgrade_plan': {
      if (!isPaid(state)) return refuse('no_paid_subscription');
      const sub = subOf(state);
      const option = checkDowngrade(sub, event.to, today);
      const route = event.approvedRequest ? option.byApprovedRequest : option.selfService;
      if (!route.allowed) return refuse('downgrade_not_allowed', { downgradeBlockers: route.reasons });
      const next: PaidSubscription = { ...sub, plan: event.to, lastDowngradeMonth: yearMonthOf(today), lastAutomaticUpgrade: null };
      return done(withSub(state, next), [
        {
          type: 'change_plan',
          from: sub.plan,
          to: event.to,
          cause: event.approvedRequest ? 'approved_downgrade' : 'downgrade',
          priceCents: sub.prices[event.to],
        },
        notify('plan_downgraded', today),
      ]);
    }

    case 'payment_received': {
      if (!isPaid(state)) return refuse('no_paid_subscription');
      const sub = subOf(state);
      const applied = Math.min(event.amountCents, sub.outstandingCents);
      const overpaid = event.amountCents - applied;
      const outstandingCents = sub.outstandingCents - applied;
      const settled = outstandingCents === 0;
      const next: PaidSubscription = { ...sub, outstandingCents, overdueSince: settled ? null : sub.overdueSince };
      const effects: SubscriptionEffect[] = [];
      if (overpaid > 0) effects.push({ type: 'refund_overpayment', amountCents: overpaid });
      if (settled && sub.overdueSince !== null) effects.push({ type: 'unschedule', event: 'delete_for_non_payment' });
      let nextState: SubscriptionState = withSub(state, next);
      if (settled && nextState.status === 'blocked') {
        // Art. 9: blocked "tot het moment dat u betaald heeft" — paying everything owed lifts the
        // payment blocks; a breach block stays until we lift it.
        const lifted = removeBlocks(nextState, paymentBlockReasons, today);
        nextState = lifted.state;
        effects.push(...lifted.effects);
      }
      return done(nextState, effects);
    }

    case 'direct_debit_reversed': {
      if (!isPaid(state)) return refuse('no_paid_subscription');
      const sub = subOf(state);
      // Art. 9: "Dit geldt alleen niet indien u aantoonbaar en bewijsbaar via de wijze van artikel
      // 16 en artikel 17 rechtmatig heeft opgezegd en er daardoor onterecht bij u is gefactureerd."
      if (event.afterLawfulCancellation) {
        return done(state, [{ type: 'credit_wrongful_invoice', amountCents: event.amountCents }]);
      }
      // Art. 9: the first (unlawful) reversal: "zijn wij genoodzaakt om uw account te blokkeren" plus
      // € 82,50; more than one: "gerechtigd om uw account per direct te blokkeren" — every unlawful
      // reversal costs the fee again, and the block takes effect on the day the reversal is reported
      // in both cases (the first is compulsory, the later ones immediate). Payment of everything
      // owed lifts it (see payment_received).
      const next: PaidSubscription = {
        ...sub,
        reversedDirectDebits: sub.reversedDirectDebits + 1,
        outstandingCents: sub.outstandingCents + event.amountCents + REVERSED_DIRECT_DEBIT_FEE_CENTS,
      };
      const blocked = addBlock(withSub(state, next), 'direct_debit_reversed', today);
      return done(blocked.state, [
        { type: 'charge_fee', amountCents: REVERSED_DIRECT_DEBIT_FEE_CENTS, reason: 'direct_debit_reversed' },
        notify('direct_debit_reversed', today),
        ...(blocked.effects.length > 0 ? blocked.effects : [{ type: 'block_account' as const, reasons: blocked.state.reasons }]),
      ]);
    }

    case 'payment_overdue': {
      if (!isPaid(state)) return refuse('no_paid_subscription');
      const sub = subOf(state);
      if (today <= event.dueOn) return refuse('payment_not_yet_overdue', { date: addDays(event.dueOn, 1) });
      if (sub.outstandingCents === 0) return refuse('nothing_outstanding');
      const overdueSince = sub.overdueSince === null ? addDays(event.dueOn, 1) : earlierOf(sub.overdueSince, addDays(event.dueOn, 1));
      if (state.status === 'blocked' && state.reasons.includes('payment_overdue') && overdueSince === sub.overdueSince) {
        return refuse('already_blocked_for_this_reason', { date: deletableForNonPaymentFrom(overdueSince) });
      }
      const blocked = addBlock(withSub(state, { ...sub, overdueSince }), 'payment_overdue', today);
      return done(blocked.state, [
        ...blocked.effects,
        { type: 'schedule', event: 'delete_for_non_payment', on: deletableForNonPaymentFrom(overdueSince) },
        notify('payment_overdue', overdueSince),
      ]);
    }

    case 'block_for_terms_breach': {
      if (state.status === 'blocked' && state.reasons.includes('terms_breach')) return refuse('already_blocked_for_this_reason');
      const blocked = addBlock(state, 'terms_breach', today);
      return done(blocked.state, blocked.effects);
    }

    case 'lift_block': {
      if (state.status !== 'blocked' || !state.reasons.includes(event.reason)) return refuse('not_blocked_for_this_reason');
      const lifted = removeBlocks(state, [event.reason], today);
      return done(lifted.state, lifted.effects);
    }

    case 'terminate_for_breach': {
      // Art. 16 "Indien u zich schuldig maakt aan één van de gevallen zoals beschreven in artikel 20
      // zijn wij gerechtigd om per direct de overeenkomst op te zeggen"; art. 5 for trial abuse. As a
      // safeguard the breach must first have been recorded as a block.
      if (state.status !== 'blocked' || !(state.reasons.includes('terms_breach') || state.reasons.includes('trial_abuse'))) {
        return refuse('not_blocked_for_this_reason');
      }
      const owed = isPaid(state) ? subOf(state).outstandingCents : 0;
      const ended = end('terminated_for_breach', today, owed);
      return done(ended.state, ended.effects);
    }

    case 'cancel': {
      if (!isPaid(state)) return refuse('no_paid_subscription');
      const sub = subOf(state);
      // Art. 16: by the registered owner (another sender only if we explicitly accept it), with an
      // end date, and valid only once we confirmed it.
      if (!senderAllowed(event)) return refuse('not_the_registered_owner');
      if (!event.confirmedByUs) return refuse('cancellation_not_confirmed');
      if (event.submittedOn > today) return refuse('cancellation_submitted_in_the_future');
      if (sub.cancellation !== null) return refuse('already_cancelled', { date: sub.cancellation.endDate });
      // The notice counts from the day the owner submitted it (art. 17 "uw opzegging moet hebben
      // gedaan"); confirmation makes it valid. An end date that has already passed by the time of
      // confirmation moves to the end of the current period.
      const fromSubmission = earliestCancellationEndDate(sub.billingInterval, sub.startedOn, event.submittedOn);
      const earliest = laterOf(fromSubmission, periodEndContaining(sub.billingInterval, sub.startedOn, today));
      if (event.requestedEndDate === null) return refuse('end_date_missing', { date: earliest });
      const check = checkCancellationEndDate(sub.billingInterval, sub.startedOn, event.submittedOn, event.requestedEndDate);
      if (!check.ok) return refuse(check.reason, { date: earliest });
      if (event.requestedEndDate < earliest) return refuse('end_date_before_earliest_possible', { date: earliest });
      const endDate = event.requestedEndDate;
      const next: PaidSubscription = { ...sub, cancellation: { kind: 'customer_notice', submittedOn: event.submittedOn, endDate } };
      return done(withSub(state, next), [
        { type: 'schedule', event: 'reach_end_date', on: addDays(earlierOf(endDate, sub.periodEnd), 1) },
        notify('cancellation_confirmed', endDate),
      ]);
    }

    case 'cancel_for_price_increase': {
      if (!isPaid(state)) return refuse('no_paid_subscription');
      const sub = subOf(state);
      if (!senderAllowed(event)) return refuse('not_the_registered_owner');
      if (!event.confirmedByUs) return refuse('cancellation_not_confirmed');
      const until = sub.pendingPriceChange?.customerMayCancelUntil ?? null;
      if (until === null || today > until) return refuse('no_right_to_cancel_for_price_increase', { date: until });
      // Art. 8 "per direct opzeggen": the agreement ends today (today is its last day).
      const next: PaidSubscription = { ...sub, cancellation: { kind: 'price_increase', submittedOn: today, endDate: today } };
      return done(withSub(state, next), [
        { type: 'schedule', event: 'reach_end_date', on: addDays(earlierOf(today, sub.periodEnd), 1) },
        notify('cancellation_confirmed', today),
      ]);
    }

    case 'announce_price_change': {
      if (!isPaid(state)) return refuse('no_paid_subscription');
      const sub = subOf(state);
      if (sub.pendingPriceChange !== null) return refuse('price_change_already_pending', { date: sub.pendingPriceChange.effectiveOn });
      const verdicts = (Object.keys(event.newPrices) as PlanId[]).map((plan) => ({
        plan,
        verdict: validatePriceChange({
          kind: event.kind,
          billingInterval: sub.billingInterval,
          startedOn: sub.startedOn,
          currentPriceCents: sub.prices[plan],
          newPriceCents: event.newPrices[plan],
          announcedOn: today,
          effectiveOn: event.effectiveOn,
          index: event.index,
          lastIndexationOn: sub.lastIndexationOn,
        }),
      }));
      const reasons = [...new Set(verdicts.flatMap((v) => (v.verdict.ok ? [] : v.verdict.reasons)))];
      const own = verdicts.find((v) => v.plan === sub.plan)?.verdict;
      if (reasons.length > 0 || !own?.ok) return refuse('price_change_not_allowed', { priceChangeReasons: reasons });
      const next: PaidSubscription = {
        ...sub,
        pendingPriceChange: {
          kind: event.kind,
          announcedOn: today,
          effectiveOn: event.effectiveOn,
          newPrices: event.newPrices,
          index: event.index,
          newAmountDueOn: own.newAmountDueOn,
          customerMayCancelUntil: own.customerMayCancelUntil,
        },
      };
      return done(withSub(state, next), [notify('price_change_announced', event.effectiveOn)]);
    }

    case 'reach_end_date': {
      if (isTrialLike(state)) {
        const { endsOn } = trialOf(state);
        if (endsOn === null || today <= endsOn) return refuse('nothing_to_do_yet', { date: endsOn === null ? null : addDays(endsOn, 1) });
        const ended = end('trial_ended', addDays(endsOn, 1), 0);
        return done(ended.state, ended.effects);
      }
      if (!isPaid(state)) return refuse('no_paid_subscription');
      return reachEndDate(state, today);
    }

    case 'delete_for_non_payment': {
      if (!isPaid(state)) return refuse('no_paid_subscription');
      const sub = subOf(state);
      if (sub.overdueSince === null) return refuse('not_six_months_overdue');
      const from = deletableForNonPaymentFrom(sub.overdueSince);
      if (today < from) return refuse('not_six_months_overdue', { date: from });
      // Art. 9: "Wanneer uw account verwijderd is door ons, heeft u nog steeds de verplichting om het
      // verschuldigde bedrag te voldoen, maar zal uw abonnement niet automatisch verlengd worden."
      const ended = end('deleted_for_non_payment', today, sub.outstandingCents);
      return done(ended.state, ended.effects);
    }
  }
}

/** Renews periods up to today (art. 17, also while blocked: art. 9) and ends at a cancellation's end date. */
function reachEndDate(state: PaidState, today: IsoDate): TransitionResult {
  let sub = subOf(state);
  const effects: SubscriptionEffect[] = [];
  const finish = (endDate: IsoDate, kind: 'customer_notice' | 'price_increase'): TransitionResult => {
    const ended = end(kind === 'price_increase' ? 'cancelled_for_price_increase' : 'customer_cancellation', addDays(endDate, 1), sub.outstandingCents);
    return done(ended.state, [...effects, ...ended.effects]);
  };

  while (today > sub.periodEnd) {
    if (sub.cancellation !== null && sub.cancellation.endDate <= sub.periodEnd) return finish(sub.cancellation.endDate, sub.cancellation.kind);
    const periodStart = addDays(sub.periodEnd, 1);
    const periodEnd = nextPeriodEnd(sub.billingInterval, sub.startedOn, sub.periodEnd);
    const pending = sub.pendingPriceChange;
    if (pending !== null && periodStart >= pending.newAmountDueOn) {
      // Art. 8 / art. 17: "met de automatische verlenging onder die nieuwe prijscategorie".
      sub = {
        ...sub,
        prices: pending.newPrices,
        pendingPriceChange: null,
        lastIndexationOn: pending.kind === 'indexation' ? pending.effectiveOn : sub.lastIndexationOn,
      };
      effects.push({ type: 'apply_prices', prices: pending.newPrices }, notify('price_change_applied', periodStart));
    }
    effects.push(invoiceFor(sub, periodStart, periodEnd));
    sub = { ...sub, periodEnd, outstandingCents: sub.outstandingCents + sub.prices[sub.plan] };
  }
  if (sub.cancellation !== null && today > sub.cancellation.endDate) return finish(sub.cancellation.endDate, sub.cancellation.kind);

  if (effects.length === 0) {
    const next = sub.cancellation !== null ? earlierOf(sub.cancellation.endDate, sub.periodEnd) : sub.periodEnd;
    return refuse('nothing_to_do_yet', { date: addDays(next, 1) });
  }
  const nextEnd = sub.cancellation !== null ? earlierOf(sub.cancellation.endDate, sub.periodEnd) : sub.periodEnd;
  effects.push({ type: 'schedule', event: 'reach_end_date', on: addDays(nextEnd, 1) });
  return done(withSub(state, sub), effects);
}

/** After the end only a payment of what is still owed (art. 9) is taken; nothing else happens. */
function stepEnded(state: EndedState, event: SubscriptionEvent): TransitionResult {
  if (event.type !== 'payment_received') return refuse('agreement_ended', { date: state.endedOn });
  if (state.outstandingCents === 0) return refuse('nothing_outstanding');
  const applied = Math.min(event.amountCents, state.outstandingCents);
  const effects: SubscriptionEffect[] =
    event.amountCents > applied ? [{ type: 'refund_overpayment', amountCents: event.amountCents - applied }] : [];
  return done({ ...state, outstandingCents: state.outstandingCents - applied }, effects);
}

/** Is `date` a possible end date for this subscription (a period end)? For pickers in the UI. */
export function isPossibleEndDate(sub: Pick<PaidSubscription, 'billingInterval' | 'startedOn'>, date: IsoDate): boolean {
  return isPeriodEnd(sub.billingInterval, sub.startedOn, date);
}
