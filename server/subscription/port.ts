import type { LeaseBlockReason, LeaseStatus } from '../../shared/licence/lease.js';
import type { PaymentEvent } from '../../shared/api/payments.js';
import type { SubscriptionEffect } from '../../shared/subscription/index.js';

/**
 * What the service needs from the subscription rules. The rules themselves are pure functions in
 * shared/subscription (another module's job); the adapter in ./rules.ts maps them onto this port,
 * so storage, endpoints and payment events here never encode a rule of their own.
 * `today` is the calendar date in Europe/Amsterdam, 'YYYY-MM-DD'.
 */
export interface SubscriptionView {
  status: LeaseStatus;
  plan: string;
  seats: number;
  exportAllowed: boolean;
  blockReason: LeaseBlockReason | null;
}

export type RuleOutcome =
  | { ok: true; state: unknown; effects: SubscriptionEffect[] }
  | { ok: false; reason: string; date: string | null };

export interface SubscriptionRules {
  /** A new organisation's subscription: a free trial. */
  start(today: string, activeUsers: number): unknown;
  /** Rejects a stored state that is not a valid state of the rules (corruption, old format). */
  parse(state: unknown): unknown;
  view(state: unknown, today: string): SubscriptionView;
  /** Adding a user beyond the plan upgrades it (art. 14); removing never downgrades by itself. */
  activeUsersChanged(state: unknown, activeUsers: number, today: string): RuleOutcome;
  /**
   * `dueOn`: for an overdue report, the day the unpaid invoice was due. `invoicePeriodStart`: the
   * first day the event's invoice is for, when known; a reversal of an invoice for a period after a
   * lawful cancellation's end date costs neither block nor fee (art. 9).
   */
  payment(state: unknown, event: PaymentEvent, dueOn: string, today: string, invoicePeriodStart: string | null): RuleOutcome;
  requestPlan(state: unknown, plan: string, today: string): RuleOutcome;
  /**
   * Art. 6 second paragraph: may the customer ask us for a downgrade to `plan` now? Refused when it
   * is no smaller plan, does not cover the active users, or the customer may do it themselves.
   */
  downgradeRequestable(state: unknown, plan: string, today: string): { ok: true; fromPlan: string } | { ok: false; reason: string };
  /** The downgrade we approved on request (art. 6): applied now, if the rules still allow it. */
  approveDowngrade(state: unknown, plan: string, today: string): RuleOutcome;
  convertToPaid(state: unknown, request: { billingInterval: 'monthly' | 'yearly'; plan: string | null }, today: string): RuleOutcome;
  cancel(state: unknown, request: { endDate: string; byRegisteredOwner: boolean }, today: string): RuleOutcome;
  /** Time passed: renew periods, apply due price changes, end at an end date (refused when nothing is due). */
  reachEndDate(state: unknown, today: string): RuleOutcome;
  /** Art. 8: the operator announces a price change; it becomes pending on this subscription if the rules allow it. */
  announcePriceChange(state: unknown, change: PriceChangeAnnouncement, today: string): RuleOutcome;
  /** The price change pending on this subscription, for the notice to its admins; null when none. */
  pendingPriceChange(state: unknown): PendingPriceChangeFacts | null;
  /** Art. 8: the owner cancels at once after an increase above 1.5× (until the new amount is due). */
  cancelForPriceIncrease(state: unknown, request: { byRegisteredOwner: boolean }, today: string): RuleOutcome;
}

/** Indexation raises each subscription's own prices by the index; another change sets list prices per billing interval. */
export type PriceChangeAnnouncement =
  | { kind: 'indexation'; effectiveOn: string; index: { name: 'CPI' | 'HICP'; basisPoints: number } }
  | { kind: 'other'; effectiveOn: string; monthly: Record<string, number>; yearly: Record<string, number> };

export interface PendingPriceChangeFacts {
  kind: 'indexation' | 'other';
  plan: string;
  billingInterval: 'monthly' | 'yearly';
  currentPriceCents: number;
  newPriceCents: number;
  effectiveOn: string;
  newAmountDueOn: string;
  mayCancelUntil: string | null;
}
