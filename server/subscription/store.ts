import { and, eq, sql } from 'drizzle-orm';
import type { ServiceContext } from '../context.js';
import type { Queryable } from '../db/database.js';
import { subscriptions, users } from '../db/schema/index.js';
import { applyEffects } from './effects.js';
import type { RuleOutcome, SubscriptionView } from './port.js';
import { amsterdamDate } from './today.js';

export interface StoredSubscription {
  state: unknown;
  version: number;
  view: SubscriptionView;
  activeUsers: number;
}

/** Active users count toward the plan; paused, invited and removed ones do not (art. 14). */
export async function countActiveUsers(db: Queryable, organisationId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), eq(users.status, 'active')));
  return Number(row?.count ?? 0);
}

export async function readSubscription(context: ServiceContext, db: Queryable, organisationId: string): Promise<StoredSubscription> {
  const { state, version, view } = await readSubscriptionView(context, db, organisationId);
  return { state, version, view, activeUsers: await countActiveUsers(db, organisationId) };
}

/** The subscription as the rules see it today, without counting users: what a lease needs. */
export async function readSubscriptionView(context: ServiceContext, db: Queryable, organisationId: string) {
  const [row] = await db.select().from(subscriptions).where(eq(subscriptions.organisationId, organisationId));
  if (!row) throw new Error(`organisation ${organisationId} has no subscription row`);
  const state = context.subscriptionRules.parse(row.state);
  return { state, version: row.version, view: context.subscriptionRules.view(state, amsterdamDate(context.now())) };
}

export async function insertSubscription(context: ServiceContext, db: Queryable, organisationId: string, activeUsers: number): Promise<void> {
  const today = amsterdamDate(context.now());
  const state = context.subscriptionRules.start(today, activeUsers);
  const view = context.subscriptionRules.view(state, today);
  await db.insert(subscriptions).values({
    organisationId,
    state,
    status: view.status,
    plan: view.plan,
    seats: view.seats,
    version: 1,
    updatedAt: context.now(),
  });
}

/**
 * Applies a change of the rules to the stored state inside the caller's transaction. The row is
 * locked first (SELECT … FOR UPDATE), so concurrent changes on any instance apply one after another;
 * the rules' effects (invoices, fees) are written in the same transaction.
 */
export async function changeSubscription(
  context: ServiceContext,
  tx: Queryable,
  organisationId: string,
  change: (state: unknown, activeUsers: number, today: string) => RuleOutcome,
): Promise<{ ok: true; view: SubscriptionView; state: unknown } | { ok: false; reason: string; date: string | null }> {
  const [row] = await tx.select().from(subscriptions).where(eq(subscriptions.organisationId, organisationId)).for('update');
  if (!row) throw new Error(`organisation ${organisationId} has no subscription row`);
  const today = amsterdamDate(context.now());
  const activeUsers = await countActiveUsers(tx, organisationId);
  const outcome = change(context.subscriptionRules.parse(row.state), activeUsers, today);
  if (!outcome.ok) return outcome;
  const view = context.subscriptionRules.view(outcome.state, today);
  await tx
    .update(subscriptions)
    .set({ state: outcome.state, status: view.status, plan: view.plan, seats: view.seats, version: row.version + 1, updatedAt: context.now() })
    .where(eq(subscriptions.organisationId, organisationId));
  await applyEffects(context, tx, organisationId, outcome.effects);
  return { ok: true, view, state: outcome.state };
}

/** After users were activated, paused or removed: let the rules upgrade the plan if needed. */
export async function activeUsersChanged(context: ServiceContext, tx: Queryable, organisationId: string): Promise<void> {
  const outcome = await changeSubscription(context, tx, organisationId, (state, activeUsers, today) =>
    context.subscriptionRules.activeUsersChanged(state, activeUsers, today),
  );
  // A refusal (an ended agreement, say) leaves the state as it is; the user change itself stands.
  if (!outcome.ok) context.log.warn({ organisationId, reason: outcome.reason }, 'active user count not applied to the subscription');
}
