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

  async dossier(clientId: string): Promise<DossierRights> {
    const cached = this.dossiers.get(clientId);
    if (cached) return cached;
    const [row] = await queryRows<{ can_read: boolean; can_edit: boolean; can_sign_off: boolean }>(
      this.db,
      sql`SELECT can_read, can_edit, can_sign_off FROM sync_dossier_rights
          WHERE organisation_id = ${this.organisationId} AND client_id = ${clientId} AND user_id = ${this.userId}`,
    );
    // Edit and sign-off without read are no rights at all (as on the device, electron/store/rights.ts).
    const rights = row ? { canRead: row.can_read, canEdit: row.can_read && row.can_edit, canSignOff: row.can_read && row.can_sign_off } : none;
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
    const rights = row ? { canRead: row.can_read, canEdit: row.can_read && row.can_edit } : null;
    this.reports.set(reportId, rights);
    return rights;
  }

  forget(): void {
    this.dossiers.clear();
    this.reports.clear();
  }
}
