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
