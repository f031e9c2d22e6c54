import type { AccessLogUploadEntry } from '../../shared/sync/protocol.js';
import { syncLimits } from '../../shared/sync/limits.js';
import { syncValueKeys } from './device-values.js';
import type { SyncDb } from './sync-db.js';
import type { SyncTransport } from './sync-transport.js';

/**
 * Sends the NEN 7513 lines the hub has not archived yet, oldest first, in bounded batches. The hub
 * archives idempotently by id, so a lost answer only means the batch goes again. The device keeps
 * its own copy (append-only); `archivedThroughSeq` only moves the upload position.
 */
export async function uploadAccessLog(sync: SyncDb, transport: SyncTransport, deviceId: string): Promise<number> {
  let sent = 0;
  for (;;) {
    const after = Number(sync.values.get(syncValueKeys.accessLogUploadedThrough) ?? '0');
    const entries = sync.db
      .prepare(
        `SELECT seq, id, at, organisation_id AS organisationId, user_id AS userId, on_behalf_of AS onBehalfOf, action, event,
                client_id AS clientId, object_type AS objectType, object_id AS objectId, outcome, reason, device_id AS deviceId,
                prev_hash AS prevHash, hash
         FROM access_log WHERE seq > ? ORDER BY seq LIMIT ?`,
      )
      .all(after, syncLimits.accessLogPerUpload) as AccessLogUploadEntry[];
    if (entries.length === 0) return sent;
    const answer = await transport.uploadAccessLog({ protocolVersion: 1, deviceId, entries });
    const through = Math.max(after, Math.min(answer.archivedThroughSeq, entries.at(-1)!.seq));
    if (through <= after) return sent; // the hub did not take them (chain broken): tried again next sync
    sync.transaction(() => sync.values.set(syncValueKeys.accessLogUploadedThrough, String(through)));
    sent += entries.filter((entry) => entry.seq <= through).length;
  }
}
