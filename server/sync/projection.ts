import { sql } from 'drizzle-orm';
import type { PurgeReason } from '../../shared/sync/protocol.js';
import { valueOf } from '../../shared/sync/row-state.js';
import type { Tx } from '../db/database.js';
import { queryRows } from '../db/raw.js';
import { isUuid } from './authoriseWrite.js';
import type { SequenceAllocator } from './sequence.js';
import type { StoredRow } from './rowStore.js';

/**
 * Keeps the rights projection in step with the synced access rows, in the transaction that writes
 * them (docs/sync.md "The hub"):
 * - a user who gains read access to a dossier (or a restricted report) must receive rows whose
 *   sequence numbers lie below their cursor: those rows get new sequence numbers ("re-stamped"),
 *   so every reader's next pull carries them — pulled rows are full states, so readers who had
 *   them already just apply them again;
 * - a user who loses read access gets a purge of the dossier (or report) with the next number.
 */
export async function projectAccessRow(tx: Tx, stored: StoredRow, sequence: SequenceAllocator): Promise<void> {
  const { row } = stored;
  if (row.table !== 'dossier_access' && row.table !== 'report_access') return;
  const userId = stored.ownerUserId;
  if (!userId || !row.clientId) return;
  const live = !stored.deleted;
  const canRead = live && valueOf(row, 'canRead') === true;
  const canEdit = canRead && valueOf(row, 'canEdit') === true;

  if (row.table === 'dossier_access') {
    const canSignOff = canRead && valueOf(row, 'canSignOff') === true;
    const [before] = await queryRows<{ can_read: boolean }>(
      tx,
      sql`SELECT can_read FROM sync_dossier_rights WHERE organisation_id = ${row.organisationId} AND client_id = ${row.clientId} AND user_id = ${userId} FOR UPDATE`,
    );
    await tx.execute(sql`
      INSERT INTO sync_dossier_rights (organisation_id, client_id, user_id, access_row_id, can_read, can_edit, can_sign_off)
      VALUES (${row.organisationId}, ${row.clientId}, ${userId}, ${row.id}, ${canRead}, ${canEdit}, ${canSignOff})
      ON CONFLICT (organisation_id, client_id, user_id) DO UPDATE SET
        access_row_id = EXCLUDED.access_row_id, can_read = EXCLUDED.can_read, can_edit = EXCLUDED.can_edit, can_sign_off = EXCLUDED.can_sign_off`);
    const hadRead = before?.can_read === true;
    if (!hadRead && canRead) await restampDossier(tx, row.organisationId, row.clientId, sequence);
    if (hadRead && !canRead) await addPurge(tx, row.organisationId, userId, { scope: 'client', clientId: row.clientId }, sequence);
    return;
  }

  const reportId = valueOf(row, 'reportId');
  if (!isUuid(reportId)) return;
  const [before] = await queryRows<{ can_read: boolean }>(
    tx,
    sql`SELECT can_read FROM sync_report_rights WHERE organisation_id = ${row.organisationId} AND report_id = ${reportId} AND user_id = ${userId} FOR UPDATE`,
  );
  await tx.execute(sql`
    INSERT INTO sync_report_rights (organisation_id, report_id, user_id, access_row_id, can_read, can_edit)
    VALUES (${row.organisationId}, ${reportId}, ${userId}, ${row.id}, ${canRead}, ${canEdit})
    ON CONFLICT (organisation_id, report_id, user_id) DO UPDATE SET
      access_row_id = EXCLUDED.access_row_id, can_read = EXCLUDED.can_read, can_edit = EXCLUDED.can_edit`);
  const hadRead = before?.can_read === true;
  if (!hadRead && canRead) await restampRows(tx, row.organisationId, sql`table_name = 'reports' AND row_id = ${reportId}`, sequence);
  if (hadRead && !canRead) {
    // Only a restricted report that the user did not write disappears from their view.
    const [report] = await queryRows<{ restricted: boolean; owner_user_id: string | null }>(
      tx,
      sql`SELECT restricted, owner_user_id FROM sync_rows WHERE organisation_id = ${row.organisationId} AND table_name = 'reports' AND row_id = ${reportId}`,
    );
    if (report?.restricted && report.owner_user_id !== userId) {
      await addPurge(tx, row.organisationId, userId, { scope: 'row', table: 'reports', rowId: reportId }, sequence);
    }
  }
}

async function restampDossier(tx: Tx, organisationId: string, clientId: string, sequence: SequenceAllocator): Promise<void> {
  // Only appointments have client_ids (rightsFields.ts): naming the table lets both halves use an
  // index; `client_ids @> …` alone read every row of the organisation on each grant (EXPLAIN at
  // 204,000 rows: 260 ms → 3.6 ms).
  await restampRows(tx, organisationId, sql`(client_id = ${clientId} OR (table_name = 'appointments' AND client_ids @> ARRAY[${clientId}]::uuid[]))`, sequence);
  const base = sequence.head;
  const conflicts = await queryRows<{ n: number }>(
    tx,
    sql`UPDATE sync_conflicts c SET seq = ${base} + t.n
        FROM (SELECT conflict_id, row_number() OVER (ORDER BY seq) AS n FROM sync_conflicts
              WHERE organisation_id = ${organisationId} AND client_id = ${clientId}) t
        WHERE c.organisation_id = ${organisationId} AND c.conflict_id = t.conflict_id RETURNING 1 AS n`,
  );
  sequence.reserve(conflicts.length);
}

/** Gives the matching rows new, consecutive sequence numbers after the head (all above every old one). */
async function restampRows(tx: Tx, organisationId: string, where: ReturnType<typeof sql>, sequence: SequenceAllocator): Promise<void> {
  const base = sequence.head;
  const rows = await queryRows<{ n: number }>(
    tx,
    sql`UPDATE sync_rows r SET seq = ${base} + t.n
        FROM (SELECT table_name, row_id, row_number() OVER (ORDER BY seq) AS n FROM sync_rows
              WHERE organisation_id = ${organisationId} AND ${where}) t
        WHERE r.organisation_id = ${organisationId} AND r.table_name = t.table_name AND r.row_id = t.row_id RETURNING 1 AS n`,
  );
  sequence.reserve(rows.length);
}

type PurgeTarget = { scope: 'client'; clientId: string } | { scope: 'row'; table: string; rowId: string };

export async function addPurge(tx: Tx, organisationId: string, userId: string, target: PurgeTarget, sequence: SequenceAllocator, reason: PurgeReason = 'access_revoked'): Promise<void> {
  const seq = sequence.next();
  await tx.execute(sql`
    INSERT INTO sync_purges (organisation_id, seq, user_id, scope, client_id, table_name, row_id, reason)
    VALUES (${organisationId}, ${seq}, ${userId}, ${target.scope}, ${target.scope === 'client' ? target.clientId : null},
            ${target.scope === 'row' ? target.table : null}, ${target.scope === 'row' ? target.rowId : null}, ${reason})`);
}

/**
 * A report that becomes restricted disappears for readers of the dossier who are neither its
 * author nor named in its report access: their devices get a purge of that report.
 */
export async function purgeNewlyRestricted(tx: Tx, before: StoredRow | null, after: StoredRow, sequence: SequenceAllocator): Promise<void> {
  if (after.row.table !== 'reports' || !after.restricted || !before || before.restricted || !after.row.clientId) return;
  const losing = await queryRows<{ user_id: string }>(
    tx,
    sql`SELECT d.user_id FROM sync_dossier_rights d
        WHERE d.organisation_id = ${after.row.organisationId} AND d.client_id = ${after.row.clientId} AND d.can_read
          AND d.user_id IS DISTINCT FROM ${after.ownerUserId}
          AND NOT EXISTS (SELECT 1 FROM sync_report_rights x WHERE x.organisation_id = d.organisation_id AND x.report_id = ${after.row.id}
                          AND x.user_id = d.user_id AND x.can_read)
        ORDER BY d.user_id`,
  );
  for (const { user_id: userId } of losing) {
    await addPurge(tx, after.row.organisationId, userId, { scope: 'row', table: 'reports', rowId: after.row.id }, sequence);
  }
}

/**
 * An appointment whose dossiers or practitioners change disappears for users who saw it before
 * (as a practitioner on it, or as a reader of every dossier on it) and no longer do.
 */
export async function purgeAppointmentAudience(tx: Tx, before: StoredRow | null, after: StoredRow, sequence: SequenceAllocator): Promise<void> {
  if (after.row.table !== 'appointments' || !before) return;
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((id) => b.includes(id));
  if (same(before.clientIds, after.clientIds) && same(before.practitionerIds, after.practitionerIds)) return;
  const organisationId = after.row.organisationId;
  const readersOfAll = async (clientIds: string[]): Promise<Set<string>> => {
    if (clientIds.length === 0) return new Set();
    const rows = await queryRows<{ user_id: string }>(
      tx,
      sql`SELECT user_id FROM sync_dossier_rights WHERE organisation_id = ${organisationId} AND can_read
            AND client_id = ANY(${`{${clientIds.join(',')}}`}::uuid[])
          GROUP BY user_id HAVING count(DISTINCT client_id) = ${clientIds.length}`,
    );
    return new Set(rows.map((row) => row.user_id));
  };
  const saw = new Set([...before.practitionerIds, ...(await readersOfAll(before.clientIds))]);
  const sees = new Set([...after.practitionerIds, ...(await readersOfAll(after.clientIds))]);
  for (const userId of [...saw].filter((user) => !sees.has(user)).sort()) {
    await addPurge(tx, organisationId, userId, { scope: 'row', table: 'appointments', rowId: after.row.id }, sequence);
  }
}
