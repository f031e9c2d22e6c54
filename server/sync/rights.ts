import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { queryRows } from '../db/raw.js';

export interface DossierRights {
  canRead: boolean;
  canEdit: boolean;
  canSignOff: boolean;
}
export interface ReportRights {
  canRead: boolean;
  canEdit: boolean;
}

const none: DossierRights = { canRead: false, canEdit: false, canSignOff: false };

/**
 * One user's rights as the rights projection says (sync_dossier_rights, sync_report_rights),
 * read inside the push transaction and cached for it; a write of an access row in the same push
 * forgets the cached answer, so "create dossier, grant myself, write a report" works in one batch.
 */
export class RightsReader {
  private readonly dossiers = new Map<string, DossierRights>();
  private readonly reports = new Map<string, ReportRights | null>();

  constructor(
    private readonly db: Queryable,
    private readonly organisationId: string,
    readonly userId: string,
  ) {}

  /**
   * Reads the rights to many dossiers and reports in two queries (a push of thousands of report
   * edits would otherwise ask once per report); what is not found is cached as no rights.
   */
  async preload(clientIds: readonly string[], reportIds: readonly string[]): Promise<void> {
    const clients = [...new Set(clientIds)].filter((id) => !this.dossiers.has(id));
    if (clients.length > 0) {
      const rows = await queryRows<{ client_id: string; can_read: boolean; can_edit: boolean; can_sign_off: boolean }>(
        this.db,
        sql`SELECT client_id, can_read, can_edit, can_sign_off FROM sync_dossier_rights
            WHERE organisation_id = ${this.organisationId} AND user_id = ${this.userId} AND client_id = ANY(${uuidArray(clients)})`,
      );
      for (const id of clients) this.dossiers.set(id, none);
      for (const row of rows) this.dossiers.set(row.client_id, dossierRights(row));
    }
    const reports = [...new Set(reportIds)].filter((id) => !this.reports.has(id));
    if (reports.length > 0) {
      const rows = await queryRows<{ report_id: string; can_read: boolean; can_edit: boolean }>(
        this.db,
        sql`SELECT report_id, can_read, can_edit FROM sync_report_rights
            WHERE organisation_id = ${this.organisationId} AND user_id = ${this.userId} AND report_id = ANY(${uuidArray(reports)})`,
      );
      for (const id of reports) this.reports.set(id, null);
      for (const row of rows) this.reports.set(row.report_id, reportRights(row));
    }
  }

  async dossier(clientId: string): Promise<DossierRights> {
    const cached = this.dossiers.get(clientId);
    if (cached) return cached;
    const [row] = await queryRows<{ can_read: boolean; can_edit: boolean; can_sign_off: boolean }>(
      this.db,
      sql`SELECT can_read, can_edit, can_sign_off FROM sync_dossier_rights
          WHERE organisation_id = ${this.organisationId} AND client_id = ${clientId} AND user_id = ${this.userId}`,
    );
    const rights = row ? dossierRights(row) : none;
    this.dossiers.set(clientId, rights);
    return rights;
  }

  async report(reportId: string): Promise<ReportRights | null> {
    if (this.reports.has(reportId)) return this.reports.get(reportId)!;
    const [row] = await queryRows<{ can_read: boolean; can_edit: boolean }>(
      this.db,
      sql`SELECT can_read, can_edit FROM sync_report_rights
          WHERE organisation_id = ${this.organisationId} AND report_id = ${reportId} AND user_id = ${this.userId}`,
    );
    const rights = row ? reportRights(row) : null;
    this.reports.set(reportId, rights);
    return rights;
  }

  forget(): void {
    this.dossiers.clear();
    this.reports.clear();
  }
}

// Edit and sign-off without read are no rights at all (as on the device, electron/store/rights.ts).
function dossierRights(row: { can_read: boolean; can_edit: boolean; can_sign_off: boolean }): DossierRights {
  return { canRead: row.can_read, canEdit: row.can_read && row.can_edit, canSignOff: row.can_read && row.can_sign_off };
}

function reportRights(row: { can_read: boolean; can_edit: boolean }): ReportRights {
  return { canRead: row.can_read, canEdit: row.can_read && row.can_edit };
}

const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;
