import { describe, expect, it } from 'vitest';
import { subscriptionEffectSchema, type SubscriptionEffect, type SubscriptionEvent } from './events.js';
import { transition, type TransitionResult } from './machine.js';
import { activeState, testPrices } from './test-fixtures.js';
import type { PlanPrices } from './money.js';
import {
  startTrial,
  subscriptionStateSchema,
  type BlockedState,
  type PaidSubscription,
  type SubscriptionState,
} from './state.js';

const prices = testPrices;

function ok(result: TransitionResult): { state: SubscriptionState; effects: SubscriptionEffect[] } {
  if (!result.ok) throw new Error(`refused: ${result.refusal.reason} (${result.refusal.message})`);
  expect(subscriptionStateSchema.safeParse(result.state).success).toBe(true);
  for (const effect of result.effects) expect(subscriptionEffectSchema.safeParse(effect).success).toBe(true);
  return result;
}

function refused(result: TransitionResult) {
  if (result.ok) throw new Error(`expected a refusal, got state ${result.state.status}`);
  return result.refusal;
}

const run = (state: SubscriptionState, event: SubscriptionEvent, today: string) => ok(transition(state, event, today));

const active = activeState;
const paidOf = (state: SubscriptionState): PaidSubscription => {
  if (state.status === 'active') return state.subscription;
  if (state.status === 'blocked' && state.underlying.status === 'active') return state.underlying.subscription;
  throw new Error(`no paid subscription in ${state.status}`);
};
const types = (effects: SubscriptionEffect[]) => effects.map((e) => e.type);

const cancelEvent = (over: Partial<Extract<SubscriptionEvent, { type: 'cancel' }>> = {}): SubscriptionEvent => ({
  type: 'cancel',
  submittedOn: '2024-04-04',
  requestedEndDate: '2024-05-31',
  fromRegisteredOwner: true,
  otherSenderAcceptedByUs: false,
  confirmedByUs: true,
  ...over,
});

describe('trial (art. 5)', () => {
  it('converting to paid keeps the data, picks the plan for the active users and invoices the first period', () => {
    const trial = startTrial('2024-03-01', 3, '2024-03-31');
    const { state, effects } = run(trial, { type: 'convert_to_paid', plan: null, billingInterval: 'monthly', channel: 'online', prices }, '2024-03-20');
    expect(state.status).toBe('active');
    const s = paidOf(state);
    expect(s).toMatchObject({ plan: 'team-2-4', startedOn: '2024-03-20', periodEnd: '2024-03-31', activeUsers: 3, outstandingCents: 7_500 });
    expect(effects[0]).toEqual({ type: 'keep_trial_data' });
    expect(effects).toContainEqual({
      type: 'issue_invoice',
      plan: 'team-2-4',
      amountCents: 7_500,
      periodStart: '2024-03-20',
      periodEnd: '2024-03-31',
      dueOn: '2024-03-20',
    });
    expect(types(effects)).not.toContain('wipe_data');
  });

  it('yearly conversion runs to the first anniversary', () => {
    const { state } = run(startTrial('2023-02-01', 1), { type: 'convert_to_paid', plan: 'solo-1', billingInterval: 'yearly', channel: 'online', prices }, '2023-03-01');
    expect(paidOf(state).periodEnd).toBe('2024-03-01');
  });

  it('refuses a plan that does not cover the active users', () => {
    const r = transition(startTrial('2024-03-01', 6), { type: 'convert_to_paid', plan: 'team-2-4', billingInterval: 'monthly', channel: 'online', prices }, '2024-03-02');
    expect(refused(r).reason).toBe('plan_does_not_cover_active_users');
  });

  it('never converts by itself: past its end the trial ends, it does not become paid', () => {
    const trial = startTrial('2024-03-01', 1, '2024-03-31');
    expect(refused(transition(trial, { type: 'reach_end_date' }, '2024-03-31'))).toMatchObject({ reason: 'nothing_to_do_yet', date: '2024-04-01' });
    const { state, effects } = run(trial, { type: 'reach_end_date' }, '2024-04-01');
    expect(state).toEqual({ status: 'ended', endedOn: '2024-04-01', reason: 'trial_ended', outstandingCents: 0 });
    expect(effects).toContainEqual({ type: 'wipe_data', scope: 'server_and_devices' });
    expect(refused(transition(startTrial('2024-03-01'), { type: 'reach_end_date' }, '2030-01-01')).reason).toBe('nothing_to_do_yet');
  });

  it('abuse may be blocked; a blocked trial cannot convert until we lift the block', () => {
    const { state } = run(startTrial('2024-03-01', 1), { type: 'block_trial_for_abuse' }, '2024-03-05');
    expect(state).toMatchObject({ status: 'blocked', reasons: ['trial_abuse'], since: '2024-03-05' });
    const convert: SubscriptionEvent = { type: 'convert_to_paid', plan: null, billingInterval: 'monthly', channel: 'online', prices };
    expect(refused(transition(state, convert, '2024-03-06')).reason).toBe('blocked_for_trial_abuse');
    expect(refused(transition(state, { type: 'payment_received', amountCents: 100 }, '2024-03-06')).reason).toBe('no_paid_subscription');
    const lifted = run(state, { type: 'lift_block', reason: 'trial_abuse' }, '2024-03-07');
    expect(lifted.state.status).toBe('trial');
    expect(types(lifted.effects)).toContain('unblock_account');
    const ended = run(state, { type: 'terminate_for_breach' }, '2024-03-07');
    expect(ended.state).toMatchObject({ status: 'ended', reason: 'terminated_for_breach' });
  });

  it('the trial-only events are refused for paid subscriptions', () => {
    expect(refused(transition(active(), { type: 'block_trial_for_abuse' }, '2024-04-02')).reason).toBe('not_in_trial');
    expect(refused(transition(active(), { type: 'end_trial' }, '2024-04-02')).reason).toBe('not_in_trial');
    expect(refused(transition(startTrial('2024-03-01'), cancelEvent(), '2024-04-04')).reason).toBe('no_paid_subscription');
  });
});

describe('users and plans (art. 6, 14)', () => {
  it('adding a user beyond the plan upgrades automatically; pausing never downgrades', () => {
    const up = run(active({ activeUsers: 4 }), { type: 'active_user_count_changed', activeUsers: 5 }, '2024-04-10');
    expect(paidOf(up.state).plan).toBe('team-5-9');
    expect(up.effects).toContainEqual({ type: 'change_plan', from: 'team-2-4', to: 'team-5-9', cause: 'automatic_upgrade', priceCents: 15_000 });
    const down = run(up.state, { type: 'active_user_count_changed', activeUsers: 1 }, '2024-04-11');
    expect(paidOf(down.state)).toMatchObject({ plan: 'team-5-9', activeUsers: 1 });
    expect(down.effects).toEqual([]);
  });

  it('going above 14 users is remembered for good (art. 6)', () => {
    const a = run(active({ plan: 'team-10-14', activeUsers: 14 }), { type: 'active_user_count_changed', activeUsers: 15 }, '2024-04-10');
    expect(paidOf(a.state)).toMatchObject({ plan: 'contract-15-plus', everMoreThan14Users: true });
    const b = run(a.state, { type: 'active_user_count_changed', activeUsers: 9 }, '2024-04-11');
    expect(paidOf(b.state).everMoreThan14Users).toBe(true);
    const r = transition(b.state, { type: 'downgrade_plan', to: 'team-10-14', approvedRequest: false }, '2024-05-02');
    expect(refused(r)).toMatchObject({ reason: 'downgrade_not_allowed', downgradeBlockers: ['ever_more_than_14_users'] });
    const approved = run(b.state, { type: 'downgrade_plan', to: 'team-10-14', approvedRequest: true }, '2024-05-02');
    expect(paidOf(approved.state).plan).toBe('team-10-14');
    expect(approved.effects[0]).toMatchObject({ type: 'change_plan', cause: 'approved_downgrade' });
  });

  it('a user added by mistake and reported within seven days undoes the automatic upgrade (art. 14)', () => {
    const up = run(active({ plan: 'team-10-14', activeUsers: 14 }), { type: 'active_user_count_changed', activeUsers: 15 }, '2024-04-10').state;
    expect(paidOf(up)).toMatchObject({
      plan: 'contract-15-plus',
      everMoreThan14Users: true,
      lastAutomaticUpgrade: { from: 'team-10-14', to: 'contract-15-plus', on: '2024-04-10', everMoreThan14UsersBefore: false },
    });
    expect(refused(transition(up, { type: 'undo_accidental_upgrade', activeUsers: 15 }, '2024-04-12')).reason).toBe('plan_does_not_cover_active_users');
    expect(refused(transition(up, { type: 'undo_accidental_upgrade', activeUsers: 14 }, '2024-04-18'))).toMatchObject({
      reason: 'accidental_upgrade_reported_too_late',
      date: '2024-04-17',
    });
    const undone = run(up, { type: 'undo_accidental_upgrade', activeUsers: 14 }, '2024-04-17');
    expect(paidOf(undone.state)).toMatchObject({ plan: 'team-10-14', activeUsers: 14, everMoreThan14Users: false, lastAutomaticUpgrade: null });
    expect(undone.effects[0]).toEqual({ type: 'change_plan', from: 'contract-15-plus', to: 'team-10-14', cause: 'undo_accidental_upgrade', priceCents: 27_500 });
    expect(refused(transition(undone.state, { type: 'undo_accidental_upgrade', activeUsers: 14 }, '2024-04-17')).reason).toBe('no_automatic_upgrade_to_undo');
    // a later automatic upgrade is the one that can be undone, back to where it started
    const small = run(active({ plan: 'team-2-4', activeUsers: 4 }), { type: 'active_user_count_changed', activeUsers: 5 }, '2024-04-10').state;
    const bigger = run(small, { type: 'active_user_count_changed', activeUsers: 10 }, '2024-04-11').state;
    expect(paidOf(bigger).lastAutomaticUpgrade).toMatchObject({ from: 'team-5-9', to: 'team-10-14' });
    // a downgrade in between closes the window
    const paused = run(small, { type: 'active_user_count_changed', activeUsers: 4 }, '2024-04-11').state;
    const downgraded = run(paused, { type: 'downgrade_plan', to: 'team-2-4', approvedRequest: true }, '2024-04-11').state;
    expect(paidOf(downgraded).lastAutomaticUpgrade).toBeNull();
    expect(refused(transition(downgraded, { type: 'undo_accidental_upgrade', activeUsers: 4 }, '2024-04-12')).reason).toBe('no_automatic_upgrade_to_undo');
  });

  it('counts in a trial are only recorded', () => {
    const { state } = run(startTrial('2024-03-01', 1), { type: 'active_user_count_changed', activeUsers: 7 }, '2024-03-02');
    expect(state).toEqual({ status: 'trial', trial: { startedOn: '2024-03-01', endsOn: null, activeUsers: 7 } });
  });

  it('upgrades any time to any bigger plan, not to a smaller or the same one', () => {
    const { state, effects } = run(active(), { type: 'upgrade_plan', to: 'contract-15-plus' }, '2024-04-10');
    expect(paidOf(state)).toMatchObject({ plan: 'contract-15-plus', everMoreThan14Users: true });
    expect(effects[0]).toMatchObject({ type: 'change_plan', cause: 'upgrade', priceCents: 45_000 });
    expect(refused(transition(active(), { type: 'upgrade_plan', to: 'team-2-4' }, '2024-04-10')).reason).toBe('not_an_upgrade');
    expect(refused(transition(active(), { type: 'upgrade_plan', to: 'solo-1' }, '2024-04-10')).reason).toBe('not_an_upgrade');
  });

  it('downgrades one step per calendar month by self-service', () => {
    const start = active({ plan: 'team-5-9', activeUsers: 1 });
    const first = run(start, { type: 'downgrade_plan', to: 'team-2-4', approvedRequest: false }, '2024-05-31');
    expect(paidOf(first.state)).toMatchObject({ plan: 'team-2-4', lastDowngradeMonth: '2024-05' });
    const again = transition(first.state, { type: 'downgrade_plan', to: 'solo-1', approvedRequest: false }, '2024-05-31');
    expect(refused(again)).toMatchObject({ reason: 'downgrade_not_allowed', downgradeBlockers: ['already_downgraded_this_month'] });
    const nextMonth = run(first.state, { type: 'downgrade_plan', to: 'solo-1', approvedRequest: false }, '2024-06-01');
    expect(paidOf(nextMonth.state).plan).toBe('solo-1');
    const twoSteps = transition(start, { type: 'downgrade_plan', to: 'solo-1', approvedRequest: false }, '2024-05-31');
    expect(refused(twoSteps).downgradeBlockers).toEqual(['more_than_one_step']);
  });
});

describe('reversed direct debits (art. 9)', () => {
  const reversal = (afterLawfulCancellation = false): SubscriptionEvent => ({ type: 'direct_debit_reversed', amountCents: 7_500, afterLawfulCancellation });

  it('the first one blocks the account (no export) and adds € 82,50', () => {
    const { state, effects } = run(active(), reversal(), '2024-04-03');
    expect(state).toMatchObject({ status: 'blocked', since: '2024-04-03', reasons: ['direct_debit_reversed'] });
    expect(paidOf(state)).toMatchObject({ reversedDirectDebits: 1, outstandingCents: 7_500 + 8_250 });
    expect(effects).toContainEqual({ type: 'charge_fee', amountCents: 8_250, reason: 'direct_debit_reversed' });
    expect(effects).toContainEqual({ type: 'block_account', reasons: ['direct_debit_reversed'] });
  });

  it('paying everything owed lifts the block; paying part does not', () => {
    const blocked = run(active(), reversal(), '2024-04-03').state;
    const part = run(blocked, { type: 'payment_received', amountCents: 7_500 }, '2024-04-04');
    expect(part.state.status).toBe('blocked');
    expect(paidOf(part.state).outstandingCents).toBe(8_250);
    const all = run(part.state, { type: 'payment_received', amountCents: 8_300 }, '2024-04-05');
    expect(all.state.status).toBe('active');
    expect(all.effects).toEqual([
      { type: 'refund_overpayment', amountCents: 50 },
      { type: 'unblock_account' },
      { type: 'notify', notice: 'account_unblocked', date: '2024-04-05' },
    ]);
  });

  it('a second one blocks at once again, with the fee again', () => {
    const first = run(active(), reversal(), '2024-04-03').state;
    const paid = run(first, { type: 'payment_received', amountCents: 15_750 }, '2024-04-05').state;
    expect(paid.status).toBe('active');
    const second = run(paid, reversal(), '2024-05-03');
    expect(second.state).toMatchObject({ status: 'blocked', since: '2024-05-03', reasons: ['direct_debit_reversed'] });
    expect(paidOf(second.state)).toMatchObject({ reversedDirectDebits: 2, outstandingCents: 15_750 });
    expect(types(second.effects)).toEqual(['charge_fee', 'notify', 'block_account', 'notify']);
    // a second reversal while still blocked for the first: still blocked, fee added again
    const stacked = run(first, reversal(), '2024-04-04');
    expect(stacked.state).toMatchObject({ status: 'blocked', reasons: ['direct_debit_reversed'] });
    expect(paidOf(stacked.state)).toMatchObject({ reversedDirectDebits: 2, outstandingCents: 2 * 15_750 });
    expect(stacked.effects).toContainEqual({ type: 'block_account', reasons: ['direct_debit_reversed'] });
  });

  it('not when the customer had lawfully cancelled and was wrongly invoiced: no block, no fee', () => {
    const cancelled = active({ cancellation: { kind: 'customer_notice', submittedOn: '2024-03-10', endDate: '2024-04-30' } });
    const { state, effects } = run(cancelled, reversal(true), '2024-05-03');
    expect(state).toEqual(cancelled);
    expect(effects).toEqual([{ type: 'credit_wrongful_invoice', amountCents: 7_500 }]);
  });
});

describe('overdue payments (art. 8, 9)', () => {
  const owing = active({ outstandingCents: 7_500 });

  it('blocks once the payment term has passed, until paid, and schedules the deletion date', () => {
    expect(refused(transition(owing, { type: 'payment_overdue', dueOn: '2024-05-01' }, '2024-05-01'))).toMatchObject({
      reason: 'payment_not_yet_overdue',
      date: '2024-05-02',
    });
    expect(refused(transition(active(), { type: 'payment_overdue', dueOn: '2024-05-01' }, '2024-05-03')).reason).toBe('nothing_outstanding');
    const { state, effects } = run(owing, { type: 'payment_overdue', dueOn: '2024-05-01' }, '2024-05-03');
    expect(state).toMatchObject({ status: 'blocked', reasons: ['payment_overdue'] });
    expect(paidOf(state).overdueSince).toBe('2024-05-02');
    expect(effects).toContainEqual({ type: 'schedule', event: 'delete_for_non_payment', on: '2024-11-02' });
    expect(refused(transition(state, { type: 'payment_overdue', dueOn: '2024-05-01' }, '2024-05-04')).reason).toBe('already_blocked_for_this_reason');
    const paid = run(state, { type: 'payment_received', amountCents: 7_500 }, '2024-05-20');
    expect(paid.state.status).toBe('active');
    expect(paidOf(paid.state).overdueSince).toBeNull();
    expect(paid.effects).toContainEqual({ type: 'unschedule', event: 'delete_for_non_payment' });
  });

  it('six months overdue: the account may be deleted, not a day earlier; what was owed stays owed', () => {
    const blocked = run(owing, { type: 'payment_overdue', dueOn: '2024-01-31' }, '2024-02-10').state;
    expect(paidOf(blocked).overdueSince).toBe('2024-02-01');
    expect(refused(transition(blocked, { type: 'delete_for_non_payment' }, '2024-07-31'))).toMatchObject({
      reason: 'not_six_months_overdue',
      date: '2024-08-01',
    });
    const { state, effects } = run(blocked, { type: 'delete_for_non_payment' }, '2024-08-01');
    expect(state).toEqual({ status: 'ended', endedOn: '2024-08-01', reason: 'deleted_for_non_payment', outstandingCents: 7_500 });
    expect(effects).toContainEqual({ type: 'wipe_data', scope: 'server_and_devices' });
    expect(effects).toContainEqual({ type: 'keep_claim', amountCents: 7_500 });
    // and it is not renewed any more, but the claim can still be paid
    expect(refused(transition(state, { type: 'reach_end_date' }, '2024-09-01')).reason).toBe('agreement_ended');
    const settled = run(state, { type: 'payment_received', amountCents: 7_500 }, '2024-09-01');
    expect(settled.state).toMatchObject({ status: 'ended', outstandingCents: 0 });
    expect(refused(transition(settled.state, { type: 'payment_received', amountCents: 1 }, '2024-09-02')).reason).toBe('nothing_outstanding');
  });

  it('month ends: overdue since 31 August → deletable from 28 February (29 in a leap year)', () => {
    const a = run(owing, { type: 'payment_overdue', dueOn: '2023-08-30' }, '2023-09-05').state;
    expect(refused(transition(a, { type: 'delete_for_non_payment' }, '2024-02-28')).date).toBe('2024-02-29');
    expect(run(a, { type: 'delete_for_non_payment' }, '2024-02-29').state.status).toBe('ended');
  });

  it('cannot delete an account that is not overdue', () => {
    expect(refused(transition(active(), { type: 'delete_for_non_payment' }, '2030-01-01')).reason).toBe('not_six_months_overdue');
  });

  it('blocked accounts keep their obligations and auto-renewal', () => {
    const blocked = run(owing, { type: 'payment_overdue', dueOn: '2024-04-01' }, '2024-04-10').state;
    const { state, effects } = run(blocked, { type: 'reach_end_date' }, '2024-05-01');
    expect(state.status).toBe('blocked');
    expect(paidOf(state)).toMatchObject({ periodEnd: '2024-05-31', outstandingCents: 15_000 });
    expect(effects).toContainEqual({ type: 'issue_invoice', plan: 'team-2-4', amountCents: 7_500, periodStart: '2024-05-01', periodEnd: '2024-05-31', dueOn: '2024-05-01' });
  });
});

describe('breach of the terms (art. 20, 21)', () => {
  it('blocks; paying does not lift it; we lift it or end the agreement at once', () => {
    const owingBreach = run(active({ outstandingCents: 100 }), { type: 'block_for_terms_breach' }, '2024-04-10').state as BlockedState;
    expect(owingBreach.reasons).toEqual(['terms_breach']);
    const paid = run(owingBreach, { type: 'payment_received', amountCents: 100 }, '2024-04-11');
    expect(paid.state.status).toBe('blocked');
    expect(refused(transition(owingBreach, { type: 'block_for_terms_breach' }, '2024-04-11')).reason).toBe('already_blocked_for_this_reason');
    expect(refused(transition(owingBreach, { type: 'lift_block', reason: 'trial_abuse' }, '2024-04-11')).reason).toBe('not_blocked_for_this_reason');
    expect(run(paid.state, { type: 'lift_block', reason: 'terms_breach' }, '2024-04-12').state.status).toBe('active');
    const ended = run(owingBreach, { type: 'terminate_for_breach' }, '2024-04-12');
    expect(ended.state).toEqual({ status: 'ended', endedOn: '2024-04-12', reason: 'terminated_for_breach', outstandingCents: 100 });
    expect(types(ended.effects)).toContain('wipe_data');
    expect(refused(transition(active(), { type: 'terminate_for_breach' }, '2024-04-12')).reason).toBe('not_blocked_for_this_reason');
  });

  it('a breach block on top of a payment block stays after payment', () => {
    const a = run(active(), { type: 'direct_debit_reversed', amountCents: 7_500, afterLawfulCancellation: false }, '2024-04-03').state;
    const b = run(a, { type: 'block_for_terms_breach' }, '2024-04-04').state;
    expect(b).toMatchObject({ reasons: ['direct_debit_reversed', 'terms_breach'] });
    const c = run(b, { type: 'payment_received', amountCents: 15_750 }, '2024-04-05');
    expect(c.state).toMatchObject({ status: 'blocked', reasons: ['terms_breach'] });
  });
});

describe('cancellation (art. 16, 17)', () => {
  it("monthly, the seed's example: cancelled 4 April 2024 → ends 31 May 2024; renews May, ends from 1 June with a wipe", () => {
    const { state, effects } = run(active(), cancelEvent(), '2024-04-04');
    expect(paidOf(state).cancellation).toEqual({ kind: 'customer_notice', submittedOn: '2024-04-04', endDate: '2024-05-31' });
    expect(effects).toEqual([
      // the next thing to do is May's renewal; the end comes after it
      { type: 'schedule', event: 'reach_end_date', on: '2024-05-01' },
      { type: 'notify', notice: 'cancellation_confirmed', date: '2024-05-31' },
    ]);
    const may = run(state, { type: 'reach_end_date' }, '2024-05-01');
    expect(paidOf(may.state).periodEnd).toBe('2024-05-31');
    expect(may.effects).toContainEqual({ type: 'schedule', event: 'reach_end_date', on: '2024-06-01' });
    expect(refused(transition(may.state, { type: 'reach_end_date' }, '2024-05-31'))).toMatchObject({ reason: 'nothing_to_do_yet', date: '2024-06-01' });
    const ended = run(may.state, { type: 'reach_end_date' }, '2024-06-01');
    expect(ended.state).toEqual({ status: 'ended', endedOn: '2024-06-01', reason: 'customer_cancellation', outstandingCents: 7_500 });
    expect(ended.effects).toContainEqual({ type: 'wipe_data', scope: 'server_and_devices' });
  });

  it("monthly, the seed's other example: 29 March 2024 → 30 April 2024", () => {
    const s = active({ periodEnd: '2024-03-31' });
    const r = transition(s, cancelEvent({ submittedOn: '2024-03-29', requestedEndDate: '2024-03-31' }), '2024-03-29');
    expect(refused(r)).toMatchObject({ reason: 'end_date_before_earliest_possible', date: '2024-04-30' });
    const { state } = run(s, cancelEvent({ submittedOn: '2024-03-29', requestedEndDate: '2024-04-30' }), '2024-03-29');
    expect(paidOf(state).cancellation?.endDate).toBe('2024-04-30');
  });

  it("yearly, the seed's examples: E = 1 March 2024; 24 January → 1 March 2024; 15 February → 1 March 2025", () => {
    const yearly = active({ billingInterval: 'yearly', startedOn: '2023-03-01', periodEnd: '2024-03-01' });
    const early = run(yearly, cancelEvent({ submittedOn: '2024-01-24', requestedEndDate: '2024-03-01' }), '2024-01-24');
    expect(paidOf(early.state).cancellation?.endDate).toBe('2024-03-01');
    expect(run(early.state, { type: 'reach_end_date' }, '2024-03-02').state).toMatchObject({ status: 'ended', endedOn: '2024-03-02' });
    const late = transition(yearly, cancelEvent({ submittedOn: '2024-02-15', requestedEndDate: '2024-03-01' }), '2024-02-15');
    expect(refused(late)).toMatchObject({ reason: 'end_date_before_earliest_possible', date: '2025-03-01' });
    const lateOk = run(yearly, cancelEvent({ submittedOn: '2024-02-15', requestedEndDate: '2025-03-01' }), '2024-02-15');
    // it renews for a year first: one more yearly invoice, then it ends
    const renewed = run(lateOk.state, { type: 'reach_end_date' }, '2024-03-02');
    expect(renewed.state.status).toBe('active');
    expect(paidOf(renewed.state).periodEnd).toBe('2025-03-01');
    expect(renewed.effects).toContainEqual(expect.objectContaining({ type: 'issue_invoice', periodStart: '2024-03-02', periodEnd: '2025-03-01' }));
    expect(run(renewed.state, { type: 'reach_end_date' }, '2025-03-02').state).toMatchObject({ status: 'ended', endedOn: '2025-03-02' });
  });

  it('only from the registered owner (or a sender we explicitly accepted), with an end date, confirmed', () => {
    expect(refused(transition(active(), cancelEvent({ fromRegisteredOwner: false }), '2024-04-04')).reason).toBe('not_the_registered_owner');
    expect(run(active(), cancelEvent({ fromRegisteredOwner: false, otherSenderAcceptedByUs: true }), '2024-04-04').state.status).toBe('active');
    expect(refused(transition(active(), cancelEvent({ confirmedByUs: false }), '2024-04-04')).reason).toBe('cancellation_not_confirmed');
    expect(refused(transition(active(), cancelEvent({ requestedEndDate: null }), '2024-04-04'))).toMatchObject({
      reason: 'end_date_missing',
      date: '2024-05-31',
    });
    expect(refused(transition(active(), cancelEvent({ requestedEndDate: '2024-06-15' }), '2024-04-04')).reason).toBe('end_date_not_a_period_end');
    expect(refused(transition(active(), cancelEvent({ submittedOn: '2024-04-05' }), '2024-04-04')).reason).toBe('cancellation_submitted_in_the_future');
  });

  it('the notice counts from submission; confirmed later, a past end date moves to the current period end', () => {
    const s = active({ periodEnd: '2024-06-30' });
    const onTime = run(s, cancelEvent({ submittedOn: '2024-04-30', requestedEndDate: '2024-05-31' }), '2024-05-03');
    expect(paidOf(onTime.state).cancellation?.endDate).toBe('2024-05-31');
    const stale = transition(s, cancelEvent({ submittedOn: '2024-04-30', requestedEndDate: '2024-05-31' }), '2024-06-05');
    expect(refused(stale)).toMatchObject({ reason: 'end_date_before_earliest_possible', date: '2024-06-30' });
  });

  it('cannot cancel twice; a blocked account can cancel (its obligations run to the end date)', () => {
    const once = run(active(), cancelEvent(), '2024-04-04').state;
    expect(refused(transition(once, cancelEvent(), '2024-04-05'))).toMatchObject({ reason: 'already_cancelled', date: '2024-05-31' });
    const blocked = run(active(), { type: 'block_for_terms_breach' }, '2024-04-02').state;
    const cancelled = run(blocked, cancelEvent(), '2024-04-04').state;
    expect(cancelled.status).toBe('blocked');
    expect(paidOf(cancelled).cancellation?.endDate).toBe('2024-05-31');
    const ended = run(cancelled, { type: 'reach_end_date' }, '2024-06-01');
    expect(ended.state).toMatchObject({ status: 'ended', reason: 'customer_cancellation' });
  });

  it('catches up several periods when called late, and ends on the cancellation date', () => {
    const s = run(active(), cancelEvent({ requestedEndDate: '2024-07-31' }), '2024-04-04').state;
    const { state, effects } = run(s, { type: 'reach_end_date' }, '2024-09-15');
    expect(state).toMatchObject({ status: 'ended', endedOn: '2024-08-01', outstandingCents: 3 * 7_500 });
    expect(effects.filter((e) => e.type === 'issue_invoice').map((e) => (e.type === 'issue_invoice' ? e.periodStart : ''))).toEqual([
      '2024-05-01',
      '2024-06-01',
      '2024-07-01',
    ]);
  });
});

describe('price changes in the machine (art. 8)', () => {
  const doubled: PlanPrices = { 'solo-1': 5_000, 'team-2-4': 15_000, 'team-5-9': 30_000, 'team-10-14': 55_000, 'contract-15-plus': 90_000 };
  const modest: PlanPrices = { 'solo-1': 2_600, 'team-2-4': 7_800, 'team-5-9': 15_600, 'team-10-14': 28_600, 'contract-15-plus': 46_800 };

  it('an increase above 1.5× gives the right to cancel at once until the new amount is due', () => {
    const announced = run(active(), { type: 'announce_price_change', kind: 'other', effectiveOn: '2024-06-01', newPrices: doubled, index: null }, '2024-04-20');
    const pending = paidOf(announced.state).pendingPriceChange;
    expect(pending).toMatchObject({ newAmountDueOn: '2024-06-01', customerMayCancelUntil: '2024-06-01' });
    expect(announced.effects).toEqual([{ type: 'notify', notice: 'price_change_announced', date: '2024-06-01' }]);

    const cancel: SubscriptionEvent = { type: 'cancel_for_price_increase', fromRegisteredOwner: true, otherSenderAcceptedByUs: false, confirmedByUs: true };
    const tooLate = transition(announced.state, cancel, '2024-06-02');
    expect(refused(tooLate)).toMatchObject({ reason: 'no_right_to_cancel_for_price_increase', date: '2024-06-01' });
    const lastDay = run(announced.state, cancel, '2024-06-01');
    expect(paidOf(lastDay.state).cancellation).toEqual({ kind: 'price_increase', submittedOn: '2024-06-01', endDate: '2024-06-01' });
    const early = run(announced.state, cancel, '2024-04-25');
    const ended = run(early.state, { type: 'reach_end_date' }, '2024-04-26');
    expect(ended.state).toMatchObject({ status: 'ended', reason: 'cancelled_for_price_increase', endedOn: '2024-04-26' });
    expect(refused(transition(active(), cancel, '2024-04-25')).reason).toBe('no_right_to_cancel_for_price_increase');
  });

  it('applies the new prices from the first period at or after the effective date', () => {
    const announced = run(active(), { type: 'announce_price_change', kind: 'other', effectiveOn: '2024-06-01', newPrices: modest, index: null }, '2024-04-20').state;
    expect(paidOf(announced).pendingPriceChange?.customerMayCancelUntil).toBeNull();
    const may = run(announced, { type: 'reach_end_date' }, '2024-05-01');
    expect(may.effects).toContainEqual(expect.objectContaining({ type: 'issue_invoice', amountCents: 7_500 }));
    const june = run(may.state, { type: 'reach_end_date' }, '2024-06-01');
    expect(june.effects).toContainEqual({ type: 'apply_prices', prices: modest });
    expect(june.effects).toContainEqual(expect.objectContaining({ type: 'issue_invoice', amountCents: 7_800, periodStart: '2024-06-01' }));
    expect(paidOf(june.state)).toMatchObject({ prices: modest, pendingPriceChange: null });
  });

  it('refuses changes the terms do not allow, with the reasons', () => {
    const r = transition(active(), { type: 'announce_price_change', kind: 'other', effectiveOn: '2024-05-10', newPrices: modest, index: null }, '2024-04-20');
    expect(refused(r)).toMatchObject({ reason: 'price_change_not_allowed', priceChangeReasons: ['announced_less_than_one_month_ahead'] });
    const young = active({ startedOn: '2024-03-15' });
    const r2 = transition(young, { type: 'announce_price_change', kind: 'other', effectiveOn: '2024-06-01', newPrices: modest, index: null }, '2024-04-20');
    expect(refused(r2).priceChangeReasons).toEqual(['within_three_months_of_start']);
    const once = run(active(), { type: 'announce_price_change', kind: 'other', effectiveOn: '2024-06-01', newPrices: modest, index: null }, '2024-04-20').state;
    expect(refused(transition(once, { type: 'announce_price_change', kind: 'other', effectiveOn: '2024-08-01', newPrices: modest, index: null }, '2024-04-21')).reason).toBe(
      'price_change_already_pending',
    );
  });

  it('indexation: every plan at most by the index, recorded as the last indexation when applied', () => {
    const indexed: PlanPrices = { 'solo-1': 2_600, 'team-2-4': 7_800, 'team-5-9': 15_600, 'team-10-14': 28_600, 'contract-15-plus': 46_800 };
    const index = { name: 'CPI' as const, basisPoints: 400 };
    const a = run(active(), { type: 'announce_price_change', kind: 'indexation', effectiveOn: '2024-05-01', newPrices: indexed, index }, '2024-04-28').state;
    const applied = run(a, { type: 'reach_end_date' }, '2024-05-01').state;
    expect(paidOf(applied)).toMatchObject({ lastIndexationOn: '2024-05-01', prices: indexed });
    const tooSoon = transition(applied, { type: 'announce_price_change', kind: 'indexation', effectiveOn: '2025-04-01', newPrices: indexed, index }, '2025-03-28');
    expect(refused(tooSoon).priceChangeReasons).toContain('indexation_more_than_once_a_year');
    const greedy = { ...indexed, 'contract-15-plus': 46_801 };
    const r = transition(active(), { type: 'announce_price_change', kind: 'indexation', effectiveOn: '2024-05-01', newPrices: greedy, index }, '2024-04-28');
    expect(refused(r).priceChangeReasons).toEqual(['indexation_above_index']);
  });
});

describe('robustness', () => {
  it('refuses malformed input instead of throwing', () => {
    expect(refused(transition({ status: 'weird' } as unknown as SubscriptionState, { type: 'reach_end_date' }, '2024-01-01')).reason).toBe('invalid_input');
    expect(refused(transition(active(), { type: 'nope' } as unknown as SubscriptionEvent, '2024-01-01')).reason).toBe('invalid_input');
    expect(refused(transition(active(), { type: 'reach_end_date' }, '2024-02-30')).reason).toBe('invalid_input');
    expect(refused(transition(active({ startedOn: '2023-02-29' }), { type: 'reach_end_date' }, '2024-05-01')).reason).toBe('invalid_input');
    const badBlocked = { status: 'blocked', since: '2024-01-01', reasons: [], underlying: active() } as unknown as SubscriptionState;
    expect(refused(transition(badBlocked, { type: 'reach_end_date' }, '2024-05-01')).reason).toBe('invalid_input');
  });

  it('every event after the end is refused (except paying what is owed)', () => {
    const ended: SubscriptionState = { status: 'ended', endedOn: '2024-01-01', reason: 'customer_cancellation', outstandingCents: 0 };
    for (const event of [{ type: 'reach_end_date' }, { type: 'upgrade_plan', to: 'team-5-9' }, cancelEvent()] as SubscriptionEvent[]) {
      expect(refused(transition(ended, event, '2024-02-01'))).toMatchObject({ reason: 'agreement_ended', date: '2024-01-01' });
    }
  });
});
