import { clientDisplayName } from '../../../shared/domain/client.js';
import type { Report } from '../../../shared/domain/report.js';
import type { ReportView } from '../../../shared/ipc/calls/reports.js';
import type { CoreServices } from '../core-services.js';
import type { HandlersFor } from '../handlers.js';
import { reportActions } from './report-actions.js';
import { userNames } from './user-names.js';

export function reportHandlers(services: CoreServices): HandlersFor<'reports'> {
  const { session } = services;

  /** Names for the ids, and what the screen should offer (see reportActions). */
  const view = (reports: Report[]): ReportView[] => {
    const account = session.account();
    const name = userNames(services);
    const me = session.dossiers();
    const rights = reports.length > 0 ? me.access.myRights(reports[0]!.clientId) : null;
    return reports.map((report) => ({
      ...report,
      authorName: name(report.authorId),
      signedOffByName: report.signedOffBy ? name(report.signedOffBy) : null,
      lockedByName: report.lockedBy ? name(report.lockedBy) : null,
      ...reportActions(report, rights, account?.userId ?? null),
    }));
  };
  const one = (report: Report): ReportView => view([report])[0]!;

  return {
    'reports.list': async ({ clientId, limit }) => ({ items: view(session.dossiers().reports.listForClient(clientId, { limit })) }),
    'reports.create': async (input) => one(session.dossiers().reports.create(input)),
    'reports.update': async ({ reportId, patch }) => one(session.dossiers().reports.update(reportId, patch)),
    'reports.signOff': async ({ reportId }) => one(session.dossiers().reports.signOff(reportId)),
    'reports.lock': async ({ reportId }) => one(session.dossiers().reports.lock(reportId)),
    'reports.addAddendum': async (input) => one(session.dossiers().reports.addAddendum(input)),
    'reports.setAccess': async (input) => {
      session.dossiers().reportAccess.set(input);
      return {};
    },
    'reports.accessList': async ({ reportId }) => {
      const name = userNames(services);
      const grants = session.dossiers().reportAccess.list(reportId);
      return { items: grants.map((grant) => ({ ...grant, displayName: name(grant.userId) })) };
    },
    'reports.search': async ({ query, clientId }) => {
      const me = session.dossiers();
      const name = userNames(services);
      const clientNames = new Map(me.clientList.all().map((c) => [c.id, clientDisplayName(c)]));
      const hits = me.search.reports(query, clientId ? { clientId } : {});
      return {
        items: hits.map((hit) => ({ ...hit, clientName: clientNames.get(hit.clientId) ?? '', authorName: name(hit.authorId) })),
      };
    },
  };
}
