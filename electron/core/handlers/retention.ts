import { clientDisplayName } from '../../../shared/domain/client.js';
import { apiRoutes } from '../../../shared/api/routes.js';
import type { RemovalCaseView } from '../../../shared/api/retention.js';
import type { RetentionCase } from '../../../shared/ipc/calls/retention.js';
import type { AdminConnection } from '../../admin/admin-connection.js';
import type { SessionService } from '../../session/session-service.js';
import type { HandlersFor } from '../handlers.js';

/**
 * Retention and deletion (SPEC §4, shared/retention) for admins: through the same AdminConnection
 * as the admin screens (refused on the device for non-admins, `offline` without internet). Open
 * while the licence is blocked: a client's deletion request must be carried out within a month
 * (art. 7:455 BW) whatever the payment state. The service names a dossier by its id only; the
 * screen gets the name from this device, while the dossier exists and the licence lets its
 * dossiers be opened. A blocked device shows no client's name here either.
 */
export function retentionHandlers(admin: AdminConnection, session: SessionService, mayOpenDossiers: () => Promise<boolean>): HandlersFor<'retention'> {
  const named = async (cases: readonly RemovalCaseView[]): Promise<RetentionCase[]> =>
    withDossierNames(cases, (await mayOpenDossiers()) ? session.dossiers().clientList.all() : []);
  const one = async (answer: { case: RemovalCaseView }) => ({ case: (await named([answer.case]))[0]! });
  return {
    'retention.cases': async () => ({ cases: await named((await admin.call(apiRoutes.removalCases)).cases) }),
    'retention.audit': () => admin.call(apiRoutes.retentionAudit),
    'retention.recordDeletionRequest': async (body) => one(await admin.call(apiRoutes.recordDeletionRequest, { body })),
    'retention.recordLegalException': async ({ caseId, reason }) => one(await admin.call(apiRoutes.recordLegalException, { params: { id: caseId }, body: { reason } })),
    'retention.carryOut': async ({ caseId }) => one(await admin.call(apiRoutes.carryOutRemoval, { params: { id: caseId } })),
    'retention.approveDestruction': async ({ caseId }) => one(await admin.call(apiRoutes.approveDestruction, { params: { id: caseId } })),
    'retention.keepLonger': async ({ caseId, reason, until }) => one(await admin.call(apiRoutes.keepDossierLonger, { params: { id: caseId }, body: { reason, until } })),
  };
}

/** The cases with the name and dossier number of each dossier found among `clients` (null otherwise). */
export function withDossierNames(
  cases: readonly RemovalCaseView[],
  clients: Iterable<Parameters<typeof clientDisplayName>[0] & { id: string; dossierNumber: string }>,
): RetentionCase[] {
  const wanted = new Set(cases.flatMap((item) => (item.clientId ? [item.clientId] : [])));
  const names = new Map<string, { name: string; dossierNumber: string }>();
  if (wanted.size > 0) {
    for (const client of clients) {
      if (wanted.has(client.id)) names.set(client.id, { name: clientDisplayName(client), dossierNumber: client.dossierNumber });
    }
  }
  return cases.map((item) => ({ ...item, client: item.clientId ? (names.get(item.clientId) ?? null) : null }));
}
