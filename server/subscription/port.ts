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
  /** `dueOn`: for an overdue report, the day the unpaid invoice was due. */
  payment(state: unknown, event: PaymentEvent, dueOn: string, today: string): RuleOutcome;
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
}
