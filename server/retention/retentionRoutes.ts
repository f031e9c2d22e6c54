import type { FastifyInstance } from 'fastify';
import { apiRoutes } from '../../shared/api/routes.js';
import type { ServiceContext } from '../context.js';
import { registerRoute } from '../http/registerRoute.js';
import { retentionAuditTrail } from './auditTrail.js';
import { approveAndDestroy, carryOutRequest, keepCaseLonger, recordException, removalCaseViews, requestDeletion } from './retentionService.js';

/** Retention and deletion for administrators (SPEC §4); every query is bounded by caller.organisationId. */
export function retentionRoutes(app: FastifyInstance, context: ServiceContext): void {
  registerRoute(app, context, apiRoutes.removalCases, async ({ caller }) => ({ cases: await removalCaseViews(context, caller.organisationId) }));
  registerRoute(app, context, apiRoutes.retentionAudit, async ({ caller }) => retentionAuditTrail(context.database.db, caller.organisationId));
  registerRoute(app, context, apiRoutes.recordDeletionRequest, async ({ caller, body }) => ({ case: await requestDeletion(context, caller, body) }));
  registerRoute(app, context, apiRoutes.recordLegalException, async ({ caller, params, body }) => ({ case: await recordException(context, caller, params.id, body.reason) }));
  registerRoute(app, context, apiRoutes.carryOutRemoval, async ({ caller, params }) => ({ case: await carryOutRequest(context, caller, params.id) }));
  registerRoute(app, context, apiRoutes.approveDestruction, async ({ caller, params }) => ({ case: await approveAndDestroy(context, caller, params.id) }));
  registerRoute(app, context, apiRoutes.keepDossierLonger, async ({ caller, params, body }) => ({ case: await keepCaseLonger(context, caller, params.id, body) }));
}
