import type { ExportAudit } from '../export/export-source.js';
import type { AccessLogService } from './access-log-service.js';

/**
 * The export's access-log lines written to the store's log: the exported dossiers in one
 * transaction (all or nothing), and each refusal (licence, no right to the dossier) as a refused E.
 */
export function accessLogExportAudit(accessLog: Pick<AccessLogService, 'recordExport' | 'recordRefusedExport'>): ExportAudit {
  return (entries) => {
    const exported = entries.filter((entry) => entry.outcome === 'success' && entry.clientId !== null);
    if (exported.length > 0) accessLog.recordExport(exported.map((entry) => entry.clientId as string), exported[0]!.fileKind);
    for (const refused of entries.filter((entry) => entry.outcome === 'refused')) {
      accessLog.recordRefusedExport(refused.clientId, refused.fileKind, refused.reason ?? 'refused');
    }
  };
}
