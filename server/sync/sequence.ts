import { sql } from 'drizzle-orm';
import { v4 as uuidv4 } from 'uuid';
import type { Queryable, Tx } from '../db/database.js';
import { queryRows } from '../db/raw.js';

/**
 * The advisory-lock class of sync writers (the first key of pg_advisory_xact_lock(int, int)); the
 * second key is a hash of the organisation id. A hash collision only makes two organisations wait
 * for each other, never lets two writers of one organisation run together.
 */
const SYNC_LOCK_CLASS = 0x5359_4e43; // "SYNC"

/**
 * Serialises the organisation's writers for the rest of the transaction (docs/sync.md "The cursor
 * and the sequence trap"): sequence numbers are then handed out in commit order, so a reader that
 * saw `head` has seen every change at or below it. Released by commit or rollback.
 */
export async function lockOrganisation(tx: Tx, organisationId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${SYNC_LOCK_CLASS}::int, hashtext(${organisationId}))`);
}

export interface HeadState {
  head: number;
  epoch: string;
  restoredFromEpoch: string | null;
  epochStartSeq: number;
}

/**
 * The organisation's head row, made on first use (a fresh epoch). Read first and inserted only when
 * missing: a pull must not write (nor wait on a push's uncommitted update of the row).
 */
export async function readHead(db: Queryable, organisationId: string): Promise<HeadState> {
  const select = () =>
    queryRows<{ head: string | number; epoch: string; restored_from_epoch: string | null; epoch_start_seq: string | number }>(
      db,
      sql`SELECT head, epoch, restored_from_epoch, epoch_start_seq FROM sync_heads WHERE organisation_id = ${organisationId}`,
    );
  let [row] = await select();
  if (!row) {
    await db.execute(sql`INSERT INTO sync_heads (organisation_id, head, epoch) VALUES (${organisationId}, 0, ${uuidv4()}) ON CONFLICT DO NOTHING`);
    [row] = await select();
  }
  if (!row) throw new Error('sync head missing after insert');
  return { head: Number(row.head), epoch: row.epoch, restoredFromEpoch: row.restored_from_epoch, epochStartSeq: Number(row.epoch_start_seq) };
}

/** readHead and serverId in one query (a pull's first read); either made on first use as there. */
export async function readHeadAndServer(db: Queryable, organisationId: string): Promise<HeadState & { serverId: string }> {
  const [row] = await queryRows<{ head: string | number; epoch: string; restored_from_epoch: string | null; epoch_start_seq: string | number; server_id: string | null }>(
    db,
    sql`SELECT head, epoch, restored_from_epoch, epoch_start_seq, (SELECT id FROM sync_server WHERE singleton = true) AS server_id
        FROM sync_heads WHERE organisation_id = ${organisationId}`,
  );
  if (!row?.server_id) return { ...(await readHead(db, organisationId)), serverId: await serverId(db) };
  return { head: Number(row.head), epoch: row.epoch, restoredFromEpoch: row.restored_from_epoch, epochStartSeq: Number(row.epoch_start_seq), serverId: row.server_id };
}

/**
 * Hands out the organisation's next sequence numbers inside a locked transaction and writes the
 * new head before commit. Only valid while the lock is held.
 */
export class SequenceAllocator {
  private current: number;
  private readonly start: number;

  constructor(head: number) {
    this.current = head;
    this.start = head;
  }

  next(): number {
    this.current += 1;
    return this.current;
  }

  /** Reserves `count` numbers after the current head; returns the last number before them. */
  reserve(count: number): number {
    const base = this.current;
    this.current += count;
    return base;
  }

  get head(): number {
    return this.current;
  }

  async flush(tx: Tx, organisationId: string): Promise<void> {
    if (this.current === this.start) return;
    await tx.execute(sql`UPDATE sync_heads SET head = ${this.current} WHERE organisation_id = ${organisationId}`);
  }
}

/** The id of this database (pull answers' `server.id`), made on first use. */
export async function serverId(db: Queryable): Promise<string> {
  const select = () => queryRows<{ id: string }>(db, sql`SELECT id FROM sync_server WHERE singleton = true`);
  let [row] = await select();
  if (!row) {
    await db.execute(sql`INSERT INTO sync_server (singleton, id) VALUES (true, ${uuidv4()}) ON CONFLICT DO NOTHING`);
    [row] = await select();
  }
  if (!row) throw new Error('sync server identity missing after insert');
  return row.id;
}
