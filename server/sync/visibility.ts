import { sql, type SQL } from 'drizzle-orm';

export interface Reader {
  organisationId: string;
  userId: string;
  isAdmin: boolean;
}

/** May the reader see dossier `clientColumn`? (read right in the rights projection) */
function readsDossier(reader: Reader, clientColumn: SQL): SQL {
  return sql`EXISTS (SELECT 1 FROM sync_dossier_rights d WHERE d.organisation_id = ${reader.organisationId}
                     AND d.client_id = ${clientColumn} AND d.user_id = ${reader.userId} AND d.can_read)`;
}

/**
 * Which rows of sync_rows (alias `r`) the reader may receive, mirroring the device's read rules
 * (electron/store/rights.ts), decided from the rights projection and the row's rights columns:
 * - organisation-wide tables (organisations, users, settings): everyone in the organisation;
 * - access rows: the person they name, administrators (who manage them), readers of the dossier;
 * - appointments: their practitioners, and users who may read every dossier on them;
 * - reports: dossier read, and for restricted ones also author or named with read (report_access);
 * - every other row (clients, contacts, allocations, time, documents): dossier read.
 */
export function visibleRow(reader: Reader): SQL {
  const readsRowDossier = readsDossier(reader, sql`r.client_id`);
  return sql`(CASE
    WHEN r.table_name IN ('organisations', 'users', 'settings') THEN true
    WHEN r.table_name IN ('dossier_access', 'report_access') THEN r.owner_user_id = ${reader.userId} OR ${reader.isAdmin} OR ${readsRowDossier}
    WHEN r.table_name = 'appointments' THEN ${reader.userId}::uuid = ANY(r.practitioner_ids)
      OR (cardinality(r.client_ids) > 0 AND NOT EXISTS (
            SELECT 1 FROM unnest(r.client_ids) AS c(id) WHERE NOT ${readsDossier(reader, sql`c.id`)}))
    WHEN r.table_name = 'reports' THEN ${readsRowDossier} AND (NOT r.restricted OR r.owner_user_id = ${reader.userId}
      OR EXISTS (SELECT 1 FROM sync_report_rights x WHERE x.organisation_id = ${reader.organisationId}
                 AND x.report_id = r.row_id AND x.user_id = ${reader.userId} AND x.can_read))
    ELSE r.client_id IS NOT NULL AND ${readsRowDossier}
  END)`;
}
