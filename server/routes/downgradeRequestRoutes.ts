import type { FastifyInstance } from 'fastify';
import { apiRoutes } from '../../shared/api/routes.js';
import type { ServiceContext } from '../context.js';
import { registerRoute } from '../http/registerRoute.js';
import { decideDowngradeRequest, listDowngradeRequests, operatorDowngradeRequests, requestDowngrade } from '../subscription/downgradeRequests.js';

/** Art. 6 downgrades by approved request: the admin asks, the operator decides. */
export function downgradeRequestRoutes(app: FastifyInstance, context: ServiceContext): void {
  registerRoute(app, context, apiRoutes.requestDowngrade, async ({ caller, body }) => requestDowngrade(context, caller, body));
  registerRoute(app, context, apiRoutes.downgradeRequests, async ({ caller }) => ({ requests: await listDowngradeRequests(context, caller.organisationId) }));
  registerRoute(app, context, apiRoutes.operatorDowngradeRequests, async ({ query }) => ({ requests: await operatorDowngradeRequests(context, query.status) }));
  registerRoute(app, context, apiRoutes.decideDowngradeRequest, async ({ params, body }) => decideDowngradeRequest(context, params, body));
}
