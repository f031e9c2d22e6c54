import { z } from 'zod';
import { isoDateSchema } from './dates.js';
import { centsSchema, planPricesSchema } from './money.js';
import { billingIntervalSchema } from './periods.js';
import { planIdSchema } from './plans.js';
import { priceChangeKindSchema, priceIndexSchema, priceChangeRefusalReasonSchema } from './pricing.js';
import { blockReasonSchema, subscriptionChannelSchema } from './state.js';
import { downgradeBlockerSchema } from './downgrade.js';

/**
 * What can happen to a subscription. The day it happens is not part of the event: it is the
 * `today` argument of `transition`.
 */
export const subscriptionEventSchema = z.discriminatedUnion('type', [
  /** Art. 5: the customer takes a subscription; the trial's data stay. */
  z.object({
    type: z.literal('convert_to_paid'),
    /** null = the plan for the current active users. */
    plan: planIdSchema.nullable(),
    billingInterval: billingIntervalSchema,
    channel: subscriptionChannelSchema,
    prices: planPricesSchema,
  }),
  /** The trial stops without converting (trial period over, or the customer stops). */
  z.object({ type: z.literal('end_trial') }),
  /** Art. 5: abuse of free trials, "verscheidene gedaanten". */
  z.object({ type: z.literal('block_trial_for_abuse') }),
  /** Users invited, activated, paused or removed: the new number of active users (art. 14). */
  z.object({ type: z.literal('active_user_count_changed'), activeUsers: z.number().int().min(0).max(1_000_000) }),
  /**
   * Art. 14: the customer reported within seven days that a user was added by mistake; with that
   * user paused or removed, `activeUsers` is the count now.
   */
  z.object({ type: z.literal('undo_accidental_upgrade'), activeUsers: z.number().int().min(0).max(1_000_000) }),
  /** Art. 6: upgrade to any bigger plan, any time. */
  z.object({ type: z.literal('upgrade_plan'), to: planIdSchema }),
  /** Art. 6: downgrade; `approvedRequest` = we approved the customer's e-mailed request. */
  z.object({ type: z.literal('downgrade_plan'), to: planIdSchema, approvedRequest: z.boolean() }),
  /** A payment came in (provider webhook or bank statement). */
  z.object({ type: z.literal('payment_received'), amountCents: centsSchema.min(1) }),
  /**
   * Art. 9: a direct debit was reversed. `afterLawfulCancellation`: the customer can show they had
   * cancelled lawfully (art. 16/17) and were invoiced wrongly — then neither block nor fee.
   */
  z.object({
    type: z.literal('direct_debit_reversed'),
    amountCents: centsSchema,
    afterLawfulCancellation: z.boolean(),
  }),
  /** Art. 8/9: the payment term of an invoice due on `dueOn` has passed unpaid. */
  z.object({ type: z.literal('payment_overdue'), dueOn: isoDateSchema }),
  /** Art. 20/21: block for a breach of the terms. */
  z.object({ type: z.literal('block_for_terms_breach') }),
  /** We lift a block that payment does not lift (breach, trial abuse). */
  z.object({ type: z.literal('lift_block'), reason: z.enum(['terms_breach', 'trial_abuse']) }),
  /** Art. 16/21: we end the agreement at once for an art. 20 breach (or trial abuse). */
  z.object({ type: z.literal('terminate_for_breach') }),
  /**
   * Art. 16/17: the customer cancels. Valid only from the registered owner (or another sender we
   * explicitly accepted), with an end date, and once we confirmed it.
   */
  z.object({
    type: z.literal('cancel'),
    submittedOn: isoDateSchema,
    requestedEndDate: isoDateSchema.nullable(),
    fromRegisteredOwner: z.boolean(),
    otherSenderAcceptedByUs: z.boolean(),
    confirmedByUs: z.boolean(),
  }),
  /** Art. 8: cancel at once after a price increase above 1.5×. */
  z.object({
    type: z.literal('cancel_for_price_increase'),
    fromRegisteredOwner: z.boolean(),
    otherSenderAcceptedByUs: z.boolean(),
    confirmedByUs: z.boolean(),
  }),
  /** Art. 8: we announce a price change (today is the announcement day). */
  z.object({
    type: z.literal('announce_price_change'),
    kind: priceChangeKindSchema,
    effectiveOn: isoDateSchema,
    newPrices: planPricesSchema,
    index: priceIndexSchema.nullable(),
  }),
  /** Time passed: renew periods (art. 17), apply due price changes, end at a cancellation's end date or the trial's end. */
  z.object({ type: z.literal('reach_end_date') }),
  /** Art. 9: delete the account six months after the payment term was exceeded. */
  z.object({ type: z.literal('delete_for_non_payment') }),
]);
export type SubscriptionEvent = z.infer<typeof subscriptionEventSchema>;
export type SubscriptionEventType = SubscriptionEvent['type'];
export const subscriptionEventTypes = subscriptionEventSchema.options.map((o) => o.shape.type.value);

/** Things the server must do after a transition. The state already reflects them. */
export const subscriptionNotices = [
  'trial_converted',
  'trial_ended',
  'plan_upgraded',
  'plan_downgraded',
  'account_blocked',
  'account_unblocked',
  'payment_overdue',
  'direct_debit_reversed',
  'cancellation_confirmed',
  'price_change_announced',
  'price_change_applied',
  'agreement_ended',
] as const;
export const subscriptionNoticeSchema = z.enum(subscriptionNotices);
export type SubscriptionNotice = z.infer<typeof subscriptionNoticeSchema>;

export const subscriptionEffectSchema = z.discriminatedUnion('type', [
  /** Art. 5: converting keeps everything entered during the trial. */
  z.object({ type: z.literal('keep_trial_data') }),
  z.object({
    type: z.literal('issue_invoice'),
    plan: planIdSchema,
    amountCents: centsSchema,
    periodStart: isoDateSchema,
    periodEnd: isoDateSchema,
    dueOn: isoDateSchema,
  }),
  /** Art. 9: € 82,50 for an unlawful reversed direct debit. */
  z.object({ type: z.literal('charge_fee'), amountCents: centsSchema, reason: z.literal('direct_debit_reversed') }),
  /** Art. 9: the reversal was of a wrongful invoice after a lawful cancellation: cancel that invoice. */
  z.object({ type: z.literal('credit_wrongful_invoice'), amountCents: centsSchema }),
  z.object({ type: z.literal('refund_overpayment'), amountCents: centsSchema }),
  /** The account is (still) blocked, for exactly these reasons (also sent when one of several is lifted). */
  z.object({ type: z.literal('block_account'), reasons: z.array(blockReasonSchema) }),
  z.object({ type: z.literal('unblock_account') }),
  z.object({
    type: z.literal('change_plan'),
    from: planIdSchema,
    to: planIdSchema,
    cause: z.enum(['automatic_upgrade', 'undo_accidental_upgrade', 'upgrade', 'downgrade', 'approved_downgrade']),
    /** The new plan's price per period; it is invoiced from the next period. */
    priceCents: centsSchema,
  }),
  z.object({ type: z.literal('apply_prices'), prices: planPricesSchema }),
  /**
   * The next day this event must be fed to `transition` (on or after it). It replaces any earlier
   * schedule for the same event: it is always the nearest day that matters.
   */
  z.object({
    type: z.literal('schedule'),
    event: z.enum(['reach_end_date', 'delete_for_non_payment']),
    on: isoDateSchema,
  }),
  z.object({ type: z.literal('unschedule'), event: z.enum(['reach_end_date', 'delete_for_non_payment']) }),
  /** SPEC §3: when the agreement ends, accounts and data are deleted, on the server and on every device. */
  z.object({ type: z.literal('wipe_data'), scope: z.literal('server_and_devices') }),
  /** Art. 9: deleted for non-payment, yet what was due stays owed (and no auto-renewal). */
  z.object({ type: z.literal('keep_claim'), amountCents: centsSchema }),
  z.object({ type: z.literal('notify'), notice: subscriptionNoticeSchema, date: isoDateSchema.nullable() }),
]);
export type SubscriptionEffect = z.infer<typeof subscriptionEffectSchema>;

export const transitionRefusalReasons = [
  'invalid_input',
  'agreement_ended',
  'not_in_trial',
  'no_paid_subscription',
  'blocked_for_trial_abuse',
  'account_blocked',
  'already_blocked_for_this_reason',
  'not_blocked_for_this_reason',
  'plan_does_not_cover_active_users',
  'not_an_upgrade',
  'no_automatic_upgrade_to_undo',
  'accidental_upgrade_reported_too_late',
  'downgrade_not_allowed',
  'nothing_outstanding',
  'payment_not_yet_overdue',
  'not_the_registered_owner',
  'cancellation_not_confirmed',
  'cancellation_submitted_in_the_future',
  'end_date_missing',
  'end_date_before_earliest_possible',
  'end_date_not_a_period_end',
  'already_cancelled',
  'no_right_to_cancel_for_price_increase',
  'price_change_not_allowed',
  'price_change_already_pending',
  'nothing_to_do_yet',
  'not_six_months_overdue',
] as const;
export const transitionRefusalReasonSchema = z.enum(transitionRefusalReasons);
export type TransitionRefusalReason = z.infer<typeof transitionRefusalReasonSchema>;

export const transitionRefusalSchema = z.object({
  reason: transitionRefusalReasonSchema,
  /** For the UI: a date that matters (earliest end date, day deletion becomes possible, …). */
  date: isoDateSchema.nullable(),
  downgradeBlockers: z.array(downgradeBlockerSchema),
  priceChangeReasons: z.array(priceChangeRefusalReasonSchema),
  /** Developer-facing detail (e.g. the zod issues of invalid input). */
  message: z.string(),
});
export type TransitionRefusal = z.infer<typeof transitionRefusalSchema>;

