import { apiRoutes } from '../../../shared/api/routes.js';
import type { RemovalCaseView } from '../../../shared/api/retention.js';
import type { RetentionCase } from '../../../shared/ipc/calls/retention.js';
import type { AdminConnection } from '../../admin/admin-connection.js';
import type { SessionService } from '../../session/session-service.js';
import type { HandlersFor } from '../handlers.js';

/**
 * Retention and deletion (SPEC §4, shared/retention) for admins: through the same AdminConnection
 * as the admin screens (refused on the device for non-admins, `offline` without internet). The
 * service names a dossier by its id only; the screen needs a name, which this device has while the
 * dossier exists (an admin's device holds every dossier of the organisation it may read).
 */
export function retentionHandlers(admin: AdminConnection, session: SessionService): HandlersFor<'retention'> {
  const named = (cases: readonly RemovalCaseView[]): RetentionCase[] => {
    const wanted = new Set(cases.flatMap((item) => (item.clientId ? [item.clientId] : [])));
    const names = new Map<string, { name: string; dossierNumber: string }>();
    if (wanted.size > 0) {
      for (const client of session.dossiers().clientList.all()) {
        if (!wanted.has(client.id)) continue;
        names.set(client.id, { name: [client.firstName, client.infix, client.lastName].filter(Boolean).join(' '), dossierNumber: client.dossierNumber });
      }
    }
    return cases.map((item) => ({ ...item, client: item.clientId ? (names.get(item.clientId) ?? null) : null }));
  };
  const one = (answer: { case: RemovalCaseView }) => ({ case: named([answer.case])[0]! });
  return {
    'retention.cases': async () => ({ cases: named((await admin.call(apiRoutes.removalCases)).cases) }),
    'retention.audit': () => admin.call(apiRoutes.retentionAudit),
    'retention.recordDeletionRequest': async (body) => one(await admin.call(apiRoutes.recordDeletionRequest, { body })),
    'retention.recordLegalException': async ({ caseId, reason }) => one(await admin.call(apiRoutes.recordLegalException, { params: { id: caseId }, body: { reason } })),
    'retention.carryOut': async ({ caseId }) => one(await admin.call(apiRoutes.carryOutRemoval, { params: { id: caseId } })),
    'retention.approveDestruction': async ({ caseId }) => one(await admin.call(apiRoutes.approveDestruction, { params: { id: caseId } })),
    'retention.keepLonger': async ({ caseId, reason, until }) => one(await admin.call(apiRoutes.keepDossierLonger, { params: { id: caseId }, body: { reason, until } })),
  };
}
