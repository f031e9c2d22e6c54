import { ne } from 'drizzle-orm';
import type { ServiceContext } from '../context.js';
import { subscriptions } from '../db/schema/index.js';
import { changeSubscription } from './store.js';

/** More periods than this due at once means the job has been down for years: stop and say so. */
const MAX_STEPS_PER_RUN = 36;

/**
 * The daily job: lets time pass for every subscription that has not ended (period renewals and
 * their invoices, due price changes, cancellation and trial end dates). Safe to run on several
 * instances at once: each step locks the subscription row, and a step with nothing due is refused
 * by the rules and changes nothing.
 */
export async function advanceSubscriptions(context: ServiceContext): Promise<{ checked: number; steps: number }> {
  const rows = await context.database.db.select({ organisationId: subscriptions.organisationId }).from(subscriptions).where(ne(subscriptions.status, 'ended'));
  let steps = 0;
  for (const { organisationId } of rows) {
    for (let step = 0; step < MAX_STEPS_PER_RUN; step += 1) {
      const outcome = await context.database.db.transaction((tx) =>
        changeSubscription(context, tx, organisationId, (state, _activeUsers, today) => context.subscriptionRules.reachEndDate(state, today)),
      );
      if (!outcome.ok) break;
      steps += 1;
    }
  }
  return { checked: rows.length, steps };
}
