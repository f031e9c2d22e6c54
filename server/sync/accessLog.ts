import { sql } from 'drizzle-orm';
import type { AccessLogUploadEntry, AccessLogUploadResponse } from '../../shared/sync/protocol.js';
import type { Tx } from '../db/database.js';
import { queryRows } from '../db/raw.js';
import { forbidden, HttpError } from '../http/httpError.js';

/** Lock class of one device's archive upload (the chain check reads, then appends). */
const ACCESS_LOG_LOCK_CLASS = 0x4c_4f_47; // "LOG"

export interface Uploader {
  organisationId: string;
  userId: string;
  deviceId: string;
}

/**
 * Appends a device's NEN 7513 lines to the organisation's archive (docs/sync.md "The hub"):
 * idempotent by entry id (a retried upload adds nothing), in the device's order, with the device's
 * hash-chain fields kept as sent, and the uploading device recorded with every line. Lines may name
 * other users of the organisation (the device's log records whoever acted on it, e.g. a refused
 * unlock); refusing them would wedge the device's upload for good. A line whose `prevHash` does not continue the chain archived so
 * far for this device is still archived — losing a log line is worse — but marked, and the answer
 * says so (the device and an auditor can then look at what is missing). The hub has no update or
 * delete of this table.
 */
export async function archiveAccessLog(tx: Tx, uploader: Uploader, entries: AccessLogUploadEntry[], now: Date): Promise<AccessLogUploadResponse> {
  for (const [index, entry] of entries.entries()) {
    if (entry.organisationId !== uploader.organisationId) throw forbidden('An access-log line names another organisation.');
    if (Object.values(entry).some((value) => typeof value === 'string' && value.includes('\u0000'))) {
      throw new HttpError(400, 'invalid_request', 'An access-log line contains a NUL character.', { issues: [{ path: `entries.${index}`, message: 'NUL character' }] });
    }
  }
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${ACCESS_LOG_LOCK_CLASS}::int, hashtext(${uploader.deviceId}))`);
  const [last] = await queryRows<{ device_seq: string | number; hash: string }>(
    tx,
    sql`SELECT device_seq, hash FROM sync_access_log WHERE organisation_id = ${uploader.organisationId} AND device_id = ${uploader.deviceId}
        ORDER BY device_seq DESC LIMIT 1`,
  );
  let previousHash = last?.hash ?? null;
  let throughSeq = last ? Number(last.device_seq) : 0;
  let chainBroken = false;
  // Which lines are archived already, in one query (a line per statement was most of the hub's
  // CPU for an upload); a line sent twice in one batch counts as known after its first copy.
  const known = await archivedIds(tx, uploader.organisationId, entries.map((entry) => entry.id));
  const lines: Record<string, unknown>[] = [];
  for (const entry of [...entries].sort((x, y) => x.seq - y.seq)) {
    // uuid text compares as the database does: without regard to case.
    const id = entry.id.toLowerCase();
    if (known.has(id)) continue;
    known.add(id);
    const broken = previousHash !== null && entry.prevHash !== previousHash;
    chainBroken ||= broken;
    lines.push({
      organisation_id: uploader.organisationId,
      id: entry.id,
      device_id: uploader.deviceId,
      device_seq: entry.seq,
      user_id: entry.userId,
      at: new Date(entry.at).toISOString(),
      client_id: entry.clientId,
      entry: JSON.stringify(entry),
      prev_hash: entry.prevHash,
      hash: entry.hash,
      chain_broken: broken,
      received_at: now.toISOString(),
    });
    previousHash = entry.hash;
    throughSeq = Math.max(throughSeq, entry.seq);
  }
  // All lines as one JSON parameter (json_to_recordset), as the push writes rows (rowStore.ts).
  if (lines.length > 0) {
    await tx.execute(sql`
      INSERT INTO sync_access_log (organisation_id, id, device_id, device_seq, user_id, at, client_id, entry, prev_hash, hash, chain_broken, received_at)
      SELECT * FROM json_to_recordset(${JSON.stringify(lines)}::json) AS x(organisation_id uuid, id uuid, device_id uuid, device_seq bigint, user_id uuid,
        at timestamptz, client_id uuid, entry text, prev_hash text, hash text, chain_broken boolean, received_at timestamptz)`);
  }
  return { archivedThroughSeq: throughSeq, chainBroken };
}

async function archivedIds(tx: Tx, organisationId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const records = await queryRows<{ id: string }>(
    tx,
    sql`SELECT id FROM sync_access_log WHERE organisation_id = ${organisationId} AND id = ANY(${`{${[...new Set(ids)].join(',')}}`}::uuid[])`,
  );
  return new Set(records.map((record) => record.id.toLowerCase()));
}
