import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';

/**
 * Reads the stopped central service's own database (its PGlite folder) to check what it holds:
 * the stored answer per mutation id, i.e. which mutations it applied (docs/sync.md "Idempotency").
 * Only after `halt()`: PGlite allows one process at a time.
 */
export async function hubMutationLog(dataDir: string): Promise<Map<string, number>> {
  const db = await PGlite.create(path.join(dataDir, 'pglite'));
  try {
    const result = await db.query<{ mutation_id: string; n: number }>('SELECT mutation_id, count(*)::int AS n FROM sync_mutations GROUP BY mutation_id');
    return new Map(result.rows.map((row) => [row.mutation_id, row.n]));
  } finally {
    await db.close();
  }
}

export interface ArchivedLine {
  id: string;
  deviceId: string;
  deviceSeq: number;
  clientId: string | null;
  prevHash: string;
  hash: string;
  chainBroken: boolean;
}

/** The stopped central service's NEN 7513 archive (`sync_access_log`), in each device's order. */
export async function hubAccessLog(dataDir: string): Promise<ArchivedLine[]> {
  const db = await PGlite.create(path.join(dataDir, 'pglite'));
  try {
    const result = await db.query<{ id: string; device_id: string; device_seq: string | number; client_id: string | null; prev_hash: string; hash: string; chain_broken: boolean }>(
      'SELECT id, device_id, device_seq, client_id, prev_hash, hash, chain_broken FROM sync_access_log ORDER BY device_id, device_seq',
    );
    return result.rows.map((row) => ({
      id: row.id,
      deviceId: row.device_id,
      deviceSeq: Number(row.device_seq),
      clientId: row.client_id,
      prevHash: row.prev_hash,
      hash: row.hash,
      chainBroken: row.chain_broken,
    }));
  } finally {
    await db.close();
  }
}
