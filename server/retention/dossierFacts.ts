import { sql } from 'drizzle-orm';
import type { DossierRetentionFacts } from '../../shared/retention/index.js';
import type { OpaqueValue } from '../../shared/sync/opaque-value.js';
import type { Queryable } from '../db/database.js';
import { queryRows } from '../db/raw.js';
import { amsterdamDate } from '../subscription/today.js';

export type ClosedDossier = { id: string; hasLiveCase: boolean } & DossierRetentionFacts;

const isoDate = (value: OpaqueValue | undefined): string | null => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null);

/**
 * What the twenty-year rule needs of every closed dossier in the hub (README "Wiring"): status and
 * care end date from the client row, the last change as the newest updated_at of any of its rows
 * (as an Amsterdam day), the latest "keep longer" date, and whether a case is already running.
 */
export async function closedDossierFacts(db: Queryable, organisationId: string): Promise<ClosedDossier[]> {
  const records = await queryRows<{ row_id: string; values: string; last_changed: string | Date; keep_until: string | null; live: boolean }>(
    db,
    sql`SELECT c.row_id, c.values,
          (SELECT max(r.updated_at) FROM sync_rows r WHERE r.organisation_id = c.organisation_id
             AND (r.client_id = c.row_id OR (r.table_name = 'clients' AND r.row_id = c.row_id))) AS last_changed,
          (SELECT max(k.keep_until) FROM removal_cases k WHERE k.organisation_id = c.organisation_id
             AND k.client_id = c.row_id AND k.state = 'kept_longer') AS keep_until,
          EXISTS (SELECT 1 FROM removal_cases l WHERE l.organisation_id = c.organisation_id
             AND l.client_id = c.row_id AND l.state IN ('open', 'awaiting_decision', 'approved')) AS live
        FROM sync_rows c
        WHERE c.organisation_id = ${organisationId} AND c.table_name = 'clients' AND NOT c.deleted`,
  );
  const closed: ClosedDossier[] = [];
  for (const record of records) {
    const values = JSON.parse(record.values) as Record<string, OpaqueValue>;
    const careEndDate = isoDate(values.careEndDate);
    if (values.status !== 'uit_zorg' || careEndDate === null) continue;
    closed.push({
      id: record.row_id,
      hasLiveCase: record.live,
      status: 'uit_zorg',
      careEndDate,
      lastChangedOn: amsterdamDate(new Date(record.last_changed)),
      keepUntil: record.keep_until,
    });
  }
  return closed;
}
