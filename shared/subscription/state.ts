import { z } from 'zod';
import { isoDateSchema, yearMonthSchema } from './dates.js';
import { centsSchema, planPricesSchema } from './money.js';
import { billingIntervalSchema } from './periods.js';
import { planIdSchema } from './plans.js';
import { priceChangeKindSchema, priceIndexSchema } from './pricing.js';

/**
 * The subscription's stored state: trial → active → blocked → ended, as zod schemas so the server
 * can validate what it stores and reads back. Sub-states the terms need live inside the states:
 * a pending cancellation with its end date, a pending price change with the customer's right to
 * cancel, the overdue date from which the account may be deleted, and — for blocked accounts — the
 * state underneath, which keeps running (art. 9: obligations and auto-renewal continue) and is
 * restored when the last block is lifted.
 */

const count = z.number().int().min(0).max(1_000_000);

/**
 * How the subscription was taken out (art. 8): 'online' (self-service, SEPA direct debit / iDEAL /
 * card, up to 14 users) or 'contract' (offerte, contract or manual invoices; at least a year).
 */
export const subscriptionChannels = ['online', 'contract'] as const;
export const subscriptionChannelSchema = z.enum(subscriptionChannels);
export type SubscriptionChannel = z.infer<typeof subscriptionChannelSchema>;

/** Art. 5: the free trial. It never turns into a paid subscription by itself. */
export const trialFactsSchema = z.object({
  startedOn: isoDateSchema,
  /** Last day of the trial; null = open-ended. Past it the trial ends (it does not convert). */
  endsOn: isoDateSchema.nullable(),
  activeUsers: count,
});
export type TrialFacts = z.infer<typeof trialFactsSchema>;

export const cancellationKinds = [
  /** Art. 16/17: the owner's notice, ending on an art. 17 date. */
  'customer_notice',
  /** Art. 8: at once, after a price increase above 1.5×. */
  'price_increase',
] as const;
export const cancellationKindSchema = z.enum(cancellationKinds);
export type CancellationKind = z.infer<typeof cancellationKindSchema>;

export const pendingCancellationSchema = z.object({
  kind: cancellationKindSchema,
  submittedOn: isoDateSchema,
  /** Last day the agreement is in force; it has ended from the next day. */
  endDate: isoDateSchema,
});
export type PendingCancellation = z.infer<typeof pendingCancellationSchema>;

export const pendingPriceChangeSchema = z.object({
  kind: priceChangeKindSchema,
  announcedOn: isoDateSchema,
  effectiveOn: isoDateSchema,
  newPrices: planPricesSchema,
  index: priceIndexSchema.nullable(),
  /** First day of the first period at the new prices; the new amount is due that day. */
  newAmountDueOn: isoDateSchema,
  /** Art. 8: the customer may cancel at once through this day; null = no such right. */
  customerMayCancelUntil: isoDateSchema.nullable(),
});
export type PendingPriceChange = z.infer<typeof pendingPriceChangeSchema>;

/** A paid subscription (art. 6, 8, 9, 14, 16, 17). */
export const paidSubscriptionSchema = z.object({
  plan: planIdSchema,
  billingInterval: billingIntervalSchema,
  channel: subscriptionChannelSchema,
  /** The day the paid agreement began: the three-month price window and yearly anniversaries count from it. */
  startedOn: isoDateSchema,
  /** Last day of the current prepaid period. */
  periodEnd: isoDateSchema,
  /** Price per billing period for each plan. */
  prices: planPricesSchema,
  activeUsers: count,
  /** Art. 6: "op enig moment meer dan 14 gebruikers had" — once true, stays true. */
  everMoreThan14Users: z.boolean(),
  /** Calendar month of the last downgrade (art. 6: one step per calendar month). */
  lastDowngradeMonth: yearMonthSchema.nullable(),
  /** Unlawful reversed direct debits so far (art. 9). */
  reversedDirectDebits: count,
  /** Invoiced and not yet paid, fees included. */
  outstandingCents: centsSchema,
  /** First day after a missed due date, while unpaid (art. 9: deletable six months later). */
  overdueSince: isoDateSchema.nullable(),
  cancellation: pendingCancellationSchema.nullable(),
  pendingPriceChange: pendingPriceChangeSchema.nullable(),
  /** Effective date of the last indexation (art. 8: yearly). */
  lastIndexationOn: isoDateSchema.nullable(),
  /**
   * Art. 14: the last automatic upgrade, so that a user added by mistake and reported "binnen zeven
   * dagen na het toevoegen" can be undone. Cleared by any other plan change.
   */
  lastAutomaticUpgrade: z
    .object({ from: planIdSchema, to: planIdSchema, on: isoDateSchema, everMoreThan14UsersBefore: z.boolean() })
    .nullable()
    // states stored before this field existed read as "no automatic upgrade to undo"
    .default(null),
});
export type PaidSubscription = z.infer<typeof paidSubscriptionSchema>;

export const trialStateSchema = z.object({ status: z.literal('trial'), trial: trialFactsSchema });
export type TrialState = z.infer<typeof trialStateSchema>;

export const activeStateSchema = z.object({ status: z.literal('active'), subscription: paidSubscriptionSchema });
export type ActiveState = z.infer<typeof activeStateSchema>;

export const blockReasons = [
  /** Art. 9: a reversed direct debit ("stornering"); lifted when everything owed is paid. */
  'direct_debit_reversed',
  /** Art. 8/9: payment term exceeded; "geblokkeerd tot het moment dat u betaald heeft". */
  'payment_overdue',
  /** Art. 20/21: a breach of the terms; lifted only by us. */
  'terms_breach',
  /** Art. 5: abuse of free trials; lifted only by us. */
  'trial_abuse',
] as const;
export const blockReasonSchema = z.enum(blockReasons);
export type BlockReason = z.infer<typeof blockReasonSchema>;

/** Block reasons that payment lifts; the others only we lift. */
export const paymentBlockReasons: readonly BlockReason[] = ['direct_debit_reversed', 'payment_overdue'];

export const blockedStateSchema = z.object({
  status: z.literal('blocked'),
  /** The day the (first current) block began. */
  since: isoDateSchema,
  reasons: z
    .array(blockReasonSchema)
    .min(1)
    .refine((r) => new Set(r).size === r.length, { message: 'block reasons are unique' }),
  /** What the account is underneath the block; it keeps running and comes back when unblocked. */
  underlying: z.discriminatedUnion('status', [trialStateSchema, activeStateSchema]),
});
export type BlockedState = z.infer<typeof blockedStateSchema>;

export const endReasons = [
  'customer_cancellation',
  'cancelled_for_price_increase',
  'trial_ended',
  /** Art. 9: deleted six months after the payment term was exceeded. */
  'deleted_for_non_payment',
  /** Art. 16/21: terminated at once for an art. 20 breach (or trial abuse, art. 5). */
  'terminated_for_breach',
] as const;
export const endReasonSchema = z.enum(endReasons);
export type EndReason = z.infer<typeof endReasonSchema>;

export const endedStateSchema = z.object({
  status: z.literal('ended'),
  endedOn: isoDateSchema,
  reason: endReasonSchema,
  /** Art. 9: after deletion the customer still owes what was due. */
  outstandingCents: centsSchema,
});
export type EndedState = z.infer<typeof endedStateSchema>;

export const subscriptionStateSchema = z.discriminatedUnion('status', [
  trialStateSchema,
  activeStateSchema,
  blockedStateSchema,
  endedStateSchema,
]);
export type SubscriptionState = z.infer<typeof subscriptionStateSchema>;
export type SubscriptionStatus = SubscriptionState['status'];

/** A fresh trial (art. 5). */
export function startTrial(today: string, activeUsers = 1, endsOn: string | null = null): TrialState {
  return { status: 'trial', trial: { startedOn: today, endsOn, activeUsers } };
}

/** The paid subscription of a state, also when it is blocked underneath; null for trials and ended. */
export function paidSubscriptionOf(state: SubscriptionState): PaidSubscription | null {
  if (state.status === 'active') return state.subscription;
  if (state.status === 'blocked' && state.underlying.status === 'active') return state.underlying.subscription;
  return null;
}
