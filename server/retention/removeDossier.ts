import { sql } from 'drizzle-orm';
import type { Tx } from '../db/database.js';
import { queryRows } from '../db/raw.js';
import { addPurge } from '../sync/projection.js';
import type { SequenceAllocator } from '../sync/sequence.js';

const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

export interface HubRemoval {
  /** Synced records and document files removed (a count says nothing about the person). */
  removedRecords: number;
  /** Registered, not revoked devices of the users who could read the dossier: they must purge it too. */
  devices: string[];
}

/**
 * Destroys a dossier in the sync hub, inside the caller's transaction, which must hold the
 * organisation's sync lock (lockOrganisation) and flush `sequence` afterwards:
 * - every synced row of it (the client row, reports, contacts, documents, access rows, …) and
 *   every appointment that names it, with their field history, conflicts and the stored answers
 *   to mutations that quoted its text (conflict answers carry both versions);
 * - the bytes of its documents, unless another live row of the organisation has the same content;
 * - its rights projection, so a device that still pushes an old change for it is refused;
 * - then a `client_deleted` purge for every user of the organisation (a device that never held
 *   it ignores it), and one per removed appointment, so devices remove their copies at their next
 *   pull — the same mechanism as lost access, with a reason that also drops unsent changes.
 * The NEN 7513 access log (sync_access_log) stays: it is a legal record of its own, holds ids but
 * no client data, and goes with the organisation at the end of retention (docs/operations.md).
 */
export async function removeDossierFromHub(tx: Tx, organisationId: string, clientId: string, sequence: SequenceAllocator): Promise<HubRemoval> {
  const rows = await queryRows<{ table_name: string; row_id: string; content_hash: string | null }>(
    tx,
    sql`SELECT table_name, row_id, content_hash FROM sync_rows
        WHERE organisation_id = ${organisationId}
          AND (client_id = ${clientId} OR (table_name = 'clients' AND row_id = ${clientId}) OR client_ids @> ARRAY[${clientId}]::uuid[])`,
  );
  const holders = await queryRows<{ user_id: string }>(
    tx,
    sql`SELECT user_id FROM sync_dossier_rights WHERE organisation_id = ${organisationId} AND client_id = ${clientId} AND can_read`,
  );
  const devices =
    holders.length === 0
      ? []
      : await queryRows<{ id: string }>(
          tx,
          sql`SELECT DISTINCT id::text AS id FROM devices WHERE organisation_id = ${organisationId}
              AND user_id = ANY(${uuidArray(holders.map((holder) => holder.user_id))}) AND revoked_at IS NULL ORDER BY id`,
        );

  const rowIds = rows.map((row) => row.row_id);
  const hashes = [...new Set(rows.map((row) => row.content_hash).filter((hash): hash is string => hash !== null))];
  let removedRecords = rows.length;
  if (rowIds.length > 0) {
    const ids = uuidArray(rowIds);
    await tx.execute(sql`DELETE FROM sync_history WHERE organisation_id = ${organisationId} AND row_id = ANY(${ids})`);
    await tx.execute(sql`DELETE FROM sync_conflicts WHERE organisation_id = ${organisationId} AND (client_id = ${clientId} OR row_id = ANY(${ids}))`);
    // Only conflict answers quote values; they name the row they are about.
    await tx.execute(sql`DELETE FROM sync_mutations m WHERE m.organisation_id = ${organisationId} AND m.result LIKE '%"conflict"%'
                         AND EXISTS (SELECT 1 FROM unnest(${ids}) AS r(id) WHERE position(r.id::text IN m.result) > 0)`);
    await tx.execute(sql`DELETE FROM sync_report_rights WHERE organisation_id = ${organisationId} AND report_id = ANY(${ids})`);
    await tx.execute(sql`DELETE FROM sync_rows WHERE organisation_id = ${organisationId} AND row_id = ANY(${ids})`);
  }
  await tx.execute(sql`DELETE FROM sync_dossier_rights WHERE organisation_id = ${organisationId} AND client_id = ${clientId}`);
  for (const hash of hashes) {
    const [shared] = await queryRows<{ one: number }>(
      tx,
      sql`SELECT 1 AS one FROM sync_rows WHERE organisation_id = ${organisationId} AND content_hash = ${hash} AND NOT deleted LIMIT 1`,
    );
    if (shared) continue;
    await tx.execute(sql`DELETE FROM sync_document_chunks WHERE organisation_id = ${organisationId} AND content_hash = ${hash}`);
    const removed = await queryRows<{ one: number }>(tx, sql`DELETE FROM sync_documents WHERE organisation_id = ${organisationId} AND content_hash = ${hash} RETURNING 1 AS one`);
    removedRecords += removed.length;
  }

  const users = await queryRows<{ id: string }>(tx, sql`SELECT id FROM users WHERE organisation_id = ${organisationId} ORDER BY id`);
  const appointments = rows.filter((row) => row.table_name === 'appointments');
  for (const { id: userId } of users) {
    await addPurge(tx, organisationId, userId, { scope: 'client', clientId }, sequence, 'client_deleted');
    for (const appointment of appointments) {
      await addPurge(tx, organisationId, userId, { scope: 'row', table: 'appointments', rowId: appointment.row_id }, sequence, 'client_deleted');
    }
  }
  return { removedRecords, devices: devices.map((device) => device.id) };
}
