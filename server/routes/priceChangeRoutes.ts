import type { FastifyInstance } from 'fastify';
import { apiRoutes } from '../../shared/api/routes.js';
import { audit } from '../accounts/audit.js';
import type { ServiceContext } from '../context.js';
import { conflict } from '../http/httpError.js';
import { registerRoute } from '../http/registerRoute.js';
import { announcePriceChange } from '../subscription/priceChanges.js';
import { changeSubscription, readSubscription } from '../subscription/store.js';

/** Art. 8 price changes: the operator announces; the owner may cancel at once after a rise above 1.5×. */
export function priceChangeRoutes(app: FastifyInstance, context: ServiceContext): void {
  registerRoute(app, context, apiRoutes.announcePriceChange, async ({ body }) => announcePriceChange(context, body));

  registerRoute(app, context, apiRoutes.cancelForPriceIncrease, async ({ caller }) => {
    const outcome = await context.database.db.transaction(async (tx) => {
      const result = await changeSubscription(context, tx, caller.organisationId, (state, _activeUsers, today) =>
        context.subscriptionRules.cancelForPriceIncrease(state, { byRegisteredOwner: caller.role === 'owner' }, today),
      );
      if (result.ok) await audit(context, tx, { organisationId: caller.organisationId, actorUserId: caller.userId, action: 'subscription.cancelled-for-price-increase', ip: caller.ip });
      return result;
    });
    if (!outcome.ok) {
      throw conflict(
        outcome.reason === 'no_right_to_cancel_for_price_increase'
          ? `There is no price increase that allows cancelling at once${outcome.date ? ` (the right ended on ${outcome.date})` : ''}. Cancel with notice instead.`
          : `The subscription cannot be cancelled now: ${outcome.reason}.`,
      );
    }
    const stored = await readSubscription(context, context.database.db, caller.organisationId);
    return { ...stored.view, activeUsers: stored.activeUsers, state: stored.state };
  });
}
