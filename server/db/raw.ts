import type { SQL } from 'drizzle-orm';
import type { Queryable } from './database.js';

/**
 * Runs raw SQL and returns its rows. Both drivers answer `{ rows }`; the generic pg-core type does
 * not know that, so the cast lives here once instead of at every call.
 */
export async function queryRows<Row>(db: Queryable, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}
