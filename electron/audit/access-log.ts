import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { AccessAction, AccessLogEntry, AccessOutcome } from '../../shared/domain/access-log.js';
import type { SqliteDatabase } from '../store/database.js';

/** What a caller states about an access; the log adds id, time, device and the chain. */
export interface AccessEvent {
  organisationId: string;
  userId: string;
  onBehalfOf?: string | null;
  action: AccessAction;
  /** What happened in words a log reader understands, e.g. "report.update", "client.search". */
  event: string;
  clientId: string | null;
  objectType: string;
  objectId: string | null;
  outcome: AccessOutcome;
  reason?: string | null;
}

export const genesisHash = '0'.repeat(64);

export type ChainVerdict = { intact: true; entries: number } | { intact: false; brokenAtSeq: number; problem: string };

/**
 * NEN 7513 access log: append-only, hash-chained. Each entry's hash is SHA-256 over the previous
 * hash and the entry's fields in a fixed order, so editing, removing or reordering any entry
 * breaks every later hash. `append` must run inside the transaction of the access it records, so
 * the log and the data can never disagree.
 */
export class AccessLog {
  private readonly insert;
  private readonly lastHash;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly deviceId: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.insert = db.prepare(
      `INSERT INTO access_log (id, at, organisation_id, user_id, on_behalf_of, action, event, client_id, object_type, object_id, outcome, reason, device_id, prev_hash, hash)
       VALUES (@id, @at, @organisationId, @userId, @onBehalfOf, @action, @event, @clientId, @objectType, @objectId, @outcome, @reason, @deviceId, @prevHash, @hash)`,
    );
    // Read inside the caller's transaction every time: a cached value would be wrong after a rollback.
    this.lastHash = db.prepare('SELECT hash FROM access_log ORDER BY seq DESC LIMIT 1').pluck();
  }

  append(event: AccessEvent): void {
    if (!this.db.inTransaction) throw new Error('AccessLog.append must run inside the transaction of the access it records');
    const prevHash = (this.lastHash.get() as string | undefined) ?? genesisHash;
    const entry = {
      id: uuidv7(),
      // NEN 7513 asks for the time to the second; UTC avoids daylight-saving ambiguity.
      at: this.now().toISOString().slice(0, 19) + 'Z',
      organisationId: event.organisationId,
      userId: event.userId,
      onBehalfOf: event.onBehalfOf ?? null,
      action: event.action,
      event: event.event,
      clientId: event.clientId,
      objectType: event.objectType,
      objectId: event.objectId,
      outcome: event.outcome,
      reason: event.reason ?? null,
      deviceId: this.deviceId,
      prevHash,
    };
    this.insert.run({ ...entry, hash: entryHash(entry) });
  }

  /** Walks the whole chain; reports the first entry whose link or content does not match. */
  verifyChain(): ChainVerdict {
    let prev = genesisHash;
    let count = 0;
    let lastSeq = 0;
    for (const row of this.db.prepare('SELECT * FROM access_log ORDER BY seq').iterate() as Iterable<Record<string, unknown>>) {
      const entry = fromRow(row);
      if (entry.seq !== lastSeq + 1) return { intact: false, brokenAtSeq: lastSeq + 1, problem: 'Er ontbreekt een regel in het toegangslog' };
      if (entry.prevHash !== prev) return { intact: false, brokenAtSeq: entry.seq, problem: 'De keten van het toegangslog is verbroken' };
      if (entryHash(entry) !== entry.hash) return { intact: false, brokenAtSeq: entry.seq, problem: 'Een regel van het toegangslog is gewijzigd' };
      prev = entry.hash;
      lastSeq = entry.seq;
      count++;
    }
    return { intact: true, entries: count };
  }

  /** "Who accessed this client's dossier" (Wabvpz): every entry about the client, oldest first. */
  entriesForClient(clientId: string): AccessLogEntry[] {
    const rows = this.db
      .prepare(
        `SELECT l.*, u.display_name AS user_name FROM access_log l LEFT JOIN users u ON u.id = l.user_id
         WHERE l.client_id = ? ORDER BY l.seq`,
      )
      .all(clientId) as Array<Record<string, unknown>>;
    return rows.map(fromRow);
  }

  /** Entries after `afterSeq`, for the upload to the central archive (issue 7). */
  entriesAfter(afterSeq: number, limit = 1000): AccessLogEntry[] {
    const rows = this.db.prepare('SELECT * FROM access_log WHERE seq > ? ORDER BY seq LIMIT ?').all(afterSeq, limit) as Array<Record<string, unknown>>;
    return rows.map(fromRow);
  }
}

type HashedFields = Omit<AccessLogEntry, 'seq' | 'hash' | 'userName'>;

function entryHash(e: HashedFields): string {
  // A JSON array in a fixed order: unambiguous (no field can bleed into the next) and stable.
  const canonical = JSON.stringify([
    e.prevHash, e.id, e.at, e.organisationId, e.userId, e.onBehalfOf, e.action, e.event,
    e.clientId, e.objectType, e.objectId, e.outcome, e.reason, e.deviceId,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

function fromRow(row: Record<string, unknown>): AccessLogEntry {
  return {
    seq: row.seq as number,
    id: row.id as string,
    at: row.at as string,
    organisationId: row.organisation_id as string,
    userId: row.user_id as string,
    userName: (row.user_name as string | undefined) ?? null,
    onBehalfOf: row.on_behalf_of as string | null,
    action: row.action as AccessAction,
    event: row.event as string,
    clientId: row.client_id as string | null,
    objectType: row.object_type as string,
    objectId: row.object_id as string | null,
    outcome: row.outcome as AccessOutcome,
    reason: row.reason as string | null,
    deviceId: row.device_id as string,
    prevHash: row.prev_hash as string,
    hash: row.hash as string,
  };
}
